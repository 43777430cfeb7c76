package org.coachroom.studygroup.web;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/** A form value no page of ours sends (a 400). */
class BadGroupInputException extends Refusal {

	BadGroupInputException(String message) {
		super(HttpStatus.BAD_REQUEST, message, "studygroup.refused.title", "studygroup.bad-input",
				new Back("/groups", "studygroup.back-list"));
	}

}
