package org.coachroom.shared.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message Coachroom shows in English it shows in Spanish, with the same values in
 * it, and each Spanish message is one Spring can format.
 */
class SpanishMessagesTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Test
	void everyEnglishMessageHasASpanishOneAndNoOther() throws IOException {
		Properties english = load("messages.properties");
		Properties spanish = load("messages_es.properties");

		assertThat(spanish.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	@Test
	void aSpanishMessageShowsTheSameValuesAsTheEnglish() throws IOException {
		Properties english = load("messages.properties");
		Properties spanish = load("messages_es.properties");

		List<String> differing = new ArrayList<>();
		for (String key : english.stringPropertyNames()) {
			if (spanish.containsKey(key)
					&& !arguments(english.getProperty(key)).equals(arguments(spanish.getProperty(key)))) {
				differing.add(key);
			}
		}
		assertThat(differing).isEmpty();
	}

	@Test
	void everySpanishMessageWithValuesFormats() throws IOException {
		Properties spanish = load("messages_es.properties");

		List<String> broken = new ArrayList<>();
		for (String key : spanish.stringPropertyNames()) {
			String message = spanish.getProperty(key);
			Set<Integer> arguments = arguments(message);
			if (arguments.isEmpty()) {
				continue;
			}
			Object[] values = new Object[arguments.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
			java.util.Arrays.fill(values, 2);
			try {
				String formatted = new MessageFormat(message, SPANISH).format(values);
				// a lone quote swallows the rest of the message, values and all
				if (formatted.contains("{")) {
					broken.add(key);
				}
			}
			catch (IllegalArgumentException ex) {
				broken.add(key + ": " + ex.getMessage());
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void theSpanishMessagesAreNotTheEnglishOnesAgain() throws IOException {
		Properties english = load("messages.properties");
		Properties spanish = load("messages_es.properties");

		long same = english.stringPropertyNames()
			.stream()
			.filter(key -> english.getProperty(key).length() > 30)
			.filter(key -> english.getProperty(key).equals(spanish.getProperty(key)))
			.count();
		// a few long values are names or Moodle's own menu paths, the same in both
		assertThat(same).isLessThan(15);
	}

	private static Set<Integer> arguments(String message) {
		Set<Integer> found = new TreeSet<>();
		Matcher m = ARGUMENT.matcher(message);
		while (m.find()) {
			found.add(Integer.parseInt(m.group(1)));
		}
		return found;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(
				SpanishMessagesTests.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
