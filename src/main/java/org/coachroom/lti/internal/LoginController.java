package org.coachroom.lti.internal;

import java.net.URI;
import java.time.Duration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * OIDC third-party login initiation (LTI 1.3 Core §5.1.1): the platform names itself, we
 * make a state and nonce and send the browser to the platform's authorization endpoint.
 */
@Controller
class LoginController {

	static final int MAX_PARAMETER_LENGTH = 2048;

	private final PlatformDirectory directory;

	private final LoginStates loginStates;

	private final ToolUrls urls;

	private final LoginLimits limits;

	private final FrameAncestors frameAncestors;

	private final CookielessProperties cookieless;

	LoginController(PlatformDirectory directory, LoginStates loginStates, ToolUrls urls, LoginLimits limits,
			FrameAncestors frameAncestors, CookielessProperties cookieless) {
		this.directory = directory;
		this.loginStates = loginStates;
		this.urls = urls;
		this.limits = limits;
		this.frameAncestors = frameAncestors;
		this.cookieless = cookieless;
	}

	/**
	 * Marks the one redirect through which a browser that came without Coachroom's cookie
	 * shows whether it keeps it.
	 */
	static final String COOKIE_CHECK = "coachroom_cookie_check";

	/** The platform's postMessage storage frame (LTI Client Side postMessages). */
	static final String STORAGE_TARGET = "lti_storage_target";

	/**
	 * How the state is bound to the browser:
	 * <ul>
	 * <li>it brought the browser cookie: the cookie, straight on to the platform (no
	 * extra hop, as before);</li>
	 * <li>it brought none and the platform offers postMessage storage: the state and
	 * nonce go into that storage on the way (and the cookie is set too, in case it
	 * sticks);</li>
	 * <li>it brought none, outside a frame ({@link #framed}): the cookie, set now,
	 * without a check; a launch that comes back without it is sent through the login once
	 * more, checked;</li>
	 * <li>it brought none inside a frame, no storage: one redirect back here sets the
	 * cookie and checks it comes back; if it does, the cookie; if not, the browser
	 * refuses cookies in this frame, and the state is bound to its address and browser
	 * only (or, when the operator turned that off, the page says to open Coachroom in a
	 * new window).</li>
	 * </ul>
	 */
	@RequestMapping(path = "/lti/login", method = { RequestMethod.GET, RequestMethod.POST })
	ModelAndView initiate(@RequestParam(required = false) String iss,
			@RequestParam(name = "login_hint", required = false) String loginHint,
			@RequestParam(name = "target_link_uri", required = false) String targetLinkUri,
			@RequestParam(name = "lti_message_hint", required = false) String messageHint,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "lti_deployment_id", required = false) String deploymentId,
			@RequestParam(name = STORAGE_TARGET, required = false) String storageTarget,
			@RequestParam(name = COOKIE_CHECK, required = false) String cookieCheck, HttpServletRequest request,
			HttpServletResponse response) {
		limits.admitAddress(request.getRemoteAddr());
		require(iss, "iss");
		require(loginHint, "login_hint");
		require(targetLinkUri, "target_link_uri");
		for (String value : new String[] { iss, loginHint, targetLinkUri, messageHint, clientId, deploymentId }) {
			// All of it travels on in one redirect URL; no LMS sends hints anywhere near
			// this long.
			if (value != null && value.length() > MAX_PARAMETER_LENGTH) {
				throw new RefusedException(Refusal.LOGIN_PARAMETER_TOO_LONG, "A login initiation parameter is "
						+ value.length() + " characters long; Coachroom accepts at most " + MAX_PARAMETER_LENGTH + ".");
			}
		}
		Platform platform = platform(iss, clientId);
		refuseIfPending(platform);
		checkTarget(targetLinkUri, urls.base(request));
		limits.admitPlatform(platform);
		if (deploymentId != null && !deploymentId.isBlank()
				&& directory.deployment(platform.getId(), deploymentId).isEmpty()) {
			throw new RefusedException(Refusal.DEPLOYMENT_UNKNOWN, "Deployment \"" + shorten(deploymentId) + "\" of "
					+ platform.getName() + " is not registered with Coachroom.");
		}
		String browserId = Cookies.read(request, Cookies.BROWSER);
		boolean cookieCameBack = Tokens.looksRandom256(browserId);
		if (!cookieCameBack) {
			browserId = Tokens.random256();
		}
		// Refreshed on every login so that it outlives the login it binds.
		Cookies.set(request, response, Cookies.BROWSER, browserId, Duration.ofDays(1));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Map<String, String> login = loginParameters(iss, loginHint, targetLinkUri, messageHint, clientId, deploymentId);
		if (cookieCameBack) {
			return redirect(response, authorization(platform, request, loginHint, messageHint,
					loginStates.issue(platform.getId(), targetLinkUri, browserId)));
		}
		if (storageTarget != null && storageTarget.matches("[A-Za-z0-9_.-]{1,64}")) {
			LoginStates.Issued issued = loginStates.issue(platform.getId(), targetLinkUri, browserId,
					LoginStates.Binding.STORAGE, client(request), storageTarget, withQuery("", login).substring(1));
			ModelAndView page = framedPage("lti/storage", request, response);
			page.addObject("mode", "put");
			page.addObject("platformOrigin", origin(platform.getAuthorizationEndpoint()));
			page.addObject("target", storageTarget);
			page.addObject("state", issued.state());
			page.addObject("nonce", issued.nonce());
			page.addObject("next", authorization(platform, request, loginHint, messageHint, issued));
			return page;
		}
		if (cookieCheck == null && !framed(request)) {
			// A window of its own keeps the cookie like any first-party site: no hop to
			// check it. The rare browser that refuses even that is sent round once
			// more by the launch (Binding.NEW_COOKIE).
			return redirect(response,
					authorization(platform, request, loginHint, messageHint,
							loginStates.issue(platform.getId(), targetLinkUri, browserId,
									LoginStates.Binding.NEW_COOKIE, null, null, withQuery("", login).substring(1))));
		}
		if (cookieCheck == null) {
			Map<String, String> again = new LinkedHashMap<>(login);
			again.put(COOKIE_CHECK, "1");
			return redirect(response, withQuery(urls.login(request), again));
		}
		if (!cookieless.clientBinding()) {
			ModelAndView page = framedPage("lti/new-window", request, response);
			page.addObject("loginUrl", urls.login(request));
			page.addObject("fields", login);
			return page;
		}
		return redirect(response,
				authorization(platform, request, loginHint, messageHint,
						loginStates.issue(platform.getId(), targetLinkUri, browserId, LoginStates.Binding.CLIENT,
								client(request), null, withQuery("", login).substring(1))));
	}

	/**
	 * The login initiation's own parameters, to start it again in a new window (never the
	 * storage target: a window has no platform frame to talk to).
	 */
	private static Map<String, String> loginParameters(String iss, String loginHint, String targetLinkUri,
			String messageHint, String clientId, String deploymentId) {
		Map<String, String> login = new LinkedHashMap<>();
		login.put("iss", iss);
		login.put("login_hint", loginHint);
		login.put("target_link_uri", targetLinkUri);
		if (messageHint != null) {
			login.put("lti_message_hint", messageHint);
		}
		if (clientId != null) {
			login.put("client_id", clientId);
		}
		if (deploymentId != null) {
			login.put("lti_deployment_id", deploymentId);
		}
		return login;
	}

	/**
	 * Whether the login may run inside another site's frame, where a browser may refuse
	 * the cookie, so that one coming without it is checked first. Browsers say so (Fetch
	 * Metadata). One that does not (Safari before 16.4, on school iPads that cannot
	 * update) is taken as framed when another site's page sent it here (its Referer): the
	 * launch's own retry could not help it, since the LMS's message hint may be used only
	 * once (Moodle's is). Only a request that names no page at all (typed, bookmarked, a
	 * program) is taken as a window of its own.
	 */
	boolean framed(HttpServletRequest request) {
		String destination = request.getHeader("Sec-Fetch-Dest");
		if (destination != null) {
			return !destination.equals("document");
		}
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer == null || referer.isBlank()) {
			return false;
		}
		try {
			return !origin(referer).equalsIgnoreCase(origin(urls.base(request)));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			// a Referer that is no address: some other page sent it
			return true;
		}
	}

	/**
	 * Where a cookie-less login came from, hashed: the address and browser. A weak
	 * binding, kept only for browsers that refuse the cookie (docs/architecture.md).
	 */
	static String client(HttpServletRequest request) {
		String agent = request.getHeader(HttpHeaders.USER_AGENT);
		return Tokens.hash(request.getRemoteAddr() + "\n" + (agent == null ? "" : agent));
	}

	private ModelAndView framedPage(String view, HttpServletRequest request, HttpServletResponse response) {
		// shown in the frame of the LMS whose login this is
		response.setHeader(FrameAncestors.HEADER, frameAncestors.beforeSignIn(request));
		return new ModelAndView(view);
	}

	private static ModelAndView redirect(HttpServletResponse response, String location) {
		response.setStatus(HttpStatus.FOUND.value());
		response.setHeader(HttpHeaders.LOCATION, location);
		// null: the response is complete, no view to render
		return null;
	}

	static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	private String authorization(Platform platform, HttpServletRequest request, String loginHint, String messageHint,
			LoginStates.Issued issued) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("scope", "openid");
		params.put("response_type", "id_token");
		params.put("response_mode", "form_post");
		params.put("prompt", "none");
		params.put("client_id", platform.getClientId());
		params.put("redirect_uri", urls.launch(request));
		params.put("login_hint", loginHint);
		params.put("state", issued.state());
		params.put("nonce", issued.nonce());
		if (messageHint != null) {
			// Passed on untouched: Moodle's hint is JSON that points into the user's LMS
			// session.
			params.put("lti_message_hint", messageHint);
		}
		return withQuery(platform.getAuthorizationEndpoint(), params);
	}

	/**
	 * Adds parameters to an endpoint that may carry a query of its own, every value
	 * strictly encoded.
	 */
	static String withQuery(String endpoint, Map<String, String> params) {
		StringBuilder url = new StringBuilder(endpoint);
		char separator = endpoint.contains("?") ? '&' : '?';
		for (Map.Entry<String, String> param : params.entrySet()) {
			url.append(separator)
				.append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return url.toString();
	}

	private Platform platform(String iss, String clientId) {
		if (clientId != null && !clientId.isBlank()) {
			return directory.byIssuerAndClientId(iss, clientId)
				.orElseThrow(() -> new RefusedException(Refusal.LOGIN_PLATFORM_UNKNOWN,
						"No platform with issuer \"" + shorten(iss) + "\" and client id \"" + shorten(clientId)
								+ "\" is registered with Coachroom."));
		}
		List<Platform> candidates = directory.byIssuer(iss);
		if (candidates.isEmpty()) {
			throw new RefusedException(Refusal.LOGIN_PLATFORM_UNKNOWN,
					"No platform with issuer \"" + shorten(iss) + "\" is registered with Coachroom.");
		}
		if (candidates.size() > 1) {
			throw new RefusedException(Refusal.LOGIN_CLIENT_AMBIGUOUS, "The issuer \"" + shorten(iss) + "\" has "
					+ candidates.size() + " registrations and the login did not say which (client_id).");
		}
		return candidates.get(0);
	}

	/**
	 * A platform from open registration signs no one in until the operator approved it.
	 */
	static void refuseIfPending(Platform platform) {
		if (platform.isPending()) {
			throw new RefusedException(Refusal.PLATFORM_PENDING, platform.getName() + " ("
					+ shorten(platform.getIssuer())
					+ ") registered through open registration and is waiting for the Coachroom operator's approval.");
		}
	}

	/**
	 * The launch must be for a page of this Coachroom: otherwise anyone could send a
	 * browser through /lti/login on to a platform's authorization endpoint for a target
	 * that is not ours.
	 */
	private static void checkTarget(String target, String ourBase) {
		try {
			URI uri = URI.create(target);
			if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
				String ours = URI.create(ourBase).getHost();
				if (ours != null && !ours.equalsIgnoreCase(uri.getHost())) {
					throw new RefusedException(Refusal.LOGIN_TARGET_ELSEWHERE, "The target_link_uri \""
							+ shorten(target) + "\" is not on this Coachroom (" + Logs.safe(ours) + ").");
				}
				return;
			}
		}
		catch (IllegalArgumentException e) {
			// falls through to the refusal
		}
		throw new RefusedException(Refusal.LOGIN_TARGET_INVALID,
				"The target_link_uri \"" + shorten(target) + "\" is not a web address.");
	}

	private static void require(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new RefusedException(Refusal.LOGIN_PARAMETER_MISSING,
					"The login initiation request has no " + name + " parameter.");
		}
	}

	static String shorten(String s) {
		return Logs.safe(s);
	}

}
