package org.coachroom.lti.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Receives the platform's form post with the id_token, validates it, and signs the browser in. */
@Controller
class LaunchController {

	private final Launches launches;

	private final LtiProperties properties;

	LaunchController(Launches launches, LtiProperties properties) {
		this.launches = launches;
		this.properties = properties;
	}

	@PostMapping({ "/lti/launch", "/lti/deeplink" })
	ResponseEntity<Void> launch(@RequestParam(name = "id_token", required = false) String idToken,
			@RequestParam(required = false) String state, @RequestParam(required = false) String error,
			@RequestParam(name = "error_description", required = false) String errorDescription,
			HttpServletRequest request, HttpServletResponse response) {
		if (error != null && idToken == null) {
			throw new RefusedException(Refusal.LOGIN_PLATFORM_ERROR, "The platform answered the login with error \""
					+ LoginController.shorten(error) + "\""
					+ (errorDescription == null ? "." : ": " + LoginController.shorten(errorDescription)));
		}
		Launches.Completed completed = launches.complete(idToken, state, Cookies.read(request, Cookies.BROWSER));
		Cookies.set(request, response, Cookies.SESSION, completed.sessionToken(), properties.sessionTtl());
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, completed.launch().isDeepLinking() ? "/deep-linking" : "/home")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
	}
}
