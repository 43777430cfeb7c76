package org.coachroom.lti.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;

/**
 * A cookie-less session's response: every link, form action and redirect to a page of
 * this tool carries the session's URL token (Thymeleaf's {@code @{...}} goes through
 * {@link #encodeURL}, Spring's {@code redirect:} through {@link #encodeRedirectURL}, a
 * hand-built Location header through {@link #setHeader}). Spring Security's
 * DisableEncodeUrlFilter wraps the response before this one, so this one answers first.
 * Links elsewhere and static files never carry it.
 */
class UrlTokenResponse extends HttpServletResponseWrapper {

	private static final List<String> STATIC = List.of("/css/", "/js/", "/fonts/", "/favicon", "/img/");

	private final String token;

	private final String ownOrigin;

	UrlTokenResponse(HttpServletRequest request, HttpServletResponse response, String token) {
		super(response);
		this.token = token;
		this.ownOrigin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
		// the page's URL carries the token: no other page learns it from the Referer
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	@Override
	public String encodeURL(String url) {
		return ours(url) ? UrlTokens.append(url, token) : url;
	}

	@Override
	public String encodeRedirectURL(String url) {
		return encodeURL(url);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		super.sendRedirect(encodeURL(location));
	}

	@Override
	public void setHeader(String name, String value) {
		super.setHeader(name, location(name, value));
	}

	@Override
	public void addHeader(String name, String value) {
		super.addHeader(name, location(name, value));
	}

	private String location(String name, String value) {
		if (HttpHeaders.LOCATION.equalsIgnoreCase(name)) {
			return encodeURL(value);
		}
		if ("Referrer-Policy".equalsIgnoreCase(name)) {
			// Spring Security's default would send the page's path to this tool itself
			return "no-referrer";
		}
		return value;
	}

	private boolean ours(String url) {
		if (url == null || url.isEmpty()) {
			return false;
		}
		String path;
		if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) {
			path = url;
		}
		else {
			try {
				URI uri = URI.create(url);
				if (uri.getScheme() == null || uri.getHost() == null) {
					return false;
				}
				int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
				if (!(uri.getScheme() + "://" + uri.getHost() + ":" + port).equalsIgnoreCase(ownOrigin)) {
					return false;
				}
				path = uri.getRawPath() == null ? "/" : uri.getRawPath();
			}
			catch (IllegalArgumentException e) {
				return false;
			}
		}
		return STATIC.stream().noneMatch(path::startsWith);
	}

}
