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

	private final RegistrationInvites invites;

	private final LtiProperties properties;

	PlatformRegistryService(Platforms platforms, Deployments deployments, Clock clock, PlatformDirectory directory,
			RegistrationInvites invites, LtiProperties properties) {
		this.invites = invites;
		this.properties = properties;
		this.directory = directory;
		this.platforms = platforms;
		this.deployments = deployments;
		this.clock = clock;
	}

	@Override
	@Transactional
	public RegisteredPlatform register(PlatformRegistration registration) {
		return save(registration, Platform.Status.ACTIVE);
	}

	/**
	 * A dynamic registration, as {@link DynamicRegistration} admitted it: spends the
	 * invitation it came with (in the same transaction, so one invitation lets in one
	 * platform), and makes a new platform from open registration PENDING, up to
	 * {@code coachroom.lti.max-pending-registrations}. A platform already known keeps its
	 * status.
	 */
	@Transactional
	RegisteredPlatform registerDynamically(PlatformRegistration registration, RegistrationAdmission.Admission admission,
			String invite) {
		boolean known = platforms.findByIssuerAndClientId(registration.issuer(), registration.clientId()).isPresent();
		if (admission == RegistrationAdmission.Admission.OPEN && !known
				&& platforms.countByStatus(Platform.Status.PENDING) >= properties.maxPendingRegistrations()) {
			throw RegistrationAdmission.tooManyPending(properties.maxPendingRegistrations());
		}
		RegisteredPlatform registered = save(registration,
				admission == RegistrationAdmission.Admission.OPEN ? Platform.Status.PENDING : Platform.Status.ACTIVE);
		if (admission == RegistrationAdmission.Admission.INVITE && !invites.use(invite, registered.platformId())) {
			throw RegistrationAdmission.inviteNotUsable();
		}
		return registered;
	}

	/** The platforms waiting for the operator's approval, oldest first. */
	List<Platform> pending() {
		return platforms.findByStatusOrderByCreatedAt(Platform.Status.PENDING);
	}

	/**
	 * Lets a pending platform's launches in; false when there is no such pending
	 * platform.
	 */
	@Transactional
	boolean approve(long platformId) {
		return platforms.findById(platformId).filter(Platform::isPending).map(platform -> {
			platform.approve(clock.instant());
			platforms.save(platform);
			directory.forget();
			log.info("Approved platform {} (client id {})", platform.getIssuer(), Logs.safe(platform.getClientId()));
			return true;
		}).orElse(false);
	}

	/** Removes a pending platform and its deployments (no one ever launched from it). */
	@Transactional
	boolean refuse(long platformId) {
		return platforms.findById(platformId).filter(Platform::isPending).map(platform -> {
			platforms.delete(platform);
			directory.forget();
			log.info("Refused pending platform {} (client id {})", platform.getIssuer(),
					Logs.safe(platform.getClientId()));
			return true;
		}).orElse(false);
	}

	private RegisteredPlatform save(PlatformRegistration registration, Platform.Status statusIfNew) {
		Instant now = clock.instant();
		Platform platform = platforms.findByIssuerAndClientId(registration.issuer(), registration.clientId())
			.map(existing -> {
				existing.update(registration, now);
				return existing;
			})
			.orElseGet(() -> Platform.from(registration, now, statusIfNew));
		boolean created = platform.getId() == null;
		platform = platforms.save(platform);
		List<TenantId> tenants = new ArrayList<>();
		for (String deploymentId : registration.deploymentIds()) {
			tenants.add(ensureDeployment(platform.getId(), deploymentId, now).tenant());
		}
		directory.forget();
		log.info("{} platform {} (client id {}) from {} with deployments {}{}", created ? "Registered" : "Updated",
				registration.issuer(), registration.clientId(), registration.source(), registration.deploymentIds(),
				platform.isPending() ? ", waiting for approval" : "");
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
