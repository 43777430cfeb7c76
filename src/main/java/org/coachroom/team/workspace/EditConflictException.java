package org.coachroom.team.workspace;

/** Thrown when someone else saved the same thing since the page was opened. */
public class EditConflictException extends RuntimeException {

	private final String reason;

	public EditConflictException(String what, String reason) {
		super(what + " changed meanwhile");
		this.reason = reason;
	}

	/** The key of the sentence that tells the person. */
	public String reason() {
		return reason;
	}
}
