package org.coachroom;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's configuration table says what the code reads. The settings are
 * {@code @ConfigurationProperties} records, and the configuration processor writes their
 * names, descriptions (the records' Javadoc) and defaults to
 * {@code META-INF/spring-configuration-metadata.json} at compile time (the test sources'
 * records, e.g. the embedded database's, to test-classes). Every {@code coachroom.*}
 * setting there must have a description and a row in the table under "## Configuration"
 * (in docs/operations.md when that exists, else README.md), and every {@code coachroom.*}
 * setting the table names must exist.
 */
class ConfigurationDocsTests {

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	@Test
	void everySettingIsDescribedAndInTheTableAndTheTableNamesOnlySettingsThatExist() throws IOException {
		Map<String, String> settings = coachroomSettings();
		assertThat(settings)
			.as("coachroom.* settings in spring-configuration-metadata.json (is annotation processing on?)")
			.isNotEmpty()
			.containsKeys("coachroom.time-zone", "coachroom.lti.public-url", "coachroom.gradebook.poll");
		assertThat(settings.entrySet()
			.stream()
			.filter(e -> e.getValue() == null || e.getValue().isBlank())
			.map(Map.Entry::getKey)).as("settings without a description (an @param in their record's Javadoc)")
			.isEmpty();

		Path doc = Files.exists(Path.of("docs/operations.md")) ? Path.of("docs/operations.md") : Path.of("README.md");
		Set<String> documented = documentedSettings(Files.readString(doc));
		assertThat(documented).as("coachroom.* settings in the table under ## Configuration in " + doc).isNotEmpty();

		Set<String> undocumented = new TreeSet<>(settings.keySet());
		undocumented.removeAll(documented);
		Set<String> unknown = new TreeSet<>(documented);
		unknown.removeAll(settings.keySet());
		SoftAssertions.assertSoftly(softly -> {
			softly.assertThat(undocumented).as("settings missing from the configuration table in " + doc).isEmpty();
			softly.assertThat(unknown)
				.as("settings the configuration table in " + doc + " names that do not exist")
				.isEmpty();
		});
	}

	@Test
	void readsTheTablesShorthand() {
		String doc = """
				# Coachroom

				| `coachroom.not-here` | x | before the section |

				## Configuration

				| property | default | what it does |
				| --- | --- | --- |
				| `spring.mail.host`, `.port` | unset | not ours |
				| `coachroom.a.b.c`, `.d`, `.e` | `1`, `2`, `3` | a group; `coachroom.in-prose` is not a row's name |
				| `spring.profiles.active=demo` | off | not ours |
				| `coachroom.x=1` | unset | a value written with it |

				## Next
				| `coachroom.after` | x | after the section |
				""";
		assertThat(documentedSettings(doc)).containsExactly("coachroom.a.b.c", "coachroom.a.b.d", "coachroom.a.b.e",
				"coachroom.x");
	}

	/**
	 * The names of the {@code coachroom.*} settings and their descriptions, from every
	 * metadata file on the class path.
	 */
	private static Map<String, String> coachroomSettings() throws IOException {
		Map<String, String> settings = new TreeMap<>();
		for (URL url : Collections.list(ConfigurationDocsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			String json;
			try (InputStream in = url.openStream()) {
				json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[*]");
			for (Map<String, Object> property : properties) {
				String name = (String) property.get("name");
				if (name.startsWith("coachroom.")) {
					settings.put(name, (String) property.get("description"));
				}
			}
		}
		return settings;
	}

	/**
	 * The {@code coachroom.*} names in the first column of the table under "##
	 * Configuration": each in backticks, a name starting with a dot continuing the group
	 * of the full name before it ({@code `coachroom.pd.reminders.cron`, `.from`}), a
	 * value after {@code =} dropped.
	 */
	static Set<String> documentedSettings(String markdown) {
		Set<String> names = new TreeSet<>();
		boolean inSection = false;
		for (String line : markdown.split("\\R")) {
			if (line.startsWith("## ")) {
				inSection = line.strip().equals("## Configuration");
				continue;
			}
			String row = line.strip();
			if (!inSection || !row.startsWith("|")) {
				continue;
			}
			String firstCell = row.substring(1).split("\\|", 2)[0];
			String group = null;
			Matcher code = CODE.matcher(firstCell);
			while (code.find()) {
				String name = code.group(1).strip().replaceFirst("=.*", "");
				if (name.startsWith(".") && group != null) {
					name = group + name;
				}
				else if (!name.startsWith(".")) {
					group = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : null;
				}
				if (name.startsWith("coachroom.")) {
					names.add(name);
				}
			}
		}
		return names;
	}

}
