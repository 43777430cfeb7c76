package org.coachroom.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in two lines what to set when the packaged app is started without a database. */
class NoDatabaseFailureAnalyzer
		extends AbstractFailureAnalyzer<DatabaseRequiredAutoConfiguration.NoDatabaseConfiguredException> {

	static final String ACTION = "Set spring.datasource.url (SPRING_DATASOURCE_URL), spring.datasource.username and "
			+ "spring.datasource.password to a MariaDB database (see docker/README.md), or, for a local try on an "
			+ "embedded database, run ./mvnw spring-boot:run (or ./mvnw spring-boot:test-run) in a Coachroom checkout.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure,
			DatabaseRequiredAutoConfiguration.NoDatabaseConfiguredException cause) {
		return new FailureAnalysis(cause.getMessage(), ACTION, cause);
	}

}
