package org.coachroom.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one refusal page ({@code refused.html}), wherever a refusal arises: a
 * {@link Refusal} a module throws (a 404 that says nothing of what is not someone's, a
 * 409 for a stale page, a 400 for a value no page sends) and two changes to the same
 * thing at once that no module words better (a 409). Each with a log line, never a stack
 * trace. A module that words a refusal itself gives its advice an {@code @Order} before
 * this one's (advices of equal order are asked in no promised order). (An upload over the
 * size limit is refused before any controller, while the form is read: the error page
 * answers it with a 413.) The LTI launch refusal, with its part for the LMS
 * administrator, is lti's own page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class CommonRefusals {

	private static final Logger log = LoggerFactory.getLogger(CommonRefusals.class);

	@ExceptionHandler(Refusal.class)
	ModelAndView refused(Refusal e) {
		log.info("Refused ({}): {}", e.status().value(), e.getMessage());
		return page(e.status(), e.titleKey(), e.reasonKey(), e.back(), e.args());
	}

	/**
	 * Two changes to the same thing at once (a double click, two coaches): the later one
	 * is not applied.
	 */
	@ExceptionHandler({ OptimisticLockingFailureException.class, DuplicateKeyException.class })
	ModelAndView concurrent(RuntimeException e) {
		log.info("Change refused: changed concurrently ({})", e.getClass().getSimpleName());
		return page(HttpStatus.CONFLICT, "refused.title", "refused.concurrent", Refusal.Back.HOME);
	}

	private static ModelAndView page(HttpStatus status, String title, String reason, Refusal.Back back,
			Object... args) {
		ModelAndView page = new ModelAndView("refused");
		page.setStatus(status);
		page.addObject("heading", title);
		page.addObject("reason", reason);
		page.addObject("args", args);
		page.addObject("back", back.path());
		page.addObject("backLabel", back.labelKey());
		return page;
	}

}
