package org.coachroom.lti.internal;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each platform's public keys, fetched from its JWKS URL and cached. A token signed with
 * a kid we do not know refetches the set (a platform rotated its key), at most once per
 * {@code minRefreshInterval}.
 */
@Component
class PlatformKeys {

	private static final Logger log = LoggerFactory.getLogger(PlatformKeys.class);

	/**
	 * One source per key set URL; bounded, so registrations cannot make it grow without
	 * end.
	 */
	private final Cache<String, JWKSource<SecurityContext>> sources = Caffeine.newBuilder().maximumSize(1000).build();

	/**
	 * A verifier per key: building the RSA public key from the JWK's Base64 parts took a
	 * tenth of a launch's signature check.
	 */
	private final Cache<RSAKey, RSASSAVerifier> verifiers = Caffeine.newBuilder().maximumSize(1000).build();

	private final LtiProperties properties;

	private final LmsHttp http;

	PlatformKeys(LtiProperties properties, LmsHttp http) {
		this.properties = properties;
		this.http = http;
	}

	/** Keys of the platform that match the token's header (kid, alg, use). */
	List<JWK> keysFor(Platform platform, JWSHeader header) {
		JWKSource<SecurityContext> source = sources.get(platform.getJwksUri(), this::sourceFor);
		try {
			return source.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
		}
		catch (RateLimitReachedException e) {
			// The set was refetched moments ago and still lacks this kid.
			return List.of();
		}
		catch (KeySourceException e) {
			log.warn("Could not read the key set of {} from {}: {}", platform.getIssuer(), platform.getJwksUri(),
					Logs.safe(e.getMessage()));
			throw new RefusedException(Refusal.TOKEN_KEYS_UNAVAILABLE,
					"Could not read the platform's public keys from " + platform.getJwksUri() + ".");
		}
	}

	/** The verifier for one of a platform's RSA keys. */
	RSASSAVerifier verifier(RSAKey key) throws JOSEException {
		RSASSAVerifier verifier = verifiers.getIfPresent(key);
		if (verifier == null) {
			verifier = new RSASSAVerifier(key);
			verifiers.put(key, verifier);
		}
		return verifier;
	}

	private JWKSource<SecurityContext> sourceFor(String jwksUri) {
		int timeout = (int) properties.httpDeadline().toMillis();
		try {
			// through LmsHttp: checked addresses, no redirects, an overall deadline, a
			// size cap
			return JWKSourceBuilder
				.create(URI.create(jwksUri).toURL(), http.keySetRetriever(properties.jwks().maxSize()))
				.cache(properties.jwks().cacheTtl().toMillis(), timeout)
				.rateLimited(properties.jwks().minRefreshInterval().toMillis())
				.refreshAheadCache(false)
				.retrying(false)
				.build();
		}
		catch (MalformedURLException | IllegalArgumentException e) {
			throw new RefusedException(Refusal.TOKEN_KEYS_UNAVAILABLE,
					"The platform's JWKS URL is not a URL: " + jwksUri);
		}
	}

}
