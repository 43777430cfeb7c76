package org.coachroom.lti.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What Coachroom asks a platform for when it registers (LTI Dynamic Registration 1.0,
 * section 3.5): its endpoints, the messages it handles, and the services it wants, cut to
 * those the platform offers.
 */
final class ToolRegistrationRequest {

	static final List<String> WANTED_SCOPES = List.of(LtiClaims.SCOPE_LINEITEM, LtiClaims.SCOPE_LINEITEM_READONLY,
			LtiClaims.SCOPE_SCORE, LtiClaims.SCOPE_RESULT_READONLY, LtiClaims.SCOPE_MEMBERSHIPS);

	private ToolRegistrationRequest() {
	}

	static Map<String, Object> body(DynamicRegistration.PlatformConfiguration config, ToolUrls urls,
			HttpServletRequest request) {
		return body(config, urls, request, "Coachroom");
	}

	/**
	 * The registration, naming the tool {@code clientName} (the name of the LMS's tool
	 * card).
	 */
	static Map<String, Object> body(DynamicRegistration.PlatformConfiguration config, ToolUrls urls,
			HttpServletRequest request, String clientName) {
		URI base = URI.create(urls.base(request));
		List<String> scopes = config.scopesSupported().isEmpty() ? WANTED_SCOPES
				: WANTED_SCOPES.stream().filter(config.scopesSupported()::contains).toList();
		List<Map<String, Object>> messages = new ArrayList<>();
		messages.add(Map.of("type", "LtiResourceLinkRequest", "target_link_uri", urls.launch(request), "label",
				"Coachroom"));
		if (config.messagesSupported().isEmpty() || config.messagesSupported().contains("LtiDeepLinkingRequest")) {
			messages.add(Map.of("type", "LtiDeepLinkingRequest", "target_link_uri", urls.deepLink(request), "label",
					"Add Coachroom to this course", "placements", List.of("ContentArea")));
		}
		Map<String, Object> toolConfiguration = new LinkedHashMap<>();
		toolConfiguration.put("domain", base.getAuthority());
		toolConfiguration.put("description",
				"Coaching study groups, PD and credential tracking, and PLC team workspaces for your district.");
		toolConfiguration.put("target_link_uri", urls.launch(request));
		toolConfiguration.put("claims", List.of("iss", "sub", "name", "given_name", "family_name", "email"));
		toolConfiguration.put("messages", messages);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("application_type", "web");
		body.put("response_types", List.of("id_token"));
		body.put("grant_types", List.of("implicit", "client_credentials"));
		body.put("initiate_login_uri", urls.login(request));
		body.put("redirect_uris", List.of(urls.launch(request), urls.deepLink(request)));
		body.put("client_name", clientName);
		body.put("jwks_uri", urls.jwks(request));
		body.put("token_endpoint_auth_method", "private_key_jwt");
		body.put("scope", String.join(" ", scopes));
		body.put(LtiClaims.TOOL_CONFIGURATION, toolConfiguration);
		return body;
	}

}
