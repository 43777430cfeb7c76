package org.coachroom.lti.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.coachroom.lti.PlatformRegistration;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.lti.RoleMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Manual registrations: {@code lti-config/registrations.json} (see lti-config/README.md),
 * read at start-up. A broken file stops the start with a message that says where, rather
 * than leaving a district's LMS unable to launch without knowing why.
 */
@Component
class RegistrationsFile implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(RegistrationsFile.class);

	private final LtiProperties properties;

	private final JsonMapper json;

	private final PlatformRegistry registry;

	private final RoleMapping roleMapping;

	RegistrationsFile(LtiProperties properties, JsonMapper json, PlatformRegistry registry, RoleMapping roleMapping) {
		this.properties = properties;
		this.json = json;
		this.registry = registry;
		this.roleMapping = roleMapping;
	}

	/**
	 * Before the web server takes requests, so no launch from a listed platform is
	 * refused at start-up.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		Path file = Path.of(properties.registrationsFile());
		if (!Files.isRegularFile(file)) {
			log.info("No registrations file at {}; platforms register through dynamic registration",
					file.toAbsolutePath());
			return;
		}
		List<PlatformRegistration> registrations = read(file);
		for (PlatformRegistration registration : registrations) {
			try {
				registry.register(registration);
			}
			catch (DuplicateKeyException anotherNodeWasFaster) {
				registry.register(registration);
			}
		}
		log.info("Read {} platform registration(s) from {}", registrations.size(), file.toAbsolutePath());
	}

	List<PlatformRegistration> read(Path file) {
		JsonNode root;
		try {
			root = json.readTree(Files.readString(file));
		}
		catch (IOException | JacksonException e) {
			throw new IllegalStateException(
					"The registrations file " + file.toAbsolutePath() + " cannot be read as JSON: " + e.getMessage(),
					e);
		}
		JsonNode platforms = root.get("platforms");
		if (platforms == null || !platforms.isArray()) {
			throw new IllegalStateException(
					"The registrations file " + file.toAbsolutePath() + " needs a \"platforms\" array.");
		}
		List<PlatformRegistration> result = new ArrayList<>();
		int index = 0;
		for (JsonNode p : platforms) {
			String where = file.toAbsolutePath() + ", platforms[" + index++ + "]";
			try {
				result.add(new PlatformRegistration(text(p, "issuer"), text(p, "client_id"), text(p, "name"),
						text(p, "authorization_endpoint"), text(p, "token_endpoint"), text(p, "jwks_uri"),
						text(p, "product_family"), PlatformRegistration.Source.REGISTRATIONS_FILE,
						strings(p, "deployment_ids"), roleRules(p, where), text(p, "custom_role_parameter"),
						strings(p, "frame_origins")));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalStateException(where + ": " + e.getMessage(), e);
			}
			if (result.get(result.size() - 1).deploymentIds().isEmpty()) {
				throw new IllegalStateException(where + ": list at least one of the platform's deployment_ids");
			}
		}
		return result;
	}

	private Map<String, Set<String>> roleRules(JsonNode p, String where) {
		Map<String, Set<String>> rules = new LinkedHashMap<>();
		JsonNode node = p.get("role_rules");
		if (node == null || node.isNull()) {
			return rules;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			Set<String> roles = new TreeSet<>();
			for (JsonNode value : entry.getValue().isArray() ? entry.getValue() : List.of(entry.getValue())) {
				roles.add(roleMapping.named(value.asString())
					.orElseThrow(() -> new IllegalArgumentException("role_rules names an unknown Coachroom role \""
							+ value.asString() + "\"; use " + roleMapping.namesForPeople())));
			}
			rules.put(entry.getKey(), roles);
		}
		return rules;
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static List<String> strings(JsonNode node, String name) {
		List<String> values = new ArrayList<>();
		JsonNode array = node.get(name);
		if (array != null && array.isArray()) {
			array.forEach(v -> values.add(v.asString()));
		}
		return values;
	}

}
