package org.coachroom.lti.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for the platform's services (NRPS, AGS): the OAuth 2 client credentials
 * grant with a private_key_jwt assertion signed by the tool key (RFC 7523), cached per
 * platform and scope set until shortly before they expire, and shared by every caller.
 */
@Component
class ServiceTokens {

	private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

	/** A token is not used in its last minute, so a slow call does not outlive it. */
	private static final Duration EARLY = Duration.ofSeconds(60);

	private static final int MAX_ANSWER_CHARS = 64 * 1024;

	private final ToolKeys keys;

	private final JsonMapper json;

	private final Clock clock;

	private final RestClient http;

	private final Map<Key, Token> cache = new ConcurrentHashMap<>();

	private final Map<Key, Object> granting = new ConcurrentHashMap<>();

	private final Map<Key, Refused> refusals = new ConcurrentHashMap<>();

	private record Refused(ServiceException why, Instant until) {
	}

	private record Key(long platformId, Set<String> scopes) {
	}

	private record Token(String value, Instant usableUntil) {
	}

	ServiceTokens(ToolKeys keys, JsonMapper json, Clock clock, LmsHttp lmsHttp) {
		this.keys = keys;
		this.json = json;
		this.clock = clock;
		this.http = lmsHttp.client();
	}

	/**
	 * A bearer token for these scopes at this platform, from the cache or freshly
	 * granted.
	 */
	String token(Platform platform, Set<String> scopes) {
		Key key = new Key(platform.getId(), new TreeSet<>(scopes));
		Token cached = cache.get(key);
		if (cached != null && cached.usableUntil().isAfter(clock.instant())) {
			return cached.value();
		}
		// one request for a token at a time per platform and scope set: senders waiting
		// meanwhile share it
		synchronized (granting.computeIfAbsent(key, k -> new Object())) {
			cached = cache.get(key);
			if (cached != null && cached.usableUntil().isAfter(clock.instant())) {
				return cached.value();
			}
			Refused refused = refusals.get(key);
			if (refused != null && refused.until().isAfter(clock.instant())) {
				// the token endpoint failed a moment ago: the senders that waited do not
				// each ask again
				throw refused.why();
			}
			try {
				Token fresh = grant(platform, key.scopes());
				cache.put(key, fresh);
				refusals.remove(key);
				return fresh.value();
			}
			catch (ServiceException e) {
				// a throttling platform's Retry-After holds for every sender, not just
				// the one that asked
				Duration hold = e.retryAfter() != null && e.retryAfter().getSeconds() > 1 ? e.retryAfter()
						: Duration.ofSeconds(1);
				refusals.put(key, new Refused(e, clock.instant().plus(hold)));
				throw e;
			}
		}
	}

	/** The platform refused a cached token (401): the next call asks for a new one. */
	void forget(Platform platform, Set<String> scopes) {
		cache.remove(new Key(platform.getId(), new TreeSet<>(scopes)));
	}

	private Token grant(Platform platform, Set<String> scopes) {
		if (platform.getTokenEndpoint() == null || platform.getTokenEndpoint().isBlank()) {
			throw new ServiceException(ServiceException.Reason.NOT_OFFERED,
					"The platform's registration has no token endpoint.");
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		form.add("client_assertion", assertion(platform));
		form.add("scope", String.join(" ", scopes));
		String body;
		try {
			body = http.post()
				.uri(platform.getTokenEndpoint())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.exchange((request, response) -> {
					if (response.getStatusCode().isError()) {
						throw new RestClientResponseException(
								"Token endpoint answered " + response.getStatusCode().value(), response.getStatusCode(),
								"", response.getHeaders(), null, null);
					}
					// read no further than a token answer can be
					byte[] bytes = response.getBody().readNBytes(MAX_ANSWER_CHARS + 1);
					return new String(bytes, StandardCharsets.UTF_8);
				});
		}
		catch (RestClientResponseException e) {
			log.warn("Token endpoint of {} answered {}", platform.getIssuer(), e.getStatusCode().value());
			throw new ServiceException(
					e.getStatusCode().value() == 401 || e.getStatusCode().value() == 400
							? ServiceException.Reason.REFUSED : ServiceException.Reason.UNREACHABLE,
					"The LMS's token endpoint answered " + e.getStatusCode().value() + ".",
					e.getResponseHeaders() == null ? null : AssignmentGradesClient.retryAfter(e.getResponseHeaders()));
		}
		catch (RestClientException e) {
			log.warn("Token endpoint of {} unreachable: {}", platform.getIssuer(), e.getClass().getSimpleName());
			throw new ServiceException(ServiceException.Reason.UNREACHABLE, "The LMS's token endpoint did not answer.");
		}
		// Moodle labels this JSON text/html: read the body, whatever its label.
		if (body == null || body.length() > MAX_ANSWER_CHARS) {
			throw new ServiceException(ServiceException.Reason.INVALID, "The LMS's token answer is empty or too long.");
		}
		JsonNode answer;
		try {
			answer = json.readTree(body);
		}
		catch (RuntimeException e) {
			throw new ServiceException(ServiceException.Reason.INVALID, "The LMS's token answer is not JSON.");
		}
		JsonNode token = answer.get("access_token");
		if (token == null || !token.isString() || token.asString().isBlank()) {
			throw new ServiceException(ServiceException.Reason.INVALID, "The LMS's token answer has no access_token.");
		}
		long expiresIn = answer.has("expires_in") && answer.get("expires_in").canConvertToLong()
				? answer.get("expires_in").asLong() : 3600;
		// kept at most a day, whatever the platform says
		long lifetime = Math.max(0, Math.min(expiresIn, 86_400));
		// a minute early, or half way for a token that lives less than two minutes
		Instant until = clock.instant()
			.plusSeconds(lifetime)
			.minus(EARLY.getSeconds() * 2 > lifetime ? Duration.ofSeconds(lifetime / 2) : EARLY);
		return new Token(token.asString(), until);
	}

	/**
	 * RFC 7523 client assertion: issued by and about our client id, for the token
	 * endpoint, used once.
	 */
	private String assertion(Platform platform) {
		RSAKey key = keys.signingKey();
		Instant now = clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(platform.getClientId())
			.subject(platform.getClientId())
			.audience(platform.getTokenEndpoint())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Cannot sign a client assertion", e);
		}
		return jwt.serialize();
	}

}
