package org.coachroom.lti.internal;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.shared.TenantId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may show Coachroom in a frame ({@code Content-Security-Policy: frame-ancestors}):
 * one platform at most, never the list of all registered ones. That list grows with every
 * registration, and a header that outgrows the server's limit takes every page down for
 * everyone (it happened: 326 registrations made "/" answer 500).
 * <ul>
 * <li>a signed-in person's pages: the LMS of their session;</li>
 * <li>the dynamic registration page: the LMS named by its {@code openid_configuration},
 * for that response only (the LMS shows it in its frame before it is registered);</li>
 * <li>a refused login or launch: the platform of the login in progress
 * ({@link #beforeSignIn}, set by {@link RefusalAdvice}), so the LMS's frame can show why;
 * when no registered platform is known yet (an unknown issuer, a lost state), the origin
 * of the page that asked;</li>
 * <li>"please open Coachroom again": the LMS of the session that ended, while its row is
 * kept ({@link #afterSession});</li>
 * <li>anything else before sign-in: Coachroom itself only.</li>
 * </ul>
 */
class FrameAncestors extends OncePerRequestFilter {

	static final String HEADER = "Content-Security-Policy";

	private final PlatformDirectory directory;

	private final LoginStates loginStates;

	private final Sessions sessions;

	FrameAncestors(PlatformDirectory directory, LoginStates loginStates, Sessions sessions) {
		this.directory = directory;
		this.loginStates = loginStates;
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HEADER, headerFor(request, SecurityContextHolder.getContext().getAuthentication()));
		chain.doFilter(request, response);
	}

	String headerFor(HttpServletRequest request, Authentication authentication) {
		if (authentication instanceof MemberAuthentication member && member.getPrincipal().launch() != null) {
			var launch = member.getPrincipal().launch();
			return render(directory.byIssuerAndClientId(launch.issuer(), launch.clientId())
				.map(Platform::frameOrigins)
				.orElse(Set.of()));
		}
		if ("/lti/register".equals(path(request))) {
			return headerAllowing(request.getParameter("openid_configuration"));
		}
		return render(Set.of());
	}

	/**
	 * The policy for a page about a login or launch before anyone is signed in: the
	 * platform that started it (by {@code iss} and {@code client_id} on /lti/login, by
	 * the state on /lti/launch), else none. Only asked when a refusal is shown, so a
	 * launch that succeeds costs no lookup.
	 */
	String beforeSignIn(HttpServletRequest request) {
		String path = path(request);
		Optional<Platform> platform = Optional.empty();
		if ("/lti/login".equals(path)) {
			platform = loginPlatform(request.getParameter("iss"), request.getParameter("client_id"));
		}
		else if ("/lti/launch".equals(path) || "/lti/deeplink".equals(path)) {
			platform = loginStates.platformOf(request.getParameter("state")).flatMap(directory::byId);
		}
		else if ("/lti/register".equals(path) && request.getParameter("openid_configuration") != null) {
			return headerAllowing(request.getParameter("openid_configuration"));
		}
		return render(platform.map(Platform::frameOrigins).orElseGet(() -> askingOrigin(request)));
	}

	/**
	 * The origin of the page whose frame asked, for a refusal when no registered platform
	 * is known: an unknown LMS's frame then reads why instead of "refused to connect". A
	 * refusal page has no form, button or script to trick anyone into pressing, so
	 * letting the asking page frame it risks nothing; still, it is that one origin, not
	 * any ({@code *}): a form_post (the login initiation or the launch) sends
	 * {@code Origin}, a GET login from a frame sends no {@code Origin} but a
	 * {@code Referer} (Moodle's is the origin only). Neither (or {@code Origin: null}):
	 * Coachroom only.
	 */
	private static Set<String> askingOrigin(HttpServletRequest request) {
		Set<String> origins = new LinkedHashSet<>();
		String origin = request.getHeader("Origin");
		String asking = origin != null && !origin.isBlank() && !"null".equals(origin.trim()) ? origin
				: request.getHeader("Referer");
		if (asking != null && asking.length() <= LoginController.MAX_PARAMETER_LENGTH) {
			Platform.addOrigin(origins, asking.trim());
		}
		return origins;
	}

	/**
	 * The policy for the page asking to open Coachroom again: the LMS of the browser's
	 * session that expired, so the page shows in that LMS's frame; none when there is no
	 * such session.
	 */
	String afterSession(HttpServletRequest request) {
		return render(sessions.tenantOf(Cookies.read(request, Cookies.SESSION))
			.flatMap(tenant -> directory.byTenant(new TenantId(tenant)))
			.map(Platform::frameOrigins)
			.orElse(Set.of()));
	}

	private Optional<Platform> loginPlatform(String iss, String clientId) {
		if (iss == null || iss.length() > LoginController.MAX_PARAMETER_LENGTH
				|| (clientId != null && clientId.length() > LoginController.MAX_PARAMETER_LENGTH)) {
			return Optional.empty();
		}
		if (clientId != null && !clientId.isBlank()) {
			return directory.byIssuerAndClientId(iss, clientId);
		}
		List<Platform> candidates = directory.byIssuer(iss);
		return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * Coachroom itself plus the origin of one URL (none when it is not a web address).
	 */
	static String headerAllowing(String url) {
		Set<String> origins = new LinkedHashSet<>();
		if (url != null && url.length() <= LoginController.MAX_PARAMETER_LENGTH) {
			Platform.addOrigin(origins, url.trim());
		}
		return render(origins);
	}

	static String render(Set<String> origins) {
		StringBuilder csp = new StringBuilder("frame-ancestors 'self'");
		origins.forEach(o -> csp.append(' ').append(o));
		return csp
			.append("; default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
					+ "form-action 'self' http: https:; base-uri 'none'; object-src 'none'")
			.toString();
	}

}
