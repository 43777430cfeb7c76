package org.coachroom.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page's address typed or pasted with a slash at the end ({@code /team/1/}) leads to
 * the page, not to a "not found": Spring MVC no longer matches a trailing slash, so
 * reading requests are sent on without it.
 */
@Component
class TrailingSlashRedirect extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) || path.length() < 2
				|| !path.endsWith("/") || path.endsWith("//");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		String query = request.getQueryString();
		response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
		response.setHeader("Location", path.substring(0, path.length() - 1) + (query == null ? "" : "?" + query));
	}

}
