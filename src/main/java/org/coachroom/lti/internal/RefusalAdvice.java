package org.coachroom.lti.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused login, launch or registration becomes a page that says what happened and what
 * to check.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

	private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);

	private final FrameAncestors frameAncestors;

	RefusalAdvice(FrameAncestors frameAncestors) {
		this.frameAncestors = frameAncestors;
	}

	@ExceptionHandler(RefusedException.class)
	ModelAndView refused(RefusedException e, HttpServletRequest request, HttpServletResponse response) {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof MemberAuthentication)) {
			// Shown in the frame of the LMS whose login this was, so the person there can
			// read why.
			response.setHeader(FrameAncestors.HEADER, frameAncestors.beforeSignIn(request));
		}
		log.warn("LTI refused {} {}: {} - {}", request.getMethod(), request.getRequestURI(), e.reason().code(),
				e.detail());
		ModelAndView page = new ModelAndView("lti/refused");
		page.setStatus(e.reason().status());
		page.addObject("code", e.reason().code());
		page.addObject("status", e.reason().status().value());
		page.addObject("detail", e.detail());
		return page;
	}

}
