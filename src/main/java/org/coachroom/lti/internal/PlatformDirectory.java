package org.coachroom.lti.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.coachroom.shared.TenantId;
import org.springframework.stereotype.Component;

/**
 * Platforms and deployments as every login and launch looks them up, remembered for a
 * short while: they change only at registration, and re-reading them costs several
 * queries per request. A registration on this node clears it at once; one on another node
 * is seen within {@link #TTL}. Only found rows are remembered, so a newly registered
 * platform is never refused from memory.
 */
@Component
class PlatformDirectory {

	static final Duration TTL = Duration.ofSeconds(30);

	private final Platforms platforms;

	private final Deployments deployments;

	private final Clock clock;

	private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

	private record Entry(Object value, Instant readAt) {
	}

	private record ById(long id) {
	}

	private record ByClient(String issuer, String clientId) {
	}

	private record ByIssuer(String issuer) {
	}

	private record DeploymentKey(long platformId, String deploymentId) {
	}

	private record ByTenant(long tenant) {
	}

	PlatformDirectory(Platforms platforms, Deployments deployments, Clock clock) {
		this.platforms = platforms;
		this.deployments = deployments;
		this.clock = clock;
	}

	Optional<Platform> byId(long id) {
		return remembered(new ById(id), () -> platforms.findById(id));
	}

	Optional<Platform> byIssuerAndClientId(String issuer, String clientId) {
		return remembered(new ByClient(issuer, clientId), () -> platforms.findByIssuerAndClientId(issuer, clientId));
	}

	@SuppressWarnings("unchecked")
	List<Platform> byIssuer(String issuer) {
		return (List<Platform>) remembered(new ByIssuer(issuer), () -> {
			List<Platform> found = platforms.findByIssuer(issuer);
			return found.isEmpty() ? Optional.empty() : Optional.of(found);
		}).orElse(List.of());
	}

	Optional<Deployment> deployment(long platformId, String deploymentId) {
		return remembered(new DeploymentKey(platformId, deploymentId),
				() -> deployments.findByPlatformAndDeploymentId(platformId, deploymentId));
	}

	/** The platform a tenant (deployment) belongs to, for calling its services. */
	Optional<Platform> byTenant(TenantId tenant) {
		return remembered(new ByTenant(tenant.value()),
				() -> deployments.findById(tenant.value()).flatMap(d -> platforms.findById(d.platformId())));
	}

	void forget() {
		entries.clear();
	}

	@SuppressWarnings("unchecked")
	private <T> Optional<T> remembered(Object key, Supplier<Optional<? extends T>> load) {
		Instant now = clock.instant();
		Entry entry = entries.get(key);
		if (entry != null && entry.readAt().plus(TTL).isAfter(now)) {
			return Optional.of((T) entry.value());
		}
		Optional<? extends T> loaded = load.get();
		if (loaded.isPresent()) {
			if (entries.size() > 10_000) {
				entries.clear();
			}
			entries.put(key, new Entry(loaded.get(), now));
		}
		else {
			entries.remove(key);
		}
		return (Optional<T>) loaded;
	}

}
