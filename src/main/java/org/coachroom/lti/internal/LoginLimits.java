package org.coachroom.lti.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rate limits on login initiation, which writes a row for every call: per client address
 * (a school behind one address starts its day with a burst, then a steady trickle) and
 * per platform. Token buckets from Bucket4j, one per address or platform, kept in a
 * bounded Caffeine cache so that many addresses cannot grow it without end. Calls from
 * this machine itself (a health check, a benchmark, a proxy that does not forward the
 * client's address) count only against their platform's limit.
 */
@Component
class LoginLimits {

	private static final Logger log = LoggerFactory.getLogger(LoginLimits.class);

	private final LtiProperties.LoginRate rate;

	private final Cache<String, Bucket> byAddress = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	private final Cache<Long, Bucket> byPlatform = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	LoginLimits(LtiProperties properties) {
		this.rate = properties.loginRate();
	}

	/** Refuses a login from an address that has started too many just now. */
	void admitAddress(String address) {
		if (address == null || rate.perAddress() <= 0 || isLoopback(address)) {
			return;
		}
		Bucket bucket = byAddress.get(address, a -> bucket(rate.perAddress(), rate.addressBurst()));
		if (!bucket.tryConsume(1)) {
			log.warn("Login initiation refused: too many from {}", Logs.safe(address));
			throw new RefusedException(Refusal.LOGIN_TOO_MANY, "Too many sign-ins started from this network just now ("
					+ "more than " + rate.perAddress() + " a second). Wait a moment and open Coachroom again.");
		}
	}

	/** Refuses a login for a platform that has started too many just now. */
	void admitPlatform(Platform platform) {
		if (rate.perPlatform() <= 0) {
			return;
		}
		Bucket bucket = byPlatform.get(platform.getId(), id -> bucket(rate.perPlatform(), rate.platformBurst()));
		if (!bucket.tryConsume(1)) {
			log.warn("Login initiation refused: too many for {}", Logs.safe(platform.getIssuer()));
			throw new RefusedException(Refusal.LOGIN_TOO_MANY,
					"Too many sign-ins started from " + platform.getName() + " just now (more than "
							+ rate.perPlatform() + " a second). Wait a moment and open Coachroom again.");
		}
	}

	private static Bucket bucket(int perSecond, int burst) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(Math.max(burst, perSecond))
				.refillGreedy(perSecond, Duration.ofSeconds(1))
				.build())
			.build();
	}

	private static boolean isLoopback(String address) {
		// only literal addresses arrive here (the servlet container's remote address):
		// nothing is looked up
		if (!address.matches("[0-9a-fA-F:.\\[\\]%]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException e) {
			return false;
		}
	}

}
