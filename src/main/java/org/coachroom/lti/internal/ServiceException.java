package org.coachroom.lti.internal;

import java.time.Duration;

import org.coachroom.lti.ServiceUnavailableException;

/** A platform service call that did not give an answer Coachroom can use. */
class ServiceException extends ServiceUnavailableException {

	private final transient Duration retryAfter;

	ServiceException(Reason reason, String detail) {
		this(reason, detail, null);
	}

	ServiceException(Reason reason, String detail, Duration retryAfter) {
		super(reason, detail);
		this.retryAfter = retryAfter;
	}

	/** How long the platform asked callers to wait (its Retry-After), or null. */
	Duration retryAfter() {
		return retryAfter;
	}

}
