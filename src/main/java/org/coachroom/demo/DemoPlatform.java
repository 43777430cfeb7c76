package org.coachroom.demo;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.coachroom.lti.PlatformRegistration;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.Schools;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo district's LMS: its key, its registration with Coachroom, and the id_tokens it
 * signs.
 */
class DemoPlatform implements DemoDistrict {

	static final String ISSUER = "https://demo-lms.coachroom.invalid";

	static final String CLIENT_ID = "coachroom-demo";

	static final String DEPLOYMENT_ID = "demo-district";

	static final String ROLE_PARAMETER = "coachroom_role";

	private final JdbcClient jdbc;

	private final PlatformRegistry registry;

	private final Clock clock;

	private volatile RSAKey key;

	/**
	 * Made once: building a signer converts the key, which costs more than a launch
	 * should.
	 */
	private volatile RSASSASigner signer;

	private volatile String baseUrl;

	private final Schools schools;

	DemoPlatform(JdbcClient jdbc, PlatformRegistry registry, Clock clock, Schools schools) {
		this.schools = schools;
		this.jdbc = jdbc;
		this.registry = registry;
		this.clock = clock;
	}

	/** Registers the demo LMS with the tool's URLs as this run serves them. */
	void start(String baseUrl) {
		this.baseUrl = baseUrl;
		this.key = loadOrCreateKey();
		try {
			this.signer = new RSASSASigner(key);
		}
		catch (JOSEException e) {
			throw new IllegalStateException("The demo platform's key cannot sign", e);
		}
		PlatformRegistration registration = new PlatformRegistration(ISSUER, CLIENT_ID, "Demo District LMS",
				baseUrl + "/demo/platform/auth", baseUrl + "/demo/platform/token", baseUrl + "/demo/platform/jwks.json",
				"coachroom-demo", PlatformRegistration.Source.DEMO, List.of(DEPLOYMENT_ID), Map.of(), ROLE_PARAMETER,
				List.of());
		PlatformRegistry.RegisteredPlatform registered;
		try {
			registered = registry.register(registration);
		}
		catch (DuplicateKeyException anotherNodeWasFaster) {
			registered = registry.register(registration);
		}
		// the demo district lists its one school, so that a principal's views (PD counts,
		// PLC teams) have one to show before the demo's district admin adds more
		registered.tenants()
			.forEach(tenant -> schools.listAtSetUp(tenant, "Lincoln Elementary", SchoolLevel.ELEMENTARY));
	}

	@Override
	public List<DemoPersona> personas() {
		return List.of(DemoPersona.values());
	}

	@Override
	public String baseUrl() {
		return baseUrl;
	}

	boolean started() {
		return key != null;
	}

	JWKSet publicKeys() {
		return new JWKSet(key.toPublicJWK());
	}

	/** The resource link launch the demo LMS sends for this persona. */
	String idToken(DemoPersona persona, String nonce, String targetLinkUri, String locale) {
		Instant now = clock.instant();
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("id", "demo-lincoln-coaching");
		context.put("label", "LES-COACH");
		context.put("title", "Lincoln Elementary Coaching Hub");
		context.put("type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseSection"));
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(CLIENT_ID)
			.subject(persona.subject())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(60)))
			.jwtID(UUID.randomUUID().toString())
			.claim("nonce", nonce)
			.claim("name", persona.fullName())
			.claim("given_name", persona.givenName())
			.claim("family_name", persona.familyName())
			.claim("email", persona.email())
			.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT_ID)
			.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
			.claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
			.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", targetLinkUri)
			.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link",
					Map.of("id", "demo-coachroom-link", "title", "Coachroom"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", persona.ltiRoles())
			.claim("https://purl.imsglobal.org/spec/lti/claim/context", context)
			.claim("https://purl.imsglobal.org/spec/lti/claim/tool_platform",
					Map.of("guid", "demo-district-lms", "name", "Demo District LMS", "product_family_code",
							"coachroom-demo"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
					Map.of("document_target", "window", "locale", locale))
			.claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of("context_memberships_url",
					baseUrl + "/demo/platform/memberships", "service_versions", List.of("2.0")));
		if (persona.customRole() != null) {
			claims.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
					Map.of(ROLE_PARAMETER, persona.customRole()));
		}
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
				claims.build());
		try {
			jwt.sign(signer);
		}
		catch (JOSEException e) {
			throw new IllegalStateException("The demo platform could not sign its id_token", e);
		}
		return jwt.serialize();
	}

	private RSAKey loadOrCreateKey() {
		return jdbc.sql("SELECT jwk FROM demo_platform_key WHERE id = 1")
			.query(String.class)
			.optional()
			.map(DemoPlatform::parse)
			.orElseGet(() -> {
				try {
					RSAKey created = new RSAKeyGenerator(2048).keyID("demo-" + UUID.randomUUID())
						.keyUse(KeyUse.SIGNATURE)
						.algorithm(JWSAlgorithm.RS256)
						.generate();
					jdbc.sql("INSERT INTO demo_platform_key (id, jwk, created_at) VALUES (1, ?, ?)")
						.params(created.toJSONString(), Timestamp.from(clock.instant()))
						.update();
				}
				catch (JOSEException e) {
					throw new IllegalStateException("Could not generate the demo platform's key", e);
				}
				catch (DuplicateKeyException anotherNodeWasFaster) {
					// fall through and read the winner's key
				}
				return parse(jdbc.sql("SELECT jwk FROM demo_platform_key WHERE id = 1").query(String.class).single());
			});
	}

	private static RSAKey parse(String jwk) {
		try {
			return RSAKey.parse(jwk);
		}
		catch (ParseException e) {
			throw new IllegalStateException("The stored demo platform key cannot be read", e);
		}
	}

}
