package org.coachroom.gradebook;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jwt.JWTClaimsSet;
import org.coachroom.lti.LaunchDetails;
import org.coachroom.lti.Member;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.shared.CourseCompletion;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupCompletionWithdrawn;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.studygroup.session.AttendanceStatus;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestPlatform;
import org.coachroom.testsupport.VerifyingTokenEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A study group completion becomes a score in the LMS gradebook, through the outbox, as
 * Moodle takes it.
 */
@LaunchTest
class GradebookTests {

	private static final String LINE_ITEM = "/mod/lti/services.php/2/lineitems/2/lineitem";

	private static final String SCORES = LINE_ITEM + "/scores";

	TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudyGroupManagement management;

	@Autowired
	ScoreSender sender;

	Launched coach;

	Launched teacher;

	VerifyingTokenEndpoint tokenEndpoint;

	@BeforeEach
	void setUp() {
		tokenEndpoint = new VerifyingTokenEndpoint();
		platform = TestPlatform.startWith(tokenEndpoint);
		platform.registerWith(registry);
		tokenEndpoint.expect("http://localhost:" + port + "/.well-known/jwks.json", platform.clientId(),
				platform.issuer() + "/mod/lti/token.php");
		// Moodle's answer, labelled text/html, once the assertion checks out against
		// Coachroom's JWKS
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-type", "text/html; charset=utf-8")
				.withBody(MoodleFixtures.read("token-response.json"))
				.withTransformers("verifying-token-endpoint")));
		String course = "grades-" + UUID.randomUUID();
		Launcher launcher = new Launcher(port, platform, jdbc);
		coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Hub");
		teacher = launcher.launch("t-" + course, "Sam Student", TestPlatform.LEARNER, course, "Hub");
	}

	@AfterEach
	void tearDown() {
		platform.close();
		assertThat(tokenEndpoint.refused()).as("token requests the platform refused").isZero();
	}

	/**
	 * A placed group with one held session and the teacher as member; attending completes
	 * it.
	 */
	private long completeAPlacedGroup() {
		return completeAPlacedGroup(true);
	}

	private long completeAPlacedGroup(boolean launchNamedALineItem) {
		return completeAPlacedGroup(launchNamedALineItem ? teacher.member().launch().lineItemUrl() : null);
	}

	/**
	 * As above, the placing launch naming {@code lineItemUrl} as the link's line item (or
	 * none).
	 */
	private long completeAPlacedGroup(String lineItemUrl) {
		StudyGroup group = management.create(coach.member(),
				new StudyGroup.Details("Reading League " + UUID.randomUUID(), "Purpose", null,
						StudyGroup.Kind.BOOK_STUDY, null, null, StudyGroup.Visibility.CLOSED, new BigDecimal("6"),
						"clock hours", List.of()),
				new CompletionRule(CompletionRule.Basis.COUNT, 1, false, false, 1, null));
		var m = teacher.member();
		var d = m.launch();
		var launch = Objects.equals(lineItemUrl, d.lineItemUrl()) ? d
				: new LaunchDetails(d.issuer(), d.clientId(), d.deploymentId(), d.messageType(), d.targetLinkUri(),
						d.resourceLinkId(), d.resourceLinkTitle(), d.lineItemsUrl(), lineItemUrl, d.agsScopes(),
						d.membershipsUrl(), d.custom(), null, null, null, "en");
		management.recordPlacement(new Member(m.tenant(), m.userId(), m.subject(), m.name(), m.email(), m.roles(),
				m.context(), m.platformName(), launch), group);
		Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
		GroupSession session = management.planSession(coach.member(), group.getId(),
				new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), null, null, null, null, null, null));
		management.addMembers(coach.member(), group.getId(), List.of(teacher.member().userId()));
		management.recordAttendance(coach.member(), group.getId(), session.getId(),
				Map.of(teacher.member().userId(), AttendanceStatus.PRESENT));
		return group.getId();
	}

	private String status(long groupId) {
		return jdbc.sql("SELECT status FROM gradebook_score WHERE source = 'STUDY_GROUP' AND source_id = ?")
			.param(groupId)
			.query(String.class)
			.single();
	}

	@Test
	void aCompletionArrivesAsAFullScoreOnTheLinksLineItem() {
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).withQueryParam("type_id", equalTo("1"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/vnd.ims.lis.v1.score+json")));
		long groupId = completeAPlacedGroup();

		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("SENT"));
		platform.wireMock()
			.verify(1, postRequestedFor(urlPathEqualTo(SCORES)).withQueryParam("type_id", equalTo("1"))
				.withHeader("Content-Type", WireMock.containing("application/vnd.ims.lis.v1.score+json"))
				.withHeader("Authorization", equalTo("Bearer 8861fa1b1532d8437cc6d046cf2dfbf7"))
				.withRequestBody(equalToJson("""
						{"userId": "%s", "scoreGiven": 100, "scoreMaximum": 100, "activityProgress": "Completed",
						 "gradingProgress": "FullyGraded"}""".formatted(teacher.member().subject()), true, true)));
	}

	@Test
	void aThrottlingLmsIsAskedAgainAfterItsRetryAfter() {
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).inScenario("throttle")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
				.willSetStateTo("calm"));
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).inScenario("throttle")
				.whenScenarioStateIs("calm")
				.willReturn(aResponse().withStatus(200)));
		long groupId = completeAPlacedGroup();

		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("SENT"));
		assertThat(jdbc.sql("SELECT attempts FROM gradebook_score WHERE source_id = ?")
			.param(groupId)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	/** The delivery log's lines about one score. */
	private List<String> deliveryLines(CapturedOutput output, long groupId) {
		long id = jdbc.sql("SELECT id FROM gradebook_score WHERE source = 'STUDY_GROUP' AND source_id = ?")
			.param(groupId)
			.query(Long.class)
			.single();
		return output.getOut()
			.lines()
			.filter(l -> l.contains("ScoreDelivery") && l.contains("Score " + id + " "))
			.toList();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aRetryAndASendAreEachOneInfoLineWithIdsAndNoNames(CapturedOutput output) {
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).inScenario("throttle")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
				.willSetStateTo("calm"));
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).inScenario("throttle")
				.whenScenarioStateIs("calm")
				.willReturn(aResponse().withStatus(200)));
		long groupId = completeAPlacedGroup();

		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("SENT"));
		await().atMost(Duration.ofSeconds(2)).until(() -> deliveryLines(output, groupId).size() == 2);
		List<String> lines = deliveryLines(output, groupId);
		assertThat(lines.get(0)).contains(" INFO ").contains("will be retried").contains("attempt 1");
		assertThat(lines.get(1)).contains(" INFO ").contains("sent to the LMS on attempt 2");
		assertThat(String.join("\n", lines)).doesNotContain("Sam Student")
			.doesNotContain("Carla Coach")
			.doesNotContain("Reading League")
			.doesNotContain("@")
			.doesNotContain(teacher.member().subject());
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aScoreTheLmsRefusesIsOneInfoLineWithItsStatusAndWithoutItsAnswer(CapturedOutput output) {
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody("{\"status\":400,\"reason\":\"No grade for Sam Student <sam@example.com>\"}")));
		long groupId = completeAPlacedGroup();

		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("FAILED"));
		await().atMost(Duration.ofSeconds(2)).until(() -> deliveryLines(output, groupId).size() == 1);
		assertThat(deliveryLines(output, groupId)).singleElement()
			.satisfies(line -> assertThat(line).contains(" INFO ")
				.contains("refused by the LMS (HTTP 400)")
				.doesNotContain("Sam Student")
				.doesNotContain("sam@example.com"));
	}

	@Test
	void aUserTheLmsCannotGradeFailsWithTheLmssAnswerAndIsNotDropped() {
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody("{\"status\":400,\"reason\":\"Incorrect score received\"}")));
		long groupId = completeAPlacedGroup();

		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("FAILED"));
		assertThat(jdbc.sql("SELECT last_error FROM gradebook_score WHERE source_id = ?")
			.param(groupId)
			.query(String.class)
			.single()).contains("Incorrect score received");
	}

	@Test
	void theCoachSeesAFailureWithTheLmssAnswerAndSendsItAgainOnceFixed() {
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody("{\"status\":403,\"reason\":\"Forbidden\"}")));
		long groupId = completeAPlacedGroup();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("FAILED"));

		var browser = coach.browser();
		String report = browser.get("/gradebook/study-groups/" + groupId).body();
		assertThat(report).contains("Sam Student")
			.contains("Failed")
			.contains("The LMS refused it (HTTP 403)")
			.contains("Assignment and Grade Services");
		// the LMS's own words are for the district's admins only
		assertThat(report).doesNotContain("Forbidden");
		assertThat(teacher.browser().get("/gradebook/study-groups/" + groupId).status()).isEqualTo(404);
		assertThat(teacher.browser().get("/gradebook").status()).isEqualTo(404);

		platform.wireMock().stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200)));
		var retried = browser.post("/gradebook/study-groups/" + groupId + "/retry",
				Map.of("_csrf", browser.csrfFrom("/gradebook/study-groups/" + groupId)));
		assertThat(retried.status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("SENT"));
		assertThat(browser.get("/gradebook/study-groups/" + groupId).body()).contains("Reached the LMS");
	}

	@Test
	void aGradebookAddressThatIsNotTheLmssIsNeverCalledAndItsAnswerNeverShown() {
		// a server on this machine (the allow-private-network of the tests lets the LMS
		// itself be here too)
		WireMockServer internal = new WireMockServer(options().dynamicPort());
		internal.start();
		try {
			internal.stubFor(WireMock.any(WireMock.anyUrl())
				.willReturn(aResponse().withStatus(400)
					.withBody("<html>internal admin console: db password hunter2</html>")));
			long groupId = completeAPlacedGroup("http://127.0.0.1:" + internal.port() + "/internal/x");

			await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("FAILED"));
			assertThat(internal.getAllServeEvents()).as("requests that reached the internal server").isEmpty();
			assertThat(coach.browser().get("/gradebook/study-groups/" + groupId).body()).doesNotContain("hunter2")
				.contains("not one of this LMS");
		}
		finally {
			internal.stop();
		}
	}

	@Test
	void theLmssAnswerIsShownToTheDistrictsAdminsShortenedAndEscaped() {
		String page = "<script>alert(1)</script>" + "x".repeat(5000);
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(422).withBody(page)));
		long groupId = completeAPlacedGroup();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("FAILED"));

		String kept = jdbc.sql("SELECT last_error FROM gradebook_score WHERE source = 'STUDY_GROUP' AND source_id = ?")
			.param(groupId)
			.query(String.class)
			.single();
		assertThat(kept).hasSizeLessThanOrEqualTo(301);
		Launched admin = new Launcher(port, platform, jdbc).launch("admin-" + UUID.randomUUID(), "Ada Admin",
				"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", "admin-" + UUID.randomUUID(),
				"District");
		String district = admin.browser().get("/gradebook").body();
		assertThat(district).contains("&lt;script&gt;alert(1)").doesNotContain("<script>alert(1)");
		assertThat(coach.browser().get("/gradebook/study-groups/" + groupId).body()).doesNotContain("alert(1)")
			.contains("HTTP 422");
	}

	@Test
	void aRefusedTokenRequestIsTriedAgainBeforeTheScoreFails() {
		// the LMS refuses the first token request (it could not read Coachroom's key set
		// just then)
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).atPriority(1)
				.inScenario("token")
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("refused once")
				.willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));
		platform.wireMock().stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200)));
		long groupId = completeAPlacedGroup();

		await().atMost(Duration.ofSeconds(15)).until(() -> status(groupId).equals("SENT"));
		platform.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SCORES)));
	}

	@Test
	void aSenderStoppedAndStartedAgainSendsAgain() {
		// as when a context is paused and resumed (the test framework does this; so may
		// an operator's tooling)
		sender.stop();
		sender.start();
		platform.wireMock().stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200)));
		long groupId = completeAPlacedGroup();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("SENT"));
	}

	@Test
	void theSendersStopBeforeTheWebServerThatServesTheKeySetTheLmsChecks() {
		// Spring Boot's graceful shutdown of the web server runs at this phase; higher
		// phases stop first
		int webServerShutdown = SmartLifecycle.DEFAULT_PHASE - 1024;
		assertThat(sender.getPhase()).isGreaterThan(webServerShutdown);
	}

	@Test
	void withoutALineItemOneIsFoundOrMadeInTheCoursesContainer() {
		platform.wireMock()
			.stubFor(get(urlPathEqualTo("/mod/lti/services.php/2/lineitems")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitemcontainer+json; charset=utf-8")
				.withBody("[]")));
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/services.php/2/lineitems")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitem+json; charset=utf-8")
				.withBody("{\"id\":\"" + platform.issuer() + "/mod/lti/services.php/2/lineitems/9/lineitem?type_id=1\","
						+ "\"scoreMaximum\":100,\"label\":\"x\",\"tag\":\"coachroom\",\"resourceLinkId\":\"1\"}")));
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/services.php/2/lineitems/9/lineitem/scores"))
				.willReturn(aResponse().withStatus(200)));
		long groupId = completeAPlacedGroup(false);
		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("SENT"));
		platform.wireMock()
			.verify(1, postRequestedFor(urlPathEqualTo("/mod/lti/services.php/2/lineitems"))
				.withRequestBody(equalToJson(
						"{\"tag\":\"coachroom-study-group\",\"resourceLinkId\":\"1\",\"scoreMaximum\":100,\"resourceId\":\"study-group-"
								+ groupId + "\"}",
						true, true)));
	}

	/**
	 * The score requests the platform answered 200, oldest first, as their JSON bodies.
	 */
	private List<String> acceptedScores() {
		List<ServeEvent> events = new ArrayList<>(platform.wireMock().getAllServeEvents());
		Collections.reverse(events);
		return events.stream()
			.filter(e -> e.getRequest().getUrl().startsWith(SCORES) && e.getResponse().getStatus() == 200)
			.map(e -> e.getRequest().getBodyAsString())
			.toList();
	}

	private String clearingFor(String subject) {
		return """
				{"userId": "%s", "activityProgress": "Initialized", "gradingProgress": "NotReady",
				 "comment": "${json-unit.any-string}", "timestamp": "${json-unit.any-string}"}""".formatted(subject);
	}

	@Test
	void aWithdrawnCompletionClearsTheScoreTheLmsWasSent() {
		platform.wireMock().stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200)));
		long groupId = completeAPlacedGroup();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("SENT"));

		management.withdrawCompletion(coach.member(), groupId, teacher.member().userId(),
				"Marked for the wrong person");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> acceptedScores().size() == 2 && status(groupId).equals("SENT"));
		List<String> scores = acceptedScores();
		assertThat(scores.get(0)).contains("\"scoreGiven\":100");
		// no scoreGiven: AGS says the platform clears the score; the reason stays in
		// Coachroom
		assertThat(scores.get(1)).doesNotContain("scoreGiven").doesNotContain("wrong person");
		platform.wireMock()
			.verify(postRequestedFor(urlPathEqualTo(SCORES))
				.withRequestBody(equalToJson(clearingFor(teacher.member().subject()), false, false)));
		Instant completed = Instant.parse(scores.get(0).replaceAll("(?s).*\"timestamp\":\"([^\"]+)\".*", "$1"));
		Instant withdrawn = Instant.parse(scores.get(1).replaceAll("(?s).*\"timestamp\":\"([^\"]+)\".*", "$1"));
		assertThat(withdrawn).as("a later timestamp, so the platform keeps the clearing").isAfter(completed);
		assertThat(coach.browser().get("/gradebook/study-groups/" + groupId).body())
			.contains("Cleared: completion withdrawn");
		assertThat(coach.browser().get("/groups/" + groupId).body())
			.contains("Completion withdrawn: Marked for the wrong person");
		assertThat(teacher.browser().get("/groups/" + groupId).body())
			.contains("A facilitator withdrew your completion. Their reason: Marked for the wrong person");
	}

	@Test
	void aCompletionWithdrawnWhileTheLmsIsDownNeverReachesItOnlyTheClearingDoes() {
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES))
				.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
		long groupId = completeAPlacedGroup();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT attempts FROM gradebook_score WHERE source_id = ?")
				.param(groupId)
				.query(Integer.class)
				.single() > 0);

		management.withdrawCompletion(coach.member(), groupId, teacher.member().userId(), "Marked by mistake");
		platform.wireMock().stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200)));

		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("SENT"));
		assertThat(acceptedScores()).hasSize(1).allMatch(body -> !body.contains("scoreGiven"));
	}

	@Test
	void aCompletionWithdrawnWhileItsScoreIsOnTheWireIsClearedAfterIt() {
		// the LMS takes a second and a half to answer: the withdrawal lands while the
		// first score is being sent
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
		long groupId = completeAPlacedGroup();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> !platform.wireMock().findAll(postRequestedFor(urlPathEqualTo(SCORES))).isEmpty() || jdbc
				.sql("SELECT COUNT(*) FROM gradebook_score WHERE source_id = ? AND claimed_until IS NOT NULL")
				.param(groupId)
				.query(Integer.class)
				.single() > 0);

		management.withdrawCompletion(coach.member(), groupId, teacher.member().userId(), "Marked by mistake");

		await().atMost(Duration.ofSeconds(15))
			.until(() -> acceptedScores().size() == 2 && status(groupId).equals("SENT"));
		List<String> scores = acceptedScores();
		assertThat(scores.get(0)).contains("scoreGiven");
		assertThat(scores.get(1)).as("the last write is the clearing").doesNotContain("scoreGiven");
		assertThat(jdbc.sql("SELECT revision FROM gradebook_score WHERE source_id = ?")
			.param(groupId)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aFacilitatorCanMarkAWithdrawnCompletionAgainButTheRuleDoesNotGiveItBack() {
		platform.wireMock().stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200)));
		long groupId = completeAPlacedGroup();
		management.withdrawCompletion(coach.member(), groupId, teacher.member().userId(), "Left before the end");
		// attendance changes re-run the rule: the withdrawn completion stays withdrawn
		management.planSession(coach.member(), groupId, new GroupSession.Plan(Instant.now().plus(3, ChronoUnit.DAYS),
				Instant.now().plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), null, null, null, null, null, null));
		assertThat(management.page(coach.member(), groupId)
			.orElseThrow()
			.members()
			.stream()
			.filter(r -> r.membership().getUserRef() == teacher.member().userId())
			.findFirst()
			.orElseThrow()
			.membership()
			.isComplete()).isFalse();

		management.completeByHand(coach.member(), groupId, teacher.member().userId(), "Made up the session");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> status(groupId).equals("SENT")
					&& jdbc.sql("SELECT score_given IS NOT NULL FROM gradebook_score WHERE source_id = ?")
						.param(groupId)
						.query(Boolean.class)
						.single());
	}

	@Test
	void membersCompletingTogetherShareOneNewLineItem() {
		platform.wireMock()
			.stubFor(get(urlPathEqualTo("/mod/lti/services.php/2/lineitems")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitemcontainer+json; charset=utf-8")
				.withBody("[]")));
		// a slow LMS widens the window in which parallel senders could each make a column
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/services.php/2/lineitems")).willReturn(aResponse().withStatus(201)
				.withFixedDelay(300)
				.withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitem+json; charset=utf-8")
				.withBody("{\"id\":\"" + platform.issuer() + "/mod/lti/services.php/2/lineitems/9/lineitem?type_id=1\","
						+ "\"scoreMaximum\":100,\"label\":\"x\",\"tag\":\"coachroom\",\"resourceLinkId\":\"1\"}")));
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/services.php/2/lineitems/9/lineitem/scores"))
				.willReturn(aResponse().withStatus(200)));
		Launcher launcher = new Launcher(port, platform, jdbc);
		String course = coach.member().context().contextId();
		List<Long> members = new ArrayList<>(List.of(teacher.member().userId()));
		for (int i = 0; i < 5; i++) {
			members.add(launcher.launch("t" + i + "-" + course, "Teacher " + i, TestPlatform.LEARNER, course, "Hub")
				.member()
				.userId());
		}
		StudyGroup group = management.create(coach.member(),
				new StudyGroup.Details("Together " + UUID.randomUUID(), "Purpose", null, StudyGroup.Kind.BOOK_STUDY,
						null, null, StudyGroup.Visibility.CLOSED, new BigDecimal("6"), "clock hours", List.of()),
				new CompletionRule(CompletionRule.Basis.COUNT, 1, false, false, 1, null));
		var m = teacher.member();
		var d = m.launch();
		management
			.recordPlacement(
					new Member(m.tenant(), m.userId(), m.subject(), m.name(), m.email(), m.roles(), m.context(),
							m.platformName(),
							new LaunchDetails(d.issuer(), d.clientId(), d.deploymentId(), d.messageType(),
									d.targetLinkUri(), d.resourceLinkId(), d.resourceLinkTitle(), d.lineItemsUrl(),
									null, d.agsScopes(), d.membershipsUrl(), d.custom(), null, null, null, "en")),
					group);
		Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
		GroupSession session = management.planSession(coach.member(), group.getId(),
				new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), null, null, null, null, null, null));
		management.addMembers(coach.member(), group.getId(), members);
		Map<Long, AttendanceStatus> present = new HashMap<>();
		members.forEach(u -> present.put(u, AttendanceStatus.PRESENT));
		management.recordAttendance(coach.member(), group.getId(), session.getId(), present);

		await().atMost(Duration.ofSeconds(15))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM gradebook_score WHERE source_id = ? AND status = 'SENT'")
				.param(group.getId())
				.query(Integer.class)
				.single() == members.size());
		platform.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/mod/lti/services.php/2/lineitems")));
		platform.wireMock()
			.verify(members.size(),
					postRequestedFor(urlPathEqualTo("/mod/lti/services.php/2/lineitems/9/lineitem/scores")));
	}

	@Test
	void aScoreWhoseAnswerWasLostIsSentOnceWhenMoodleSaysItHasItAlready() {
		// the first answer comes after Coachroom stopped waiting; Moodle then refuses the
		// repeat with 409
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).inScenario("lost")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(200).withFixedDelay(3_000))
				.willSetStateTo("held"));
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).inScenario("lost")
				.whenScenarioStateIs("held")
				.willReturn(aResponse().withStatus(409)
					.withBody("Refusing score with an earlier timestamp for item 2 and user 3")));
		long groupId = completeAPlacedGroup();

		await().atMost(Duration.ofSeconds(15)).until(() -> status(groupId).equals("SENT"));
		platform.wireMock().verify(2, postRequestedFor(urlPathEqualTo(SCORES)));
	}

	@Test
	void membersWhoFinishedBeforeTheLinkWasFirstLaunchedGetTheirScoreInItsColumn() {
		platform.wireMock().stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200)));
		StudyGroup group = management.create(coach.member(),
				new StudyGroup.Details("Early " + UUID.randomUUID(), "Purpose", null, StudyGroup.Kind.BOOK_STUDY, null,
						null, StudyGroup.Visibility.CLOSED, new BigDecimal("6"), "clock hours", List.of()),
				new CompletionRule(CompletionRule.Basis.COUNT, 1, false, false, 1, null));
		Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
		GroupSession session = management.planSession(coach.member(), group.getId(),
				new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), null, null, null, null, null, null));
		management.addMembers(coach.member(), group.getId(), List.of(teacher.member().userId()));
		management.recordAttendance(coach.member(), group.getId(), session.getId(),
				Map.of(teacher.member().userId(), AttendanceStatus.PRESENT));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM gradebook_score WHERE source_id = ?")
			.param(group.getId())
			.query(Integer.class)
			.single()).as("not placed yet: nowhere to send").isZero();

		management.recordPlacement(teacher.member(), group);
		management.recordPlacement(teacher.member(), group);

		await().atMost(Duration.ofSeconds(10)).until(() -> status(group.getId()).equals("SENT"));
		platform.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SCORES)));
	}

	@Test
	void thePlatformsTokenEndpointRefusesAnAssertionNotSignedByCoachroom() throws Exception {
		var forged = new JWTClaimsSet.Builder().issuer(platform.clientId())
			.subject(platform.clientId())
			.audience(platform.issuer() + "/mod/lti/token.php")
			.jwtID(UUID.randomUUID().toString())
			.expirationTime(Date.from(Instant.now().plusSeconds(60)))
			.build();
		String assertion = TestPlatform.sign(forged, TestPlatform.newKey(), "coachroom-key");
		var answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(platform.issuer() + "/mod/lti/token.php"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
						+ "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
						+ "&client_assertion=" + assertion + "&scope=x"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(tokenEndpoint.refused()).isOne();
		// this test's refusal was the point; the check after each test is for Coachroom's
		// own requests
		tokenEndpoint = new VerifyingTokenEndpoint();
	}

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aWithdrawalWithoutTheLmsIdStillClearsTheScoreSentUnderIt() {
		platform.wireMock().stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200)));
		long groupId = completeAPlacedGroup();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(groupId).equals("SENT"));

		events.publishEvent(
				new StudyGroupCompletionWithdrawn(teacher.member().tenant().value(), groupId, "Reading League",
						teacher.member().userId(), null, List.of(new CourseCompletion.Placement("1", null, null)),
						Instant.now(), coach.member().userId(), "Marked by mistake"));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> acceptedScores().size() == 2 && status(groupId).equals("SENT"));
		platform.wireMock()
			.verify(postRequestedFor(urlPathEqualTo(SCORES))
				.withRequestBody(equalToJson(clearingFor(teacher.member().subject()), false, false)));
	}

}
