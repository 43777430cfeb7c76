package org.coachroom.pd;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PD placed in an LMS course: completing the placed requirement or program sends full marks to the
 * link's gradebook column, losing it clears the score, and people outside the course send nothing.
 */
@LaunchTest
class PdCompletionsTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	private static final String SCORES = "/mod/lti/services.php/2/lineitems/2/lineitem/scores";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	TestPlatform platform;

	Launcher launcher;

	String course;

	@BeforeEach
	void setUp() {
		platform = TestPlatform.start();
		platform.registerWith(registry, Map.of(), "coachroom_role");
		platform.wireMock().stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-type", "text/html; charset=utf-8")
			.withBody(MoodleFixtures.read("token-response.json"))));
		platform.wireMock().stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/vnd.ims.lis.v1.score+json")));
		course = "placed-" + UUID.randomUUID();
		launcher = new Launcher(port, platform, jdbc);
	}

	@AfterEach
	void tearDown() {
		platform.close();
	}

	private static void profile(LaunchClient browser) {
		browser.post("/pd/profile", Map.of("schoolLevel", "ELEMENTARY", "roleStartedOn", "2025-08-01", "_csrf",
				browser.csrfFrom("/pd")));
	}

	private static void score(LaunchClient browser, String requirement, String percent) {
		var recorded = browser.post("/pd/programs/letrs/requirements/" + requirement, Map.of("kind", "score", "value",
				percent, "on", LocalDate.now().toString(), "_csrf", browser.csrfFrom("/pd/programs/letrs")));
		assertThat(recorded.status()).isEqualTo(302);
	}

	private String scoreStatus(long userRef) {
		return jdbc.sql("SELECT status FROM gradebook_score WHERE source = 'PD_REQUIREMENT' AND user_ref = ?")
			.param(userRef)
			.query(String.class)
			.optional()
			.orElse("none");
	}

	@Test
	void aPlacedRequirementCompletedSendsFullMarksAndLosingItClearsThem() {
		Launched coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "LETRS cohort",
				Map.of("pd_program", "letrs", "pd_requirement", "u1-assessment", "coachroom_page", "/pd/programs/letrs"));
		LaunchClient browser = coach.browser();
		profile(browser);
		assertThat(browser.get("/pd/programs/letrs").status()).as("the placed link's page").isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_placement WHERE resource_link_id = '1' AND context_ref = ?")
			.param(coach.member().context().id()).query(Integer.class).single()).isEqualTo(1);

		score(browser, "u1-assessment", "85");
		await().atMost(Duration.ofSeconds(10)).until(() -> scoreStatus(coach.member().userId()).equals("SENT"));
		platform.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SCORES)).withRequestBody(equalToJson("""
				{"userId": "%s", "scoreGiven": 100, "scoreMaximum": 100, "activityProgress": "Completed",
				 "gradingProgress": "FullyGraded"}""".formatted(coach.member().subject()), true, true)));

		// the district now asks for the unit's certificate: until it is verified, the requirement is not met
		Launched admin = launcher.launch("admin-" + course, "Ada Admin", ADMINISTRATOR, course, "LETRS cohort");
		LaunchClient office = admin.browser();
		List<String[]> form = CatalogTests.formFields(office.get("/pd/catalog/letrs").body(), "program-form");
		CatalogTests.set(form, "requirements[" + rowOf(form, "u1-assessment") + "].evidenceRequired", "true");
		assertThat(office.postPairs("/pd/catalog/letrs", form).status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
				SELECT COUNT(*) FROM gradebook_score WHERE source = 'PD_REQUIREMENT' AND user_ref = ?
				AND score_given IS NULL AND status = 'SENT'""").param(coach.member().userId()).query(Integer.class).single() == 1);
		platform.wireMock().verify(postRequestedFor(urlPathEqualTo(SCORES)).withRequestBody(equalToJson("""
				{"userId": "%s", "activityProgress": "Initialized", "gradingProgress": "NotReady"}"""
			.formatted(coach.member().subject()), true, true)));
	}

	@Test
	void peopleWhoCompletedBeforeTheLinkWasFirstLaunchedGetTheirScoreAndPeopleElsewhereNone() {
		Launched teacher = launcher.launch("t-" + course, "Maria Lopez", TestPlatform.LEARNER, course, "LETRS cohort");
		profile(teacher.browser());
		score(teacher.browser(), "u1-assessment", "70");
		Launched elsewhere = launcher.launch("t2-" + course, "Ben Ode", TestPlatform.LEARNER, "other-" + course, "Other");
		profile(elsewhere.browser());
		score(elsewhere.browser(), "u1-assessment", "95");

		Launched coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "LETRS cohort",
				Map.of("pd_program", "letrs", "pd_requirement", "u1-assessment"));
		coach.browser().get("/pd/programs/letrs");

		await().atMost(Duration.ofSeconds(10)).until(() -> scoreStatus(teacher.member().userId()).equals("SENT"));
		platform.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SCORES)).withRequestBody(equalToJson("""
				{"userId": "%s", "scoreGiven": 100}""".formatted(teacher.member().subject()), true, true)));
		assertThat(scoreStatus(elsewhere.member().userId())).as("not in the course").isEqualTo("none");
		assertThat(scoreStatus(coach.member().userId())).as("not complete").isEqualTo("none");
	}

	@Test
	void aLinkNamingAProgramTheDistrictDoesNotHaveIsNotAPlacement() {
		Launched coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Hub",
				Map.of("pd_program", "letrs", "pd_requirement", "no-such-unit"));
		profile(coach.browser());
		coach.browser().get("/pd/programs/letrs");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_placement WHERE context_ref = ?").param(coach.member().context().id())
			.query(Integer.class).single()).isZero();
	}

	private static int rowOf(List<String[]> form, String code) {
		for (String[] f : form) {
			if (f[1].equals(code) && f[0].endsWith(".code")) {
				return Integer.parseInt(f[0].substring("requirements[".length(), f[0].indexOf(']')));
			}
		}
		throw new AssertionError("No row for " + code);
	}
}
