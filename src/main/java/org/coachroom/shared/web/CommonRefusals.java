package org.coachroom.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A refusal any module's pages can meet and that no module words better: two changes to the same
 * thing at once, a page with a 409 and a log line. A module that words these itself gives its advice
 * an {@code @Order} before this one's (advices of equal order are asked in no promised order). (An
 * upload over the size limit is refused before any controller, while the form is read: the error
 * page answers it with a 413.)
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class CommonRefusals {

	private static final Logger log = LoggerFactory.getLogger(CommonRefusals.class);

	/** Two changes to the same thing at once (a double click, two coaches): the later one is not applied. */
	@ExceptionHandler({ OptimisticLockingFailureException.class, DuplicateKeyException.class })
	@ResponseStatus(HttpStatus.CONFLICT)
	String concurrent(RuntimeException e, Model model) {
		log.info("Change refused: changed concurrently ({})", e.getClass().getSimpleName());
		model.addAttribute("reason", "refused.concurrent");
		return "refused";
	}
}
