package org.coachroom.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

class DevDatabaseConfigurationTests {

	private final Path dir = Path
		.of("target", "embedded-database-configuration-tests", Long.toHexString(System.nanoTime()))
		.toAbsolutePath();

	@AfterEach
	void remove() throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	@Test
	void withoutADatabaseUrlTheAppInstallsItsOwnAndSignsInWithTheGeneratedPassword() {
		new ApplicationContextRunner().withUserConfiguration(DevDatabaseConfiguration.class)
			.withPropertyValues("coachroom.embedded-database.data-dir=" + dir, "coachroom.embedded-database.name=app")
			.run(context -> {
				JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));

				assertThat(jdbc.sql("SELECT CURRENT_USER()").query(String.class).single())
					.isEqualTo("coachroom@127.0.0.1");
				assertThat(jdbc.sql("SELECT DATABASE()").query(String.class).single()).isEqualTo("app");
				assertThat(dir.resolve("mariadb-password")).content()
					.isNotBlank()
					.isEqualTo(context.getBean(EmbeddedMariaDb.class).password() + "\n");
			});
	}

}
