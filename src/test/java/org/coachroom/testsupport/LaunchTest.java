package org.coachroom.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a random port against the test database, as an LMS would reach
 * it. All classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "coachroom.lti.jwks.min-refresh-interval=300ms",
				// the WireMock LMSs run on this machine
				"coachroom.lti.allow-private-network=true",
				// and may register (an LMS on 127.0.0.1 is a host not listed)
				"coachroom.lti.registration-allowed-hosts=localhost",
				// a slow LMS is tried in seconds, not in the production timeout
				"coachroom.lti.http-timeout=2s",
				// scores leave the outbox within a test's patience
				"coachroom.gradebook.poll=PT0.2S", "coachroom.gradebook.first-retry=PT0.2S",
				"coachroom.gradebook.longest-retry=PT2S",
				// the operator's page opens (for the tests that walk it)
				"coachroom.lti.operator-token=" + LaunchTest.OPERATOR_TOKEN })
@AutoConfigureMockMvc
@Import({ HeardEvents.class, StatementCounter.class })
@Tag("database")
public @interface LaunchTest {

	/** The operator's token of the shared application. */
	String OPERATOR_TOKEN = "operator-token-of-the-launch-tests-0123456789";

}
