package org.coachroom.lti.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * LTI settings bound as the application binds them: what a test does not set takes its
 * default.
 */
public final class TestLtiProperties {

	private TestLtiProperties() {
	}

	public static LtiProperties of(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>();
		all.put("coachroom.lti.registrations-file", "none");
		all.put("coachroom.lti.keys.encryption-key-file", "target/test-tool-key-encryption.key");
		all.putAll(settings);
		return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("coachroom.lti", LtiProperties.class);
	}

}
