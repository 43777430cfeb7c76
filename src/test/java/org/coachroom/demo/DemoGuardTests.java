package org.coachroom.demo;

import org.coachroom.Application;
import org.coachroom.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Demo people must never land in a district's real data. */
class DemoGuardTests {

	@Test
	void theDemoRefusesToStartOnADatabaseCoachroomDidNotStart() {
		// Same server, but not a URL this JVM's embedded database was started with: to
		// the guard, production.
		String production = TestDatabase.url() + "&applicationName=district-production";
		assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).profiles("demo")
			.properties("server.port=0", "spring.jmx.enabled=false", "spring.datasource.url=" + production,
					"spring.datasource.username=" + TestDatabase.username(),
					"spring.datasource.password=" + TestDatabase.password())
			.run()
			.close()).hasRootCauseInstanceOf(DemoConfiguration.DemoOnProductionDatabaseException.class)
			.rootCause()
			.hasMessageContaining("must not run on a production database")
			.hasMessageNotContaining("password");
	}

}
