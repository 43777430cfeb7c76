package org.coachroom.lti.internal;

import org.coachroom.lti.ServiceUnavailableException;

/** A platform service call that did not give an answer Coachroom can use. */
class ServiceException extends ServiceUnavailableException {

	ServiceException(Reason reason, String detail) {
		super(reason, detail);
	}
}
