package org.coachroom.team.workspace;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/**
 * Input a team workspace rule refuses; the message is the key of the sentence that says
 * why. A page that catches it shows the sentence by the field; one that does not answers
 * a 400 with the sentence.
 */
public class TeamInputException extends Refusal {

	static final Back BACK = new Back("/team", "team.back");

	public TeamInputException(String messageKey) {
		super(HttpStatus.BAD_REQUEST, messageKey, "team.refused.title", messageKey, BACK);
	}

}
