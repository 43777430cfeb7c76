package org.coachroom.studygroup.web;

/** A form value no page of ours sends. */
class BadGroupInputException extends RuntimeException {

	BadGroupInputException(String message) {
		super(message);
	}
}
