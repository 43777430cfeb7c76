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
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

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

	LoginController(PlatformDirectory directory, LoginStates loginStates, ToolUrls urls, LoginLimits limits) {
		this.directory = directory;
		this.loginStates = loginStates;
		this.urls = urls;
		this.limits = limits;
	}

	@RequestMapping(path = "/lti/login", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<Void> initiate(@RequestParam(required = false) String iss,
			@RequestParam(name = "login_hint", required = false) String loginHint,
			@RequestParam(name = "target_link_uri", required = false) String targetLinkUri,
			@RequestParam(name = "lti_message_hint", required = false) String messageHint,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "lti_deployment_id", required = false) String deploymentId, HttpServletRequest request,
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
		if (!Tokens.looksRandom256(browserId)) {
			browserId = Tokens.random256();
		}
		// Refreshed on every login so that it outlives the login it binds.
		Cookies.set(request, response, Cookies.BROWSER, browserId, Duration.ofDays(1));
		LoginStates.Issued issued = loginStates.issue(platform.getId(), targetLinkUri, browserId);
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
		String location = withQuery(platform.getAuthorizationEndpoint(), params);
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, location)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
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
