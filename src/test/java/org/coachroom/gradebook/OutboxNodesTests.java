package org.coachroom.gradebook;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.coachroom.Application;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestDatabase;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * One outbox, several nodes: two app instances on one database drain it without sending a
 * score twice, and a node that stops with scores in flight leaves nothing behind.
 */
@LaunchTest
class OutboxNodesTests {

	private static final String SCORES = "/mod/lti/services.php/2/lineitems/2/lineitem/scores";

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	TestPlatform platform;

	long tenant;

	ConfigurableApplicationContext secondNode;

	@BeforeEach
	void setUp() {
		platform = TestPlatform.start();
		tenant = platform.registerWith(registry).tenants().get(0).value();
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-type", "text/html; charset=utf-8")
				.withBody(MoodleFixtures.read("token-response.json"))));
	}

	@AfterEach
	void tearDown() {
		if (secondNode != null) {
			secondNode.close();
		}
		platform.close();
	}

	private ConfigurableApplicationContext startSecondNode() {
		return new SpringApplicationBuilder(Application.class)
			.properties("server.port=0", "spring.jmx.enabled=false", "spring.datasource.url=" + TestDatabase.url(),
					"spring.datasource.username=" + TestDatabase.username(),
					"spring.datasource.password=" + TestDatabase.password(), "coachroom.gradebook.poll=PT0.1S",
					"coachroom.gradebook.batch=5", "coachroom.lti.allow-private-network=true")
			.run();
	}

	/** Scores due now for this test's platform, each for its own person. */
	private List<String> pendingScores(int count) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now();
		List<String> subjects = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String subject = "node-" + run + "-" + i;
			subjects.add(subject);
			jdbc.sql(
					"""
							INSERT INTO gradebook_score (tenant_id, source, source_id, source_title, resource_link_id, user_ref,
							user_subject, line_item_url, score_given, score_maximum, completed_at, status, attempts, next_attempt_at,
							service_off, created_at) VALUES (?, 'STUDY_GROUP', 0, 'Nodes', '1', ?, ?, ?, 100, 100, ?, 'PENDING', 0, ?,
							FALSE, ?)""")
				.params(tenant, i, subject,
						platform.issuer() + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1",
						Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
				.update();
		}
		return subjects;
	}

	private Map<String, Integer> arrivals() {
		Map<String, Integer> count = new HashMap<>();
		for (LoggedRequest request : platform.wireMock().findAll(postRequestedFor(urlPathEqualTo(SCORES)))) {
			String subject = request.getBodyAsString().replaceAll("(?s).*\"userId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
			count.merge(subject, 1, Integer::sum);
		}
		return count;
	}

	private int sent(List<String> subjects) {
		return jdbc.sql("SELECT COUNT(*) FROM gradebook_score WHERE tenant_id = ? AND status = 'SENT'")
			.param(tenant)
			.query(Integer.class)
			.single();
	}

	@Test
	void twoNodesDrainOneOutboxAndNoScoreIsSentTwice() {
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200).withFixedDelay(20)));
		secondNode = startSecondNode();
		List<String> subjects = pendingScores(120);

		await().atMost(Duration.ofSeconds(60)).until(() -> sent(subjects) == subjects.size());
		Map<String, Integer> arrivals = arrivals();
		assertThat(arrivals.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
		assertThat(arrivals.values()).allMatch(n -> n == 1);
	}

	@Test
	void aNodeThatStopsWithScoresInFlightLeavesNothingBehind() {
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200).withFixedDelay(300)));
		secondNode = startSecondNode();
		List<String> subjects = pendingScores(40);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !platform.wireMock().findAll(postRequestedFor(urlPathEqualTo(SCORES))).isEmpty());
		secondNode.close();
		secondNode = null;

		await().atMost(Duration.ofSeconds(60)).until(() -> sent(subjects) == subjects.size());
		Map<String, Integer> arrivals = arrivals();
		assertThat(arrivals.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
		assertThat(arrivals.values()).allMatch(n -> n == 1);
	}

}
