package org.coachroom.lti.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs the request in from the session cookie a launch set; no cookie, no member. */
class SessionAuthenticationFilter extends OncePerRequestFilter {

	static final String CSRF_ATTRIBUTE = SessionAuthenticationFilter.class.getName() + ".csrf";

	private final Sessions sessions;

	SessionAuthenticationFilter(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = Cookies.read(request, Cookies.SESSION);
		if (token != null) {
			sessions.find(token).ifPresent(signed -> {
				SecurityContextHolder.getContext().setAuthentication(new MemberAuthentication(signed.member()));
				request.setAttribute(CSRF_ATTRIBUTE, signed.csrfToken());
			});
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
