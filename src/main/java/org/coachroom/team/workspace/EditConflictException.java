package org.coachroom.team.workspace;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/** Thrown when someone else saved the same thing since the page was opened (a 409). */
public class EditConflictException extends Refusal {

	public EditConflictException(String what, String reason) {
		super(HttpStatus.CONFLICT, what + " changed meanwhile", "team.refused.title", reason, TeamInputException.BACK);
	}

	/** The key of the sentence that tells the person. */
	public String reason() {
		return reasonKey();
	}

}
