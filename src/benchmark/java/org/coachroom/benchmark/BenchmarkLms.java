package org.coachroom.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The LMS side of the launch benchmark: a Moodle-shaped platform on a local port that
 * Coachroom registers with through Dynamic Registration, and that signs RS256 id_tokens
 * for its launches.
 */
final class BenchmarkLms implements AutoCloseable {

	private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	private final HttpServer server;

	private final String issuer;

	private final String clientId = "benchmark-" + UUID.randomUUID();

	private final String deploymentId = "1";

	private final RSAKey key;

	private final RSASSASigner signer;

	private final JWSHeader header;

	private volatile boolean registered;

	private BenchmarkLms(HttpServer server, RSAKey key) throws JOSEException {
		this.server = server;
		this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
		this.key = key;
		this.signer = new RSASSASigner(key);
		this.header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build();
	}

	static BenchmarkLms start() throws IOException {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyID("benchmark-" + UUID.randomUUID())
				.keyUse(KeyUse.SIGNATURE)
				.generate();
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
			BenchmarkLms lms = new BenchmarkLms(server, key);
			server.createContext("/.well-known/openid-configuration", lms::openidConfiguration);
			server.createContext("/mod/lti/openid-registration.php", lms::registration);
			server.createContext("/mod/lti/certs.php", lms::certs);
			server.setExecutor(Executors.newSingleThreadExecutor(r -> {
				Thread t = new Thread(r, "benchmark-lms");
				t.setDaemon(true);
				return t;
			}));
			server.start();
			return lms;
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Cannot make the benchmark LMS's key", e);
		}
	}

	String issuer() {
		return issuer;
	}

	String clientId() {
		return clientId;
	}

	String deploymentId() {
		return deploymentId;
	}

	String openidConfigurationUrl() {
		return issuer + "/.well-known/openid-configuration";
	}

	String authorizationEndpoint() {
		return issuer + "/mod/lti/auth.php";
	}

	boolean registered() {
		return registered;
	}

	static final String TEACHER_ROLE = LEARNER;

	static final String COACH_ROLE = INSTRUCTOR;

	/**
	 * The resource link launch of one person in one course, for the nonce Coachroom
	 * issued.
	 */
	String idToken(int person, int course, String nonce, String targetLinkUri) {
		String role = switch (person % 10) {
			case 7, 8 -> INSTRUCTOR;
			case 9 -> ADMINISTRATOR;
			default -> LEARNER;
		};
		return idToken(Integer.toString(1000 + person), "Person " + person, role, Integer.toString(100 + course),
				"Professional learning, course " + course, nonce, targetLinkUri);
	}

	/** The resource link launch of a named person with one LTI role in a course. */
	String idToken(String subject, String name, String role, String contextId, String courseTitle, String nonce,
			String targetLinkUri) {
		return idToken(subject, name, role, contextId, courseTitle, nonce, targetLinkUri, Map.of());
	}

	/** The same, with the link's custom parameters. */
	String idToken(String subject, String name, String role, String contextId, String courseTitle, String nonce,
			String targetLinkUri, Map<String, String> custom) {
		Instant now = Instant.now();
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("id", contextId);
		context.put("label", contextId.toUpperCase(Locale.ROOT));
		context.put("title", courseTitle);
		context.put("type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"));
		String[] names = name.split(" ", 2);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(clientId)
			.subject(subject)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(60)))
			.claim("nonce", nonce)
			.claim("name", name)
			.claim("given_name", names[0])
			.claim("family_name", names.length > 1 ? names[1] : "")
			.claim("email", subject + "@district.example")
			.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", deploymentId)
			.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
			.claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
			.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", targetLinkUri)
			.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link",
					Map.of("id", contextId, "title", "Coachroom"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context", context)
			.claim("https://purl.imsglobal.org/spec/lti/claim/tool_platform",
					Map.of("guid", "benchmark-lms", "name", "Benchmark LMS", "product_family_code", "moodle"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
					Map.of("document_target", "iframe", "locale", "en"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", custom.isEmpty() ? null : custom)
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Signing failed", e);
		}
		return jwt.serialize();
	}

	private void openidConfiguration(HttpExchange exchange) throws IOException {
		Map<String, Object> platform = new LinkedHashMap<>();
		platform.put("product_family_code", "moodle");
		platform.put("version", "4.5.6 (Build: 20250811)");
		// Moodle announces its messages as plain strings in some versions; Coachroom
		// takes both.
		platform.put("messages_supported", List.of(Map.of("type", "LtiResourceLinkRequest"),
				Map.of("type", "LtiDeepLinkingRequest", "placements", List.of("ContentArea"))));
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("issuer", issuer);
		config.put("token_endpoint", issuer + "/mod/lti/token.php");
		config.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
		config.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
		config.put("jwks_uri", issuer + "/mod/lti/certs.php");
		config.put("authorization_endpoint", authorizationEndpoint());
		config.put("registration_endpoint", issuer + "/mod/lti/openid-registration.php");
		config.put("scopes_supported", List.of("openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score",
				"https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"));
		config.put("response_types_supported", List.of("id_token"));
		config.put("subject_types_supported", List.of("public", "pairwise"));
		config.put("id_token_signing_alg_values_supported", List.of("RS256"));
		config.put("claims_supported", List.of("sub", "iss", "name", "given_name", "family_name", "email"));
		config.put("https://purl.imsglobal.org/spec/lti-platform-configuration", platform);
		// Moodle labels its JSON text/html.
		answer(exchange, 200, "text/html; charset=utf-8", JSONObjectUtils.toJSONString(config));
	}

	private void registration(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		if (!"POST".equals(exchange.getRequestMethod())) {
			answer(exchange, 405, "text/plain", "POST only");
			return;
		}
		Map<String, Object> toolConfig = new LinkedHashMap<>();
		toolConfig.put("version", "1.3.0");
		toolConfig.put("deployment_id", deploymentId);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("client_id", clientId);
		response.put("response_types", List.of("id_token"));
		response.put("https://purl.imsglobal.org/spec/lti-tool-configuration", toolConfig);
		registered = true;
		answer(exchange, 200, "text/html; charset=utf-8", JSONObjectUtils.toJSONString(response));
	}

	private void certs(HttpExchange exchange) throws IOException {
		answer(exchange, 200, "application/json; charset=utf-8", new JWKSet(key.toPublicJWK()).toString());
	}

	private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
