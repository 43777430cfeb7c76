package org.coachroom.lti;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything Coachroom needs to trust launches from one platform (issuer + client id),
 * however it was registered: dynamic registration, the registrations file, or the
 * built-in demo.
 *
 * @param roleRules per-platform overrides: an LTI role URI and the tool roles (by name)
 * it grants; null keeps what an earlier registration set (dynamic registration knows
 * nothing of them)
 * @param customRoleParameter name of a custom launch parameter that may add Principal or
 * HR, or null
 * @param frameOrigins further origins whose pages may show Coachroom in a frame, for an
 * LMS whose pages are not on its issuer's host (Canvas: the district's own Canvas
 * address); null keeps earlier ones
 */
public record PlatformRegistration(String issuer, String clientId, String name, String authorizationEndpoint,
		String tokenEndpoint, String jwksUri, String productFamily, Source source, List<String> deploymentIds,
		Map<String, Set<String>> roleRules, String customRoleParameter, List<String> frameOrigins) {

	public enum Source {

		DYNAMIC_REGISTRATION, REGISTRATIONS_FILE, DEMO

	}

	public PlatformRegistration {
		require(issuer, "issuer");
		require(clientId, "client_id");
		require(authorizationEndpoint, "authorization endpoint");
		require(jwksUri, "JWKS URL");
		deploymentIds = deploymentIds == null ? List.of() : List.copyOf(deploymentIds);
		roleRules = roleRules == null ? null : Map.copyOf(roleRules);
		frameOrigins = frameOrigins == null ? null : List.copyOf(frameOrigins);
		name = name == null || name.isBlank() ? issuer : name.trim();
	}

	/**
	 * Whether this registration says how roles map, or leaves the platform's settings as
	 * they are.
	 */
	public boolean setsRoles() {
		return roleRules != null;
	}

	private static void require(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A platform registration needs its " + what);
		}
	}
}
