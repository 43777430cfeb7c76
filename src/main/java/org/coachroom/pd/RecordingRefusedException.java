package org.coachroom.pd;

/**
 * Progress that a requirement's rule does not allow (a third attempt, a score above 100);
 * the message is a message key.
 */
public class RecordingRefusedException extends RuntimeException {

	public RecordingRefusedException(String messageKey) {
		super(messageKey);
	}

}
