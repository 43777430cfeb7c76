package org.coachroom.lti.internal;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Reading what an LMS answers in JSON the way LMSs write it, not only the way the
 * specifications do.
 */
final class LenientJson {

	private LenientJson() {
	}

	/**
	 * A field by name, forgiving keys with stray white space (older Moodle sends one).
	 */
	static JsonNode field(JsonNode node, String name) {
		JsonNode exact = node.get(name);
		if (exact != null) {
			return exact;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (entry.getKey().trim().equals(name)) {
				return entry.getValue();
			}
		}
		return null;
	}

	static String text(JsonNode node, String name) {
		JsonNode value = field(node, name);
		return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
	}

}
