package org.coachroom.lti.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only the registered platforms frame Coachroom: {@code Content-Security-Policy: frame-ancestors}
 * lists their origins. The list is re-read every minute so a platform registered on another node is
 * soon allowed here too.
 */
class FrameAncestors extends OncePerRequestFilter {

	private final Platforms platforms;

	private final Clock clock;

	private volatile Policy policy;

	private record Policy(String header, Set<String> origins, java.util.Map<String, String> headerByPlatform,
			Instant readAt) {
	}

	FrameAncestors(Platforms platforms, Clock clock) {
		this.platforms = platforms;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", headerFor(
				org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()));
		chain.doFilter(request, response);
	}

	String header() {
		return policy().header();
	}

	/**
	 * A signed-in person's pages may be framed only by their own LMS; pages before sign-in (the launch's
	 * refusals, the front page) by any registered platform.
	 */
	String headerFor(org.springframework.security.core.Authentication authentication) {
		Policy p = policy();
		if (authentication instanceof MemberAuthentication member && member.getPrincipal().launch() != null) {
			var launch = member.getPrincipal().launch();
			String own = p.headerByPlatform().get(launch.issuer() + "\n" + launch.clientId());
			if (own != null) {
				return own;
			}
		}
		return p.header();
	}

	/** The policy plus one more origin: the LMS that shows the dynamic registration page before it is registered. */
	String headerAllowing(String extraOrigin) {
		Set<String> origins = new LinkedHashSet<>(policy().origins());
		Platform.addOrigin(origins, extraOrigin);
		return render(origins);
	}

	private Policy policy() {
		Policy p = policy;
		Instant now = clock.instant();
		if (p == null || p.readAt().plusSeconds(60).isBefore(now)) {
			Set<String> origins = new LinkedHashSet<>();
			java.util.Map<String, String> byPlatform = new java.util.HashMap<>();
			platforms.findAll().forEach(platform -> {
				origins.addAll(platform.frameOrigins());
				byPlatform.put(platform.getIssuer() + "\n" + platform.getClientId(), render(platform.frameOrigins()));
			});
			p = new Policy(render(origins), origins, byPlatform, now);
			policy = p;
		}
		return p;
	}

	private static String render(Set<String> origins) {
		StringBuilder csp = new StringBuilder("frame-ancestors 'self'");
		origins.forEach(o -> csp.append(' ').append(o));
		return csp.append("; default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
				+ "form-action 'self' http: https:; base-uri 'none'; object-src 'none'").toString();
	}

	/** Called after a registration on this node so the new platform may frame us at once. */
	void refresh() {
		policy = null;
	}
}
