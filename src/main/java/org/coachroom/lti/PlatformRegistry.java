package org.coachroom.lti;

import java.util.List;

import org.coachroom.shared.TenantId;

/** Registers platforms and their deployments; the deployments are Coachroom's tenants. */
public interface PlatformRegistry {

	/**
	 * Creates the platform or updates the one with the same issuer and client id, and
	 * makes sure its deployments exist. Returns the tenant of the first deployment, if
	 * any.
	 */
	RegisteredPlatform register(PlatformRegistration registration);

	record RegisteredPlatform(long platformId, List<TenantId> tenants) {
	}

}
