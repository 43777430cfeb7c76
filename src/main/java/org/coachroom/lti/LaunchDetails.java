package org.coachroom.lti;

import java.util.List;
import java.util.Map;

/**
 * What the platform offered with a launch that later modules need: service endpoints,
 * custom parameters, deep linking settings and where to send the person back.
 */
public record LaunchDetails(String issuer, String clientId, String deploymentId, String messageType,
		String targetLinkUri, String resourceLinkId, String resourceLinkTitle, String lineItemsUrl, String lineItemUrl,
		List<String> agsScopes, String membershipsUrl, Map<String, String> custom, String deepLinkReturnUrl,
		String deepLinkData, String returnUrl, String locale) {

	public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";

	public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";

	public LaunchDetails {
		agsScopes = agsScopes == null ? List.of() : List.copyOf(agsScopes);
		custom = custom == null ? Map.of() : Map.copyOf(custom);
	}

	public boolean isDeepLinking() {
		return DEEP_LINKING_REQUEST.equals(messageType);
	}
}
