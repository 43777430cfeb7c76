package org.coachroom.lti.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.LaunchDetails;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Receives the platform's form post with the id_token, validates it, and signs the
 * browser in.
 */
@Controller
class LaunchController {

	private final Launches launches;

	private final LtiProperties properties;

	private final ToolUrls urls;

	LaunchController(Launches launches, LtiProperties properties, ToolUrls urls) {
		this.launches = launches;
		this.properties = properties;
		this.urls = urls;
	}

	@PostMapping({ "/lti/launch", "/lti/deeplink" })
	ResponseEntity<Void> launch(@RequestParam(name = "id_token", required = false) String idToken,
			@RequestParam(required = false) String state, @RequestParam(required = false) String error,
			@RequestParam(name = "error_description", required = false) String errorDescription,
			HttpServletRequest request, HttpServletResponse response) {
		if (error != null && idToken == null) {
			throw new RefusedException(Refusal.LOGIN_PLATFORM_ERROR,
					"The platform answered the login with error \"" + LoginController.shorten(error) + "\""
							+ (errorDescription == null ? "." : ": " + LoginController.shorten(errorDescription)));
		}
		Launches.Completed completed = launches.complete(idToken, state, Cookies.read(request, Cookies.BROWSER));
		Cookies.set(request, response, Cookies.SESSION, completed.sessionToken(), properties.sessionTtl());
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION,
					completed.launch().isDeepLinking() ? "/deep-linking" : landing(completed.launch(), request))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
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
	String landing(LaunchDetails launch, HttpServletRequest request) {
		String page = launch.custom().get(PAGE_PARAMETER);
		if (page != null && page.length() <= 200 && page.matches("/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*")
				&& !page.startsWith("/lti/")) {
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
			// segments only: "//host" would be read by browsers as another site
			if (!ours || path == null || !path.matches("/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*")
					|| path.startsWith("/lti/")) {
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
