package org.coachroom.lti.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The CSRF token lives with the launch session in the database, not in an HTTP session or
 * a cookie of its own, so every node knows it and nothing more has to cross the iframe
 * boundary.
 */
class SessionCsrfTokenRepository implements CsrfTokenRepository {

	static final String HEADER = "X-CSRF-TOKEN";

	static final String PARAMETER = "_csrf";

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		// Without a session there is nothing to protect: this token is never stored, so
		// it never matches.
		return new DefaultCsrfToken(HEADER, PARAMETER, Tokens.random256());
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		// The token is made with the session at launch and lives as long as it.
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		Object token = request.getAttribute(SessionAuthenticationFilter.CSRF_ATTRIBUTE);
		return token instanceof String value ? new DefaultCsrfToken(HEADER, PARAMETER, value) : null;
	}

}
