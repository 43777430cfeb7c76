package org.coachroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module reads and writes its own tables only; another module's data comes through that
 * module's API. {@code ModularityTests} sees Java dependencies, not SQL, so this test
 * reads the SQL in each module's sources for table names of another module.
 */
class TableOwnershipTests {

	private static final Path SOURCES = Path.of("src/main/java/org/coachroom");

	/** Which module's tables a name is, by its prefix. */
	private static final Map<String, String> OWNER_BY_PREFIX = Map.of("lti_", "lti", "pd_", "pd", "team_", "team",
			"study_group", "studygroup", "gradebook_", "gradebook", "demo_", "demo", "coaching_", "coaching");

	private static final Pattern TABLE = Pattern.compile(
			"(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+`?((?:lti_|pd_|team_|study_group|gradebook_|demo_|coaching_)[a-z_]*)");

	@Test
	void noModulesSqlNamesAnotherModulesTables() throws IOException {
		List<String> trespasses = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String module = SOURCES.relativize(file).getName(0).toString();
				Matcher m = TABLE.matcher(Files.readString(file));
				while (m.find()) {
					String table = m.group(1).toLowerCase(Locale.ROOT);
					String owner = OWNER_BY_PREFIX.entrySet()
						.stream()
						.filter(e -> table.startsWith(e.getKey()))
						.map(Map.Entry::getValue)
						.findFirst()
						.orElseThrow();
					if (!owner.equals(module)) {
						trespasses.add(SOURCES.relativize(file) + " names " + table + " (" + owner + "'s)");
					}
				}
			}
		}
		assertThat(trespasses).isEmpty();
	}

}
