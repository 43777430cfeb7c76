package org.coachroom.lti.internal;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Cookies that work inside the LMS iframe: over HTTPS they are
 * {@code SameSite=None; Secure;
 * Partitioned} (a third-party context), on plain-http localhost {@code SameSite=Lax}.
 */
final class Cookies {

	static final String SESSION = "coachroom_session";

	static final String BROWSER = "coachroom_browser";

	private Cookies() {
	}

	/**
	 * Over HTTPS the name carries the {@code __Host-} prefix: the browser then refuses
	 * the cookie from any other host, so a sibling subdomain cannot plant a session in
	 * Coachroom's name.
	 */
	static String name(HttpServletRequest request, String name) {
		return request.isSecure() ? "__Host-" + name : name;
	}

	static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
			Duration maxAge) {
		ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name(request, name), value)
			.path("/")
			.httpOnly(true);
		if (maxAge != null) {
			cookie.maxAge(maxAge);
		}
		if (request.isSecure()) {
			cookie.secure(true).sameSite("None").partitioned(true);
		}
		else {
			cookie.sameSite("Lax");
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
	}

	static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
		set(request, response, name, "", Duration.ZERO);
	}

	static String read(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		String wanted = name(request, name);
		for (Cookie cookie : cookies) {
			if (wanted.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
