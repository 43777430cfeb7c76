package org.coachroom.lti.internal;

/**
 * A login, launch or registration Coachroom will not accept. {@code detail} goes to the
 * log and, being about the request rather than about Coachroom's internals, to the LMS
 * admin on the page.
 */
public class RefusedException extends RuntimeException {

	private final Refusal reason;

	private final String detail;

	public RefusedException(Refusal reason, String detail) {
		super(reason.code() + ": " + detail, null, false, false);
		this.reason = reason;
		this.detail = detail;
	}

	public Refusal reason() {
		return reason;
	}

	public String detail() {
		return detail;
	}

}
