package org.coachroom.lti.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.LaunchDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Receives the platform's form post with the id_token, validates it, and signs the
 * browser in.
 */
@Controller
class LaunchController {

	private static final Logger log = LoggerFactory.getLogger(LaunchController.class);

	private final Launches launches;

	private final LtiProperties properties;

	private final ToolUrls urls;

	private final LoginStates loginStates;

	private final PlatformDirectory directory;

	private final FrameAncestors frameAncestors;

	LaunchController(Launches launches, LtiProperties properties, ToolUrls urls, LoginStates loginStates,
			PlatformDirectory directory, FrameAncestors frameAncestors) {
		this.launches = launches;
		this.properties = properties;
		this.urls = urls;
		this.loginStates = loginStates;
		this.directory = directory;
		this.frameAncestors = frameAncestors;
	}

	/**
	 * The state the launch page read back from the platform's postMessage storage.
	 */
	static final String STORAGE_STATE = "lti_storage_state";

	/**
	 * With the browser cookie: the state must be this browser's (a state from another
	 * browser is refused, as before). Without it, the state's binding decides: a
	 * cookie-bound state is refused; a storage-bound one is answered with a page that
	 * reads the state back from the platform's storage and posts it here again; a
	 * client-bound one must come from the address and browser that logged in. Those two
	 * open a cookie-less session, carried by URL tokens.
	 */
	@PostMapping({ "/lti/launch", "/lti/deeplink" })
	ModelAndView launch(@RequestParam(name = "id_token", required = false) String idToken,
			@RequestParam(required = false) String state, @RequestParam(required = false) String error,
			@RequestParam(name = "error_description", required = false) String errorDescription,
			@RequestParam(name = STORAGE_STATE, required = false) String storageState, HttpServletRequest request,
			HttpServletResponse response) throws ServletException, IOException {
		if (error != null && idToken == null) {
			throw new RefusedException(Refusal.LOGIN_PLATFORM_ERROR,
					"The platform answered the login with error \"" + LoginController.shorten(error) + "\""
							+ (errorDescription == null ? "." : ": " + LoginController.shorten(errorDescription)));
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String browserId = Cookies.read(request, Cookies.BROWSER);
		Launches.Completed completed;
		if (browserId != null) {
			completed = launches.complete(idToken, state, browserId);
		}
		else {
			LoginStates.Pending pending = loginStates.open(state);
			if (pending.binding() == LoginStates.Binding.NEW_COOKIE) {
				// Set at this login and not sent back: this browser refuses cookies,
				// or is not the browser that logged in. Either way the login runs
				// again, checked; the LMS signs in whoever owns its LMS session.
				loginStates.burn(pending);
				return cookieRetryPage(pending, request, response);
			}
			if (pending.binding() == LoginStates.Binding.COOKIE) {
				// the conformance probe's "state from a foreign browser"
				loginStates.checkBrowser(pending, null);
			}
			if (pending.binding() == LoginStates.Binding.STORAGE && storageState == null) {
				return storagePage(pending, idToken, request, response);
			}
			if (pending.binding() == LoginStates.Binding.STORAGE && !state.equals(storageState)) {
				loginStates.burn(pending);
				throw new RefusedException(Refusal.STATE_OTHER_BROWSER,
						"The platform's storage in this browser does not hold the state of this launch.");
			}
			if (!LoginController.client(request).equals(pending.clientHash())) {
				// not the address or browser that logged in: nothing binds this launch
				// to this browser
				loginStates.burn(pending);
				return newWindowPage(pending, request, response, HttpStatus.FORBIDDEN);
			}
			completed = launches.completeWithoutCookie(idToken, pending);
		}
		String location = completed.launch().isDeepLinking() ? "/deep-linking" : landing(completed.launch(), request);
		if (completed.cookieless()) {
			location = UrlTokens.append(location, completed.urlToken());
		}
		else {
			Cookies.set(request, response, Cookies.SESSION, completed.sessionToken(), properties.sessionTtl());
			if (!completed.launch().isDeepLinking()) {
				land(completed.signed(), location, request, response);
				return null;
			}
		}
		response.setStatus(HttpStatus.FOUND.value());
		response.setHeader(HttpHeaders.LOCATION, location);
		return null;
	}

	/** The request attribute naming the page a launch landed on (see {@link #land}). */
	static final String LANDED_AT = "landedAt";

	/**
	 * Answers the launch with the page it lands on, signed in as the session just made,
	 * instead of redirecting the browser to it: a whole request less on the path every
	 * person takes. The page says where it is ({@code Content-Location}), and its layout
	 * puts that address in the browser's history in place of the launch's POST, so a
	 * reload or the back button asks for the page, not for the spent launch again.
	 */
	private void land(Sessions.Signed signed, String location, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		SessionAuthenticationFilter.signIn(request, signed);
		response.setHeader(FrameAncestors.HEADER,
				frameAncestors.headerFor(request, SecurityContextHolder.getContext().getAuthentication()));
		response.setHeader(HttpHeaders.CONTENT_LOCATION, location);
		request.setAttribute(LANDED_AT, location);
		int query = location.indexOf('?');
		request.getRequestDispatcher(location)
			.forward(new LandingRequest(request, query < 0 ? null : location.substring(query + 1)), response);
	}

	/**
	 * The page that reads the state back from the platform's storage (lti.get_data) and
	 * posts it here with the id_token; when the platform has no such state, it says to
	 * open Coachroom in a new window.
	 */
	private ModelAndView storagePage(LoginStates.Pending pending, String idToken, HttpServletRequest request,
			HttpServletResponse response) {
		ModelAndView page = newWindowPage(pending, request, response, HttpStatus.OK);
		page.setViewName("lti/storage");
		page.addObject("mode", "get");
		page.addObject("platformOrigin",
				directory.byId(pending.platformId())
					.map(p -> LoginController.origin(p.getAuthorizationEndpoint()))
					.orElse(""));
		page.addObject("target", pending.storageTarget());
		page.addObject("state", pending.state());
		page.addObject("action", request.getRequestURI());
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("id_token", idToken == null ? "" : idToken);
		fields.put("state", pending.state());
		page.addObject("launchFields", fields);
		return page;
	}

	private ModelAndView cookieRetryPage(LoginStates.Pending pending, HttpServletRequest request,
			HttpServletResponse response) {
		log.info("Launch without the cookie set at its login: the login runs again, checked (platform {})",
				pending.platformId());
		response.setHeader(FrameAncestors.HEADER, frameAncestors.beforeSignIn(request));
		ModelAndView page = new ModelAndView("lti/cookie-retry");
		page.setStatus(HttpStatus.FORBIDDEN);
		page.addObject("loginUrl", urls.login(request));
		Map<String, String> fields = parse(pending.loginQuery());
		fields.put(LoginController.COOKIE_CHECK, "1");
		page.addObject("fields", fields);
		return page;
	}

	private ModelAndView newWindowPage(LoginStates.Pending pending, HttpServletRequest request,
			HttpServletResponse response, HttpStatus status) {
		response.setHeader(FrameAncestors.HEADER, frameAncestors.beforeSignIn(request));
		ModelAndView page = new ModelAndView("lti/new-window");
		page.setStatus(status);
		page.addObject("loginUrl", urls.login(request));
		page.addObject("fields", parse(pending.loginQuery()));
		return page;
	}

	private static Map<String, String> parse(String query) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (query == null) {
			return fields;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

	/**
	 * The custom parameter a placed link names its page with (Moodle launches every link
	 * at the launch URL).
	 */
	static final String PAGE_PARAMETER = DeepLinking.PAGE_PARAMETER;

	/**
	 * Where the person lands: the page the link names (custom parameter
	 * {@value #PAGE_PARAMETER}, or a {@code target_link_uri} on this tool), else the home
	 * page. Only a plain path of this tool is followed, so a link cannot send anyone
	 * elsewhere; the page itself decides who may see it.
	 */
	/**
	 * A page a launch may land on: path segments only ("//host" would be read by browsers
	 * as another site), and none of the launch's own, the error page or the page that
	 * asks to launch again.
	 */
	private static boolean isLandingPage(String path) {
		return path.matches("/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*") && !path.startsWith("/lti/") && !path.equals("/error")
				&& !path.startsWith("/error/") && !path.equals("/session-ended");
	}

	String landing(LaunchDetails launch, HttpServletRequest request) {
		String page = launch.custom().get(PAGE_PARAMETER);
		if (page != null && page.length() <= 200 && isLandingPage(page)) {
			return page;
		}
		String targetLinkUri = launch.targetLinkUri();
		if (targetLinkUri == null || targetLinkUri.length() > 2000) {
			return "/home";
		}
		try {
			URI target = URI.create(targetLinkUri);
			URI base = URI.create(urls.base(request));
			String path = target.getRawPath();
			boolean ours = target.getHost() != null && target.getHost().equalsIgnoreCase(base.getHost())
					&& target.getPort() == base.getPort() && target.getRawUserInfo() == null;
			if (!ours || path == null || !isLandingPage(path)) {
				return "/home";
			}
			return target.getRawQuery() == null ? path
					: path + "?" + target.getRawQuery().replaceAll("[^A-Za-z0-9=&_.-]", "");
		}
		catch (IllegalArgumentException e) {
			return "/home";
		}
	}

}
