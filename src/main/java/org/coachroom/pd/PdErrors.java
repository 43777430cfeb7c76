package org.coachroom.pd;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * PD refusals as pages, wherever they arise (the PD pages, the deep linking picker): a program,
 * person or file someone may not see is a 404 that says nothing more, with a log line.
 */
@ControllerAdvice
class PdErrors {

	private static final Logger log = LoggerFactory.getLogger(PdErrors.class);

	@ExceptionHandler(ProgramNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(ProgramNotFoundException e) {
		log.info("PD refused: {}", e.getMessage());
		return "pd/not-found";
	}
}
