package org.coachroom.gradebook;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.coachroom.Application;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestDatabase;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole app stops while scores are on the wire and waiting, and starts again on the
 * same database: every score arrives, once. The app here is the only one using its
 * database, so nothing else drains it.
 */
@Tag("database")
class RestartTests {

	private static final String SCORES = "/mod/lti/services.php/2/lineitems/2/lineitem/scores";

	private static final int COUNT = 30;

	TestPlatform platform;

	ConfigurableApplicationContext app;

	String database;

	@AfterEach
	void tearDown() {
		if (app != null) {
			app.close();
		}
		if (platform != null) {
			platform.close();
		}
		if (database != null) {
			TestDatabase.dropDatabase(database);
		}
	}

	private static ConfigurableApplicationContext start(String databaseUrl) {
		return new SpringApplicationBuilder(Application.class)
			.properties("server.port=0", "spring.jmx.enabled=false", "spring.datasource.url=" + databaseUrl,
					"spring.datasource.username=" + TestDatabase.username(),
					"spring.datasource.password=" + TestDatabase.password(), "coachroom.gradebook.poll=PT0.1S",
					"coachroom.gradebook.per-lms=2", "coachroom.lti.allow-private-network=true")
			.run();
	}

	private int count(String where) {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		return jdbc.sql("SELECT COUNT(*) FROM gradebook_score WHERE " + where).query(Integer.class).single();
	}

	private static int countWhileStopped(String database, String where) {
		try (Connection c = DriverManager.getConnection(database, TestDatabase.username(), TestDatabase.password());
				Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM gradebook_score WHERE " + where)) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void scoresInFlightAndWaitingWhenTheAppStopsAllArriveOnceAfterItStartsAgain() {
		database = TestDatabase.freshDatabase("coachroom_restart");
		platform = TestPlatform.start();
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-type", "text/html; charset=utf-8")
				.withBody(MoodleFixtures.read("token-response.json"))));
		// two at a time, 400 ms each: the 30 scores take six seconds, and the app stops
		// in the middle
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200).withFixedDelay(400)));

		app = start(database);
		long tenant = platform.registerWith(app.getBean(PlatformRegistry.class)).tenants().get(0).value();
		Instant now = Instant.now();
		for (int i = 0; i < COUNT; i++) {
			app.getBean(JdbcClient.class)
				.sql("""
						INSERT INTO gradebook_score (tenant_id, source, source_id, source_title, resource_link_id, user_ref,
						user_subject, line_item_url, score_given, score_maximum, completed_at, status, attempts, next_attempt_at,
						service_off, created_at) VALUES (?, 'STUDY_GROUP', 0, 'Restart', '1', ?, ?, ?, 100, 100, ?, 'PENDING', 0, ?,
						FALSE, ?)""")
				.params(tenant, i, "restart-" + i,
						platform.issuer() + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1",
						Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
				.update();
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !platform.wireMock().findAll(postRequestedFor(urlPathEqualTo(SCORES))).isEmpty());

		app.close();
		app = null;
		// the stopped app finished what was on the wire and gave back what was not:
		// nothing is left claimed
		assertThat(countWhileStopped(database, "status = 'SENT'")).as("some scores had gone out")
			.isPositive()
			.isLessThan(COUNT);
		assertThat(countWhileStopped(database, "status = 'PENDING' AND claimed_until IS NOT NULL")).isZero();

		app = start(database);

		await().atMost(Duration.ofSeconds(30)).until(() -> count("status = 'SENT'") == COUNT);
		Map<String, Integer> arrivals = new HashMap<>();
		for (LoggedRequest request : platform.wireMock().findAll(postRequestedFor(urlPathEqualTo(SCORES)))) {
			arrivals.merge(request.getBodyAsString().replaceAll("(?s).*\"userId\"\\s*:\\s*\"([^\"]+)\".*", "$1"), 1,
					Integer::sum);
		}
		assertThat(arrivals).hasSize(COUNT);
		assertThat(arrivals.values()).allMatch(n -> n == 1);
	}

}
