package org.coachroom.testsupport;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Extension;
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
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.PlatformRegistration;
import org.coachroom.lti.PlatformRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An LMS for tests: WireMock serves its JWKS (Moodle's content type and shape), and it
 * signs real RS256 id_tokens shaped like Moodle 4.5's (see
 * src/test/resources/fixtures/moodle-4.5).
 */
public final class TestPlatform implements AutoCloseable {

	public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	private final WireMockServer wireMock;

	private final String clientId = "client-" + UUID.randomUUID();

	private final String deploymentId = "1";

	private RSAKey key;

	private TestPlatform(Extension... extensions) {
		this.wireMock = new WireMockServer(options().dynamicPort().extensions(extensions));
		this.wireMock.start();
		this.key = newKey();
		publishKeys(key);
	}

	public static TestPlatform start() {
		return new TestPlatform();
	}

	/** A platform whose WireMock has these extensions (a fault injector, say). */
	public static TestPlatform startWith(Extension... extensions) {
		return new TestPlatform(extensions);
	}

	public WireMockServer wireMock() {
		return wireMock;
	}

	public String issuer() {
		return wireMock.baseUrl();
	}

	public String clientId() {
		return clientId;
	}

	public String deploymentId() {
		return deploymentId;
	}

	public RSAKey key() {
		return key;
	}

	public String authorizationEndpoint() {
		return wireMock.baseUrl() + "/mod/lti/auth.php";
	}

	public String jwksPath() {
		return "/mod/lti/certs.php";
	}

	/** Registers this platform with Coachroom, as the registrations file would. */
	public PlatformRegistry.RegisteredPlatform registerWith(PlatformRegistry registry) {
		return registerWith(registry, Map.of(), null);
	}

	private static Map<String, Set<String>> byName(Map<String, Set<CoachroomRole>> rules) {
		Map<String, Set<String>> named = new HashMap<>();
		rules.forEach(
				(lti, roles) -> named.put(lti, roles.stream().map(CoachroomRole::name).collect(Collectors.toSet())));
		return named;
	}

	public PlatformRegistry.RegisteredPlatform registerWith(PlatformRegistry registry,
			Map<String, Set<CoachroomRole>> roleRules, String customRoleParameter) {
		return registry.register(new PlatformRegistration(issuer(), clientId, "Test Moodle", authorizationEndpoint(),
				wireMock.baseUrl() + "/mod/lti/token.php", wireMock.baseUrl() + jwksPath(), "moodle",
				PlatformRegistration.Source.REGISTRATIONS_FILE, List.of(deploymentId), byName(roleRules),
				customRoleParameter, List.of()));
	}

	/** The platform starts signing with a new key and publishes only that one. */
	public RSAKey rotateKey() {
		key = newKey();
		publishKeys(key);
		return key;
	}

	/**
	 * Claims of a Moodle 4.5 resource link launch for {@code sub} with the given roles.
	 */
	public JWTClaimsSet.Builder launchClaims(String nonce, String sub, String... roles) {
		Instant now = Instant.now();
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("id", "2");
		context.put("label", "LTI101");
		context.put("title", "LTI 101");
		context.put("type", List.of("CourseSection"));
		return new JWTClaimsSet.Builder().claim("nonce", nonce)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(60)))
			.issuer(issuer())
			.audience(clientId)
			.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", deploymentId)
			.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", "http://localhost/lti/launch")
			.subject(sub)
			.claim("https://purl.imsglobal.org/spec/lti/claim/lis",
					Map.of("person_sourcedid", "", "course_section_sourcedid", ""))
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context", context)
			.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
			.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link",
					Map.of("title", "Spring LTI Activity", "description", "", "id", "1"))
			.claim("given_name", "Terry")
			.claim("family_name", "Teacher")
			.claim("name", "Terry Teacher")
			.claim("email", "teacher1@example.com")
			.claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
			.claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
					Map.of("locale", "en", "document_target", "iframe", "return_url", issuer() + "/mod/lti/return.php"))
			.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
					Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"), "lineitems",
							issuer() + "/mod/lti/services.php/2/lineitems?type_id=1", "lineitem",
							issuer() + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"))
			.claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
					Map.of("context_memberships_url",
							issuer() + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships",
							"service_versions", List.of("1.0", "2.0")));
	}

	/**
	 * Claims of Moodle 4.5's "Select content" request: no resource link, deep linking
	 * settings instead.
	 */
	public JWTClaimsSet.Builder deepLinkingClaims(String nonce, String sub, String... roles) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("deep_link_return_url", issuer() + "/mod/lti/contentitem_return.php?course=2&id=1&sesskey=abc");
		settings.put("accept_types", List.of("ltiResourceLink"));
		settings.put("accept_presentation_document_targets", List.of("frame", "iframe", "window"));
		settings.put("accept_multiple", true);
		settings.put("auto_create", false);
		settings.put("title", "");
		settings.put("text", "");
		settings.put("data", "opaque-platform-data");
		return launchClaims(nonce, sub, roles).claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", null)
			.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
			.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", "http://localhost/lti/deeplink")
			.claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", settings);
	}

	public String sign(JWTClaimsSet claims) {
		return sign(claims, key, key.getKeyID());
	}

	public static String sign(JWTClaimsSet claims, RSAKey signingKey, String kid) {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
		try {
			jwt.sign(new RSASSASigner(signingKey));
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		return jwt.serialize();
	}

	public static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString().substring(0, 20))
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	private void publishKeys(RSAKey current) {
		// Moodle's certs.php: pretty JSON, application/json, alg and use on each key.
		wireMock.stubFor(get(urlPathEqualTo(jwksPath())).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody(new JWKSet(current.toPublicJWK()).toString(true))));
	}

	public int jwksRequests() {
		return wireMock.findAll(WireMock.getRequestedFor(urlPathEqualTo(jwksPath()))).size();
	}

	@Override
	public void close() {
		wireMock.stop();
	}

}
