package org.coachroom.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in two lines why the demo refused to start, instead of a stack trace. */
class DemoFailureAnalyzer extends AbstractFailureAnalyzer<DemoConfiguration.DemoOnProductionDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure,
			DemoConfiguration.DemoOnProductionDatabaseException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Remove the demo profile (spring.profiles.active) or coachroom.demo.enabled=true when a production "
						+ "database is configured.",
				cause);
	}

}
