package org.coachroom.lti;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything Coachroom needs to trust launches from one platform (issuer + client id), however it was
 * registered: dynamic registration, the registrations file, or the built-in demo.
 *
 * @param roleRules per-platform overrides: an LTI role URI and the Coachroom roles it grants
 * @param customRoleParameter name of a custom launch parameter that may add Principal or HR, or null
 */
public record PlatformRegistration(String issuer, String clientId, String name, String authorizationEndpoint,
		String tokenEndpoint, String jwksUri, String productFamily, Source source, List<String> deploymentIds,
		Map<String, Set<CoachroomRole>> roleRules, String customRoleParameter) {

	public enum Source {
		DYNAMIC_REGISTRATION, REGISTRATIONS_FILE, DEMO
	}

	public PlatformRegistration {
		require(issuer, "issuer");
		require(clientId, "client_id");
		require(authorizationEndpoint, "authorization endpoint");
		require(jwksUri, "JWKS URL");
		deploymentIds = deploymentIds == null ? List.of() : List.copyOf(deploymentIds);
		roleRules = roleRules == null ? Map.of() : Map.copyOf(roleRules);
		name = name == null || name.isBlank() ? issuer : name.trim();
	}

	private static void require(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A platform registration needs its " + what);
		}
	}
}
