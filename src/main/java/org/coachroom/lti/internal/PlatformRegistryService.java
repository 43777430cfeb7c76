package org.coachroom.lti.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.coachroom.lti.PlatformRegistration;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PlatformRegistryService implements PlatformRegistry {

	private static final Logger log = LoggerFactory.getLogger(PlatformRegistryService.class);

	private final Platforms platforms;

	private final Deployments deployments;

	private final Clock clock;

	private final PlatformDirectory directory;

	PlatformRegistryService(Platforms platforms, Deployments deployments, Clock clock,
			PlatformDirectory directory) {
		this.directory = directory;
		this.platforms = platforms;
		this.deployments = deployments;
		this.clock = clock;
	}

	@Override
	@Transactional
	public RegisteredPlatform register(PlatformRegistration registration) {
		Instant now = clock.instant();
		Platform platform = platforms.findByIssuerAndClientId(registration.issuer(), registration.clientId())
			.map(existing -> {
				existing.update(registration, now);
				return existing;
			})
			.orElseGet(() -> Platform.from(registration, now));
		boolean created = platform.getId() == null;
		platform = platforms.save(platform);
		List<TenantId> tenants = new ArrayList<>();
		for (String deploymentId : registration.deploymentIds()) {
			tenants.add(ensureDeployment(platform.getId(), deploymentId, now).tenant());
		}
		directory.forget();
		log.info("{} platform {} (client id {}) from {} with deployments {}", created ? "Registered" : "Updated",
				registration.issuer(), registration.clientId(), registration.source(), registration.deploymentIds());
		return new RegisteredPlatform(platform.getId(), tenants);
	}

	private Deployment ensureDeployment(long platformId, String deploymentId, Instant now) {
		return deployments.findByPlatformAndDeploymentId(platformId, deploymentId).orElseGet(() -> {
			try {
				return deployments.save(Deployment.of(platformId, deploymentId, now));
			}
			catch (DuplicateKeyException raced) {
				return deployments.findByPlatformAndDeploymentId(platformId, deploymentId).orElseThrow();
			}
		});
	}
}
