package org.coachroom.pd;

/**
 * Progress that a requirement's rule does not allow (a third attempt, a score above 100);
 * the message is a message key, with the arguments its sentence takes.
 */
public class RecordingRefusedException extends RuntimeException {

	private final Object[] args;

	public RecordingRefusedException(String messageKey, Object... args) {
		super(messageKey);
		this.args = args.clone();
	}

	/** The arguments of the message's sentence (none for most). */
	public Object[] args() {
		return args.clone();
	}

}
