package org.coachroom.gradebook;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An LMS that fails 30% of token and score calls, at random places (500, 503 and 429 with
 * Retry-After, and answers slower than Coachroom waits): every score still arrives, and
 * is accepted exactly once.
 */
@LaunchTest
class FaultyLmsTests {

	private static final String SCORES = "/mod/lti/services.php/2/lineitems/2/lineitem/scores";

	/**
	 * Fails three calls in every ten, at random places within each ten and of a random
	 * kind, and counts them. Exactly 30% in every block of ten rather than a coin toss
	 * per call, so a run never gets by with too few faults.
	 */
	static final class Flaky implements ResponseDefinitionTransformerV2 {

		final AtomicInteger faults = new AtomicInteger();

		private final List<Boolean> block = new ArrayList<>();

		private synchronized boolean nextFails() {
			if (block.isEmpty()) {
				for (int i = 0; i < 10; i++) {
					block.add(i < 3);
				}
				Collections.shuffle(block);
			}
			return block.remove(block.size() - 1);
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			if (!nextFails()) {
				return serveEvent.getResponseDefinition();
			}
			faults.incrementAndGet();
			return switch (ThreadLocalRandom.current().nextInt(4)) {
				case 0 -> aResponse().withStatus(500).build();
				case 1 -> aResponse().withStatus(503).withHeader("Retry-After", "1").build();
				case 2 -> aResponse().withStatus(429).withHeader("Retry-After", "1").build();
				// slower than coachroom.lti.http-timeout (2 s in tests): Coachroom gives
				// up before the answer
				default -> aResponse().withStatus(503).withFixedDelay(3_000).build();
			};
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return "flaky";
		}

	}

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	TestPlatform platform;

	Flaky flaky;

	long tenant;

	@BeforeEach
	void setUp() {
		flaky = new Flaky();
		platform = TestPlatform.startWith(flaky);
		tenant = platform.registerWith(registry).tenants().get(0).value();
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-type", "text/html; charset=utf-8")
				.withBody(MoodleFixtures.read("token-response.json").replace("3600", "2"))
				.withTransformers("flaky")));
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200).withTransformers("flaky")));
	}

	@AfterEach
	void tearDown() {
		platform.close();
	}

	@Test
	void everyScoreArrivesExactlyOnceThoughThirtyPercentOfCallsFail() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now();
		List<String> subjects = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String subject = "flaky-" + run + "-" + i;
			subjects.add(subject);
			jdbc.sql(
					"""
							INSERT INTO gradebook_score (tenant_id, source, source_id, source_title, resource_link_id, user_ref,
							user_subject, line_item_url, score_given, score_maximum, completed_at, status, attempts, next_attempt_at,
							service_off, created_at) VALUES (?, 'STUDY_GROUP', 0, 'Faults', '1', ?, ?, ?, 100, 100, ?, 'PENDING', 0, ?,
							FALSE, ?)""")
				.params(tenant, i, subject,
						platform.issuer() + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1",
						Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
				.update();
		}

		await().atMost(Duration.ofSeconds(240))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM gradebook_score WHERE tenant_id = ? AND status = 'SENT'")
				.param(tenant)
				.query(Integer.class)
				.single() == subjects.size());

		Map<String, Integer> accepted = new HashMap<>();
		for (ServeEvent event : platform.wireMock().getAllServeEvents()) {
			if (event.getRequest().getUrl().startsWith(SCORES) && event.getResponse().getStatus() == 200) {
				String subject = event.getRequest()
					.getBodyAsString()
					.replaceAll("(?s).*\"userId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
				accepted.merge(subject, 1, Integer::sum);
			}
		}
		// at least 20 score calls and a token call went through the transformer: three in
		// ten of them failed
		assertThat(flaky.faults.get()).as("faults injected").isGreaterThanOrEqualTo(6);
		assertThat(accepted.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
		assertThat(accepted.values()).allMatch(n -> n == 1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM gradebook_score WHERE tenant_id = ? AND status <> 'SENT'")
			.param(tenant)
			.query(Integer.class)
			.single()).isZero();
	}

}
