package org.coachroom.lti.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.shared.TenantId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Ending a session, and the page for a request that has none. */
@Controller
class SessionController {

	private final Sessions sessions;

	private final FrameAncestors frameAncestors;

	/**
	 * Whether the demo district runs: then its front page, not an LMS, is where one opens
	 * Coachroom again.
	 */
	private final boolean demo;

	private final UrlTokens urlTokens;

	private final PlatformDirectory directory;

	SessionController(Sessions sessions, FrameAncestors frameAncestors, UrlTokens urlTokens,
			PlatformDirectory directory, @Value("${coachroom.demo.enabled:false}") boolean demo) {
		this.sessions = sessions;
		this.urlTokens = urlTokens;
		this.directory = directory;
		this.frameAncestors = frameAncestors;
		this.demo = demo;
	}

	@PostMapping("/lti/sign-out")
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		String token = Cookies.read(request, Cookies.SESSION);
		if (token != null) {
			sessions.end(token);
		}
		if (request.getAttribute(SessionAuthenticationFilter.URL_SESSION_ATTRIBUTE) instanceof String cookieless) {
			// a cookie-less session: its URL tokens go with it
			sessions.endByHash(cookieless);
		}
		Cookies.clear(request, response, Cookies.SESSION);
		return "redirect:/session-ended?signed-out";
	}

	@RequestMapping(path = "/session-ended", produces = "application/json")
	ResponseEntity<ProblemDetail> sessionEndedJson() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"No launch session: open Coachroom again from your course in the LMS.");
		problem.setTitle("Sign-in needed");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
	}

	@RequestMapping("/session-ended")
	ModelAndView sessionEnded(HttpServletRequest request, HttpServletResponse response) {
		ModelAndView page = new ModelAndView("lti/session-ended");
		boolean signedOut = request.getParameter("signed-out") != null;
		if (!signedOut && Cookies.read(request, Cookies.SESSION) != null) {
			// Most often the session expired inside the LMS's frame: that LMS may show
			// this page.
			response.setHeader(FrameAncestors.HEADER, frameAncestors.afterSession(request));
		}
		else if (!signedOut && UrlTokens.fromQuery(request) != null) {
			// a cookie-less session's link that expired: the same, by its URL token
			urlTokens.tenantOf(UrlTokens.fromQuery(request))
				.flatMap(tenant -> directory.byTenant(new TenantId(tenant)))
				.ifPresent(platform -> response.setHeader(FrameAncestors.HEADER,
						FrameAncestors.render(platform.frameOrigins())));
		}
		page.addObject("signedOut", signedOut);
		page.addObject("demo", demo);
		page.setStatus(signedOut ? HttpStatus.OK : HttpStatus.UNAUTHORIZED);
		return page;
	}

}
