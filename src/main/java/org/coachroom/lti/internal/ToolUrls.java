package org.coachroom.lti.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tool's own public URLs: from {@code coachroom.lti.public-url}, else from the
 * request.
 */
@Component
public class ToolUrls {

	private final LtiProperties properties;

	ToolUrls(LtiProperties properties) {
		this.properties = properties;
	}

	public String base(HttpServletRequest request) {
		String configured = properties.publicUrl();
		if (configured != null && !configured.isBlank()) {
			return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
		}
		return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
	}

	public String launch(HttpServletRequest request) {
		return base(request) + "/lti/launch";
	}

	public String deepLink(HttpServletRequest request) {
		return base(request) + "/lti/deeplink";
	}

	public String login(HttpServletRequest request) {
		return base(request) + "/lti/login";
	}

	public String jwks(HttpServletRequest request) {
		return base(request) + "/.well-known/jwks.json";
	}

}
