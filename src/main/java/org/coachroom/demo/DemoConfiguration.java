package org.coachroom.demo;

import java.time.Clock;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.pd.Schools;
import org.coachroom.shared.database.DatabasesStartedHere;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo runs only when {@code coachroom.demo.enabled} is true (the {@code demo}
 * profile of {@code ./mvnw spring-boot:run}), and refuses to start against a database
 * Coachroom did not start itself: demo people must never land in a district's real data.
 * The packaged jar starts no database of its own, so there the demo is always refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "coachroom.demo.enabled", havingValue = "true")
class DemoConfiguration {

	DemoConfiguration(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		if (url != null && !url.isBlank() && !DatabasesStartedHere.contains(url)) {
			throw new DemoOnProductionDatabaseException(url);
		}
	}

	@Bean
	DemoPlatform demoPlatform(JdbcClient jdbc, PlatformRegistry registry, Clock clock, Schools schools) {
		return new DemoPlatform(jdbc, registry, clock, schools);
	}

	/** Once the port is known, the demo LMS registers with the URLs this run serves. */
	@Bean
	ApplicationListener<WebServerInitializedEvent> demoPlatformStarter(DemoPlatform platform, Environment environment) {
		return event -> {
			String configured = environment.getProperty("coachroom.lti.public-url");
			String base = configured != null && !configured.isBlank() ? configured.replaceAll("/+$", "")
					: "http://localhost:" + event.getWebServer().getPort();
			platform.start(base);
		};
	}

	static class DemoOnProductionDatabaseException extends IllegalStateException {

		DemoOnProductionDatabaseException(String url) {
			super("The demo district must not run on a production database (" + url.replaceAll("\\?.*", "")
					+ "). Start without the demo profile, or try the demo with ./mvnw spring-boot:run on its embedded database.");
		}

	}

}
