package org.coachroom.lti.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.coachroom.lti.PlatformRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LTI Dynamic Registration 1.0, tool side: read the platform's OpenID configuration, post
 * our client registration, and keep what the platform answers (client id, deployment).
 * Tolerates Moodle's quirks: message types as strings or objects, a key with a trailing
 * space, JSON labelled text/html. Who may register at all is
 * {@link RegistrationAdmission}'s to say, before anything is fetched.
 */
@Component
class DynamicRegistration {

	private static final Logger log = LoggerFactory.getLogger(DynamicRegistration.class);

	private final RestClient http;

	private final JsonMapper json;

	private final ToolUrls urls;

	private final PlatformRegistryService registry;

	private final RegistrationAdmission admission;

	private final boolean allowPrivateNetwork;

	private final Platforms platforms;

	private final Clock clock;

	static final int MAX_ANSWER_BYTES = 256 * 1024;

	DynamicRegistration(LtiProperties properties, LmsHttp lmsHttp, JsonMapper json, ToolUrls urls,
			PlatformRegistryService registry, Platforms platforms, RegistrationAdmission admission, Clock clock) {
		this.clock = clock;
		this.admission = admission;
		this.platforms = platforms;
		this.allowPrivateNetwork = properties.allowPrivateNetwork();
		this.http = lmsHttp.client();
		this.json = json;
		this.urls = urls;
		this.registry = registry;
	}

	/** What opening the registration URL came to. */
	sealed interface Outcome permits Result, AlreadyRegistered {

	}

	record Result(String platformName, String issuer, String clientId, List<String> deploymentIds, String productFamily,
			boolean pending) implements Outcome {
	}

	/**
	 * Nothing registered yet: this LMS (same issuer) already is, and a second
	 * registration makes a second, identical tool in it. Updating the existing tool is
	 * what the admin most likely wants.
	 */
	record AlreadyRegistered(String issuer, String productFamily, List<Existing> registrations) implements Outcome {

		public boolean moodle() {
			return "moodle".equals(productFamily);
		}
	}

	/** A registration of the LMS: its name here, client id, and when it was made. */
	record Existing(String name, String clientId, LocalDate registeredOn) {
	}

	record PlatformConfiguration(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
			String registrationEndpoint, List<String> scopesSupported, Set<String> messagesSupported,
			String productFamily) {
	}

	Result register(String openidConfiguration, String registrationToken, String invite, HttpServletRequest request) {
		return (Result) register(openidConfiguration, registrationToken, invite, true, request);
	}

	/**
	 * Registers with the LMS, unless it is already registered and the admin has not said
	 * to register it again ({@code again}): then nothing is posted and the registrations
	 * already made are returned. An update from the LMS (Moodle's "Update" on the
	 * existing tool) is not a second registration.
	 */
	Outcome register(String openidConfiguration, String registrationToken, String invite, boolean again,
			HttpServletRequest request) {
		if (openidConfiguration == null || openidConfiguration.isBlank()) {
			throw new RefusedException(Refusal.REGISTRATION_PARAMETER_MISSING,
					"The registration link has no openid_configuration parameter.");
		}
		URI configUri = httpUri(openidConfiguration, "openid_configuration");
		RegistrationAdmission.Admission admitted = admission.admit(configUri, invite);
		NetworkGuard.requirePublic(configUri, allowPrivateNetwork, "openid_configuration URL");
		PlatformConfiguration config = readConfiguration(configUri, registrationToken);
		List<Platform> earlier = platforms.findByIssuer(config.issuer());
		boolean update = isUpdate(registrationToken);
		if (!earlier.isEmpty() && !again && !update) {
			return new AlreadyRegistered(config.issuer(), config.productFamily(),
					earlier.stream()
						.map(p -> new Existing(p.getName(), p.getClientId(), dayOf(p.getCreatedAt())))
						.toList());
		}
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		// a second tool in the same LMS is told apart from the first by its date, there
		// and here
		boolean second = !earlier.isEmpty() && !update;
		String toolName = second ? "Coachroom (registered " + today + ")" : "Coachroom";
		String body = json.writeValueAsString(ToolRegistrationRequest.body(config, urls, request, toolName));
		JsonNode answer = postRegistration(config, registrationToken, body);
		String clientId = LenientJson.text(answer, "client_id");
		if (clientId == null || clientId.isBlank()) {
			throw new RefusedException(Refusal.REGISTRATION_REJECTED,
					"The platform's registration answer has no client_id.");
		}
		platforms.findByIssuerAndClientId(config.issuer(), clientId).ifPresent(existing -> {
			// Anyone can call this URL: it may add a deployment to a known platform,
			// never move its keys.
			if (existing.getSource() != PlatformRegistration.Source.DYNAMIC_REGISTRATION
					|| !existing.getJwksUri().equals(config.jwksUri())
					|| !existing.getAuthorizationEndpoint().equals(config.authorizationEndpoint())
					|| !Objects.equals(existing.getTokenEndpoint(), config.tokenEndpoint())) {
				throw new RefusedException(Refusal.REGISTRATION_REJECTED,
						"This LMS is already registered with Coachroom " + "(client id " + Logs.safe(clientId)
								+ ") with other endpoints or by file; an administrator "
								+ "changes it in lti-config/registrations.json.");
			}
		});
		List<String> deploymentIds = new ArrayList<>();
		JsonNode toolConfig = LenientJson.field(answer, LtiClaims.TOOL_CONFIGURATION);
		String deploymentId = toolConfig == null ? null : LenientJson.text(toolConfig, "deployment_id");
		if (deploymentId != null && !deploymentId.isBlank()) {
			deploymentIds.add(deploymentId);
		}
		String name = (config.productFamily() == null ? "LMS" : capitalise(config.productFamily())) + " at "
				+ URI.create(config.issuer()).getAuthority();
		boolean known = earlier.stream().anyMatch(p -> p.getClientId().equals(clientId));
		if (second && !known) {
			name = name + " (registered " + today + ", client id " + Logs.safe(clientId) + ")";
		}
		else if (known) {
			// an update keeps the name the registration has
			name = earlier.stream().filter(p -> p.getClientId().equals(clientId)).findFirst().orElseThrow().getName();
		}
		var registered = registry.registerDynamically(
				new PlatformRegistration(config.issuer(), clientId, name, config.authorizationEndpoint(),
						config.tokenEndpoint(), config.jwksUri(), config.productFamily(),
						PlatformRegistration.Source.DYNAMIC_REGISTRATION, deploymentIds, null, null, null),
				admitted, invite == null ? null : invite.trim());
		boolean pending = platforms.findById(registered.platformId()).map(Platform::isPending).orElse(false);
		log.info("Dynamic registration of {} (client id {}) admitted as {}{}", config.issuer(), Logs.safe(clientId),
				admitted, pending ? ": waiting for approval" : "");
		return new Result(name, config.issuer(), clientId, deploymentIds, config.productFamily(), pending);
	}

	private static LocalDate dayOf(Instant instant) {
		return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * Whether the LMS opened this URL to update a registration it has: Moodle's
	 * registration token then says {@code "scope": "reg-update"} (a new one says
	 * {@code "reg"}). Read without checking its signature: it only decides whether to
	 * warn of a second registration, and the LMS checks the token when it is posted back.
	 */
	boolean isUpdate(String registrationToken) {
		if (registrationToken == null) {
			return false;
		}
		String[] parts = registrationToken.split("\\.");
		if (parts.length != 3 || parts[1].length() > 4096) {
			return false;
		}
		try {
			JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
			return claims != null && claims.isObject() && "reg-update".equals(LenientJson.text(claims, "scope"));
		}
		catch (IllegalArgumentException | JacksonException e) {
			return false;
		}
	}

	PlatformConfiguration readConfiguration(URI configUri, String registrationToken) {
		String raw;
		try {
			raw = http.get().uri(configUri).accept(MediaType.APPLICATION_JSON, MediaType.ALL).exchange((req, res) -> {
				if (!res.getStatusCode().is2xxSuccessful()) {
					throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE, "The platform's "
							+ "configuration at " + configUri + " answered HTTP " + res.getStatusCode().value() + ".");
				}
				return readCapped(res.getBody());
			});
		}
		catch (RestClientException e) {
			log.warn("Dynamic registration could not read {}: {}", configUri, Logs.safe(e.getMessage()));
			throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE,
					"Could not read the platform's configuration at " + configUri + " (" + brief(e) + ").");
		}
		JsonNode node = parse(raw, "The platform's configuration at " + configUri);
		String issuer = LenientJson.text(node, "issuer");
		String auth = LenientJson.text(node, "authorization_endpoint");
		String jwks = LenientJson.text(node, "jwks_uri");
		String registration = LenientJson.text(node, "registration_endpoint");
		if (issuer == null || auth == null || jwks == null || registration == null) {
			throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE, "The platform's configuration at "
					+ configUri + " lacks issuer, authorization_endpoint, jwks_uri or registration_endpoint.");
		}
		URI issuerUri = httpUri(issuer, "issuer");
		if (!issuerUri.getHost().equalsIgnoreCase(configUri.getHost())) {
			throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE,
					"The configuration names issuer " + Logs.safe(issuer)
							+ ", which is not on the host it was fetched from (" + configUri.getHost() + ").");
		}
		// Keys, logins and registration live where the issuer does (or on a host the
		// admin allowed).
		sameOrigin(issuerUri, auth, "authorization_endpoint");
		sameOrigin(issuerUri, jwks, "jwks_uri");
		sameOrigin(issuerUri, registration, "registration_endpoint");
		if (LenientJson.text(node, "token_endpoint") != null) {
			sameOrigin(issuerUri, LenientJson.text(node, "token_endpoint"), "token_endpoint");
		}
		List<String> scopes = new ArrayList<>();
		JsonNode scopesNode = LenientJson.field(node, "scopes_supported");
		if (scopesNode != null && scopesNode.isArray()) {
			scopesNode.forEach(s -> scopes.add(s.asString().trim()));
		}
		JsonNode platform = LenientJson.field(node, LtiClaims.PLATFORM_CONFIGURATION);
		Set<String> messages = new LinkedHashSet<>();
		String family = null;
		if (platform != null) {
			family = LenientJson.text(platform, "product_family_code");
			JsonNode supported = LenientJson.field(platform, "messages_supported");
			if (supported != null && supported.isArray()) {
				for (JsonNode m : supported) {
					String type = m.isObject() ? LenientJson.text(m, "type") : m.asString();
					if (type != null) {
						messages.add(type.trim());
					}
				}
			}
		}
		return new PlatformConfiguration(issuer.trim(), auth.trim(), trimmed(LenientJson.text(node, "token_endpoint")),
				jwks.trim(), registration.trim(), scopes, messages, family);
	}

	private void sameOrigin(URI issuer, String endpoint, String what) {
		URI uri = httpUri(endpoint, what);
		boolean same = uri.getScheme().equals(issuer.getScheme()) && uri.getHost().equalsIgnoreCase(issuer.getHost())
				&& uri.getPort() == issuer.getPort();
		if (!same && !admission.listedHost(uri.getHost())) {
			throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE, "The configuration's " + what
					+ " is not on the issuer's address " + issuer.getScheme() + "://" + issuer.getAuthority() + ".");
		}
	}

	private JsonNode postRegistration(PlatformConfiguration config, String registrationToken, String body) {
		URI endpoint = httpUri(config.registrationEndpoint(), "registration_endpoint");
		NetworkGuard.requirePublic(endpoint, allowPrivateNetwork, "registration endpoint");
		String raw;
		try {
			RestClient.RequestBodySpec post = http.post()
				.uri(endpoint)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON);
			if (registrationToken != null && !registrationToken.isBlank()) {
				post.header(HttpHeaders.AUTHORIZATION, "Bearer " + registrationToken);
			}
			raw = post.body(body).exchange((req, res) -> {
				String answer = readCapped(res.getBody());
				if (!res.getStatusCode().is2xxSuccessful()) {
					// The answer goes to the log only: the page must not echo what
					// another server said.
					log.warn("Registration at {} refused with HTTP {}: {}", endpoint, res.getStatusCode().value(),
							Logs.safe(answer));
					throw new RefusedException(Refusal.REGISTRATION_REJECTED, "The platform refused the registration "
							+ "with HTTP " + res.getStatusCode().value() + "; its answer is in Coachroom's log.");
				}
				return answer;
			});
		}
		catch (RestClientException e) {
			log.warn("Dynamic registration could not reach {}: {}", endpoint, Logs.safe(e.getMessage()));
			throw new RefusedException(Refusal.REGISTRATION_REJECTED,
					"Could not reach the platform's registration endpoint " + endpoint + " (" + brief(e) + ").");
		}
		return parse(raw, "The platform's registration answer");
	}

	private JsonNode parse(String raw, String what) {
		if (raw == null || raw.isBlank()) {
			throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE, what + " is empty.");
		}
		try {
			JsonNode node = json.readTree(raw);
			if (node == null || !node.isObject()) {
				throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE,
						what + " is not a JSON object.");
			}
			return node;
		}
		catch (JacksonException e) {
			throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE, what + " is not JSON.");
		}
	}

	private static URI httpUri(String value, String what) {
		try {
			URI uri = URI.create(value.trim());
			if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (IllegalArgumentException e) {
			// falls through
		}
		throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE,
				"The " + what + " \"" + Logs.safe(value) + "\" is not a web address.");
	}

	private static String trimmed(String s) {
		return s == null ? null : s.trim();
	}

	private static String capitalise(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	/** The kind of failure, without what the other side said. */
	private static String brief(Exception e) {
		if (LmsHttp.refusedAsPrivate(e)) {
			return LmsHttp.describe(e);
		}
		Throwable root = e;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

	private static String readCapped(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
		if (bytes.length > MAX_ANSWER_BYTES) {
			throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE,
					"The platform answered with more than " + MAX_ANSWER_BYTES / 1024 + " KiB.");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
