package org.coachroom.studygroup;

/** An upload that is not kept: empty, too large, or not a kind of file groups share. */
public class FileRejectedException extends RuntimeException {

	/** Why, as a message key's last part. */
	public enum Reason {

		EMPTY, TOO_LARGE, TYPE

	}

	private final Reason reason;

	public FileRejectedException(Reason reason) {
		super("Upload refused: " + reason);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
