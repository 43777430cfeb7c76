package org.coachroom.team.workspace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Team workspace refusals as pages, wherever they arise: a workspace someone is not in is a 404
 * that says nothing of it; a meeting or norms someone else saved meanwhile is a 409; each with a log line.
 */
@ControllerAdvice
class TeamErrors {

	private static final Logger log = LoggerFactory.getLogger(TeamErrors.class);

	@ExceptionHandler(WorkspaceNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(WorkspaceNotFoundException e) {
		log.info("Team workspace refused: {}", e.getMessage());
		return "team/not-found";
	}

	/** A rule's refusal no page catches itself: a 400 with the rule's sentence, never a 500. */
	@ExceptionHandler(TeamInputException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String refused(TeamInputException e, Model model) {
		log.info("Team workspace input refused: {}", e.getMessage());
		model.addAttribute("reason", e.getMessage());
		return "team/refused";
	}

	@ExceptionHandler(EditConflictException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(EditConflictException e, Model model) {
		log.info("Team workspace refused: {}", e.getMessage());
		model.addAttribute("reason", e.reason());
		return "team/refused";
	}
}
