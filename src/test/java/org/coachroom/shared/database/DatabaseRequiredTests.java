package org.coachroom.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coachroom.Application;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The packaged app carries no database: without spring.datasource.url it refuses to start
 * and says what to set.
 */
class DatabaseRequiredTests {

	@Test
	void withoutADatabaseUrlTheAppRefusesToStartInsteadOfStartingADatabaseOfItsOwn() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
			.properties("server.port=0", "spring.jmx.enabled=false")
			.run()
			.close()).hasRootCauseInstanceOf(DatabaseRequiredAutoConfiguration.NoDatabaseConfiguredException.class);
		assertThat(DatabasesStartedHere.contains(null)).isFalse();
	}

	@Test
	void theDemoProfileWithoutADatabaseIsRefusedToo() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).profiles("demo")
			.properties("server.port=0", "spring.jmx.enabled=false")
			.run()
			.close()).hasRootCauseInstanceOf(DatabaseRequiredAutoConfiguration.NoDatabaseConfiguredException.class);
	}

	@Test
	void theRefusalNamesTheSettingAndTheDevelopmentRun() {
		FailureAnalysis analysis = new NoDatabaseFailureAnalyzer()
			.analyze(new IllegalStateException(new DatabaseRequiredAutoConfiguration.NoDatabaseConfiguredException()));

		assertThat(analysis.getDescription()).contains("spring.datasource.url is not set");
		assertThat(analysis.getAction()).contains("Set spring.datasource.url").contains("./mvnw spring-boot:run");
	}

}
