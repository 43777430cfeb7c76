package org.coachroom.team.workspace;

/** Input a team workspace rule refuses; the message is the key of the sentence that says why. */
public class TeamInputException extends RuntimeException {

	public TeamInputException(String messageKey) {
		super(messageKey);
	}
}
