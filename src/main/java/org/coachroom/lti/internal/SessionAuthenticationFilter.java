package org.coachroom.lti.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs the request in from the session cookie a launch set, or, for a session a launch
 * opened without a cookie, from the URL token its links carry; neither, no member.
 */
class SessionAuthenticationFilter extends OncePerRequestFilter {

	static final String CSRF_ATTRIBUTE = SessionAuthenticationFilter.class.getName() + ".csrf";

	/** The URL token the response carries on (a cookie-less session only). */
	static final String URL_TOKEN_ATTRIBUTE = SessionAuthenticationFilter.class.getName() + ".urlToken";

	/** The hash of the cookie-less session signed in, so that signing out can end it. */
	static final String URL_SESSION_ATTRIBUTE = SessionAuthenticationFilter.class.getName() + ".urlSession";

	private final Sessions sessions;

	private final UrlTokens urlTokens;

	SessionAuthenticationFilter(Sessions sessions, UrlTokens urlTokens) {
		this.sessions = sessions;
		this.urlTokens = urlTokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = Cookies.read(request, Cookies.SESSION);
		boolean signedIn = false;
		if (token != null) {
			signedIn = sessions.find(token).map(signed -> {
				signIn(request, signed);
				return true;
			}).orElse(false);
		}
		HttpServletResponse carried = response;
		if (!signedIn) {
			String urlToken = request.getAttribute(URL_TOKEN_ATTRIBUTE) instanceof String forwarded ? forwarded
					: UrlTokens.fromQuery(request);
			if (urlToken != null) {
				var use = request.getAttribute(URL_SESSION_ATTRIBUTE) instanceof String sessionHash
						? Optional.of(new UrlTokens.Use(sessionHash, urlToken))
						: urlTokens.use(urlToken, LoginController.client(request));
				var signed = use.flatMap(u -> sessions.findCookieless(u.sessionHash()));
				if (signed.isPresent()) {
					signIn(request, signed.get());
					request.setAttribute(URL_TOKEN_ATTRIBUTE, use.get().current());
					request.setAttribute(URL_SESSION_ATTRIBUTE, use.get().sessionHash());
					carried = new UrlTokenResponse(request, response, use.get().current());
				}
			}
		}
		chain.doFilter(request, carried);
	}

	static void signIn(HttpServletRequest request, Sessions.Signed signed) {
		SecurityContextHolder.getContext().setAuthentication(new MemberAuthentication(signed.member()));
		request.setAttribute(CSRF_ATTRIBUTE, signed.csrfToken());
		PageLanguage.remember(request, signed.member());
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
