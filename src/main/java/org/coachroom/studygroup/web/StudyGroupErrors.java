package org.coachroom.studygroup.web;

import org.coachroom.studygroup.GroupArchivedException;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.NotInCourseException;
import org.coachroom.studygroup.RosterFromOtherCourseException;
import org.coachroom.studygroup.SessionNotStartedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Study group refusals as pages, wherever they arise (the group pages, the deep linking picker): a
 * 404 that says nothing of the group for anyone without access, a 409 for an archived group, a 400
 * for a value no page offers. Each with a log line, never a stack trace.
 */
@ControllerAdvice
class StudyGroupErrors {

	private static final Logger log = LoggerFactory.getLogger(StudyGroupErrors.class);

	@ExceptionHandler(GroupNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(GroupNotFoundException e) {
		log.info("Study group refused: {}", e.getMessage());
		return "studygroup/not-found";
	}

	@ExceptionHandler(GroupArchivedException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String archived(GroupArchivedException e, Model model) {
		log.info("Study group refused: {}", e.getMessage());
		model.addAttribute("reason", "studygroup.archived");
		return "studygroup/refused";
	}

	@ExceptionHandler(SessionNotStartedException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String notStarted(SessionNotStartedException e, Model model) {
		log.info("Study group refused: {}", e.getMessage());
		model.addAttribute("reason", "studygroup.session-not-started");
		return "studygroup/refused";
	}

	@ExceptionHandler({ NotInCourseException.class, BadGroupInputException.class,
			RosterFromOtherCourseException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badInput(RuntimeException e, Model model) {
		log.info("Study group refused: {}", e.getMessage());
		model.addAttribute("reason", "studygroup.bad-input");
		return "studygroup/refused";
	}

}
