package org.coachroom.lti;

/**
 * An LMS service (roster, gradebook) could not be used, with the reason a person can act
 * on: the launch offered no such service, the LMS refused (the service is switched off in
 * the tool's settings), it did not answer in time, or it answered something Coachroom
 * cannot read.
 */
public class ServiceUnavailableException extends RuntimeException {

	/** Why the service could not be used. */
	public enum Reason {

		NOT_OFFERED, REFUSED, UNREACHABLE, INVALID

	}

	private final Reason reason;

	protected ServiceUnavailableException(Reason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
