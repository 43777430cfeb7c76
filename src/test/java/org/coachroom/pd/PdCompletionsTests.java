package org.coachroom.pd;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PD placed in an LMS course: completing the placed requirement or program sends full
 * marks to the link's gradebook column, losing it clears the score, and people outside
 * the course send nothing.
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
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-type", "text/html; charset=utf-8")
				.withBody(MoodleFixtures.read("token-response.json"))));
		platform.wireMock()
			.stubFor(post(urlPathEqualTo(SCORES)).willReturn(
					aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.ims.lis.v1.score+json")));
		course = "placed-" + UUID.randomUUID();
		launcher = new Launcher(port, platform, jdbc);
	}

	@AfterEach
	void tearDown() {
		platform.close();
	}

	private static void profile(LaunchClient browser) {
		browser.post("/pd/profile",
				Map.of("schoolLevel", "ELEMENTARY", "roleStartedOn", "2025-08-01", "_csrf", browser.csrfFrom("/pd")));
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
		Launched coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course,
				"LETRS cohort", Map.of("pd_program", "letrs", "pd_requirement", "u1-assessment", "coachroom_page",
						"/pd/programs/letrs"));
		LaunchClient browser = coach.browser();
		profile(browser);
		assertThat(browser.get("/pd/programs/letrs").status()).as("the placed link's page").isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_placement WHERE resource_link_id = '1' AND context_ref = ?")
			.param(coach.member().context().id())
			.query(Integer.class)
			.single()).isEqualTo(1);

		score(browser, "u1-assessment", "85");
		await().atMost(Duration.ofSeconds(10)).until(() -> scoreStatus(coach.member().userId()).equals("SENT"));
		platform.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SCORES)).withRequestBody(equalToJson("""
				{"userId": "%s", "scoreGiven": 100, "scoreMaximum": 100, "activityProgress": "Completed",
				 "gradingProgress": "FullyGraded"}""".formatted(coach.member().subject()), true, true)));

		// the district now asks for the unit's certificate: until it is verified, the
		// requirement is not met
		Launched admin = launcher.launch("admin-" + course, "Ada Admin", ADMINISTRATOR, course, "LETRS cohort");
		LaunchClient office = admin.browser();
		List<String[]> form = CatalogTests.formFields(office.get("/pd/catalog/letrs").body(), "program-form");
		CatalogTests.set(form, "requirements[" + rowOf(form, "u1-assessment") + "].evidenceRequired", "true");
		assertThat(office.postPairs("/pd/catalog/letrs", form).status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> jdbc.sql("""
					SELECT COUNT(*) FROM gradebook_score WHERE source = 'PD_REQUIREMENT' AND user_ref = ?
					AND score_given IS NULL AND status = 'SENT'""")
				.param(coach.member().userId())
				.query(Integer.class)
				.single() == 1);
		platform.wireMock()
			.verify(postRequestedFor(urlPathEqualTo(SCORES)).withRequestBody(equalToJson("""
					{"userId": "%s", "activityProgress": "Initialized", "gradingProgress": "NotReady"}"""
				.formatted(coach.member().subject()), true, true)));
	}

	@Test
	void aTeacherWhoNeverSavedAProfileMeetsThePlacedItemAndTheScoreIsSent() {
		Launched teacher = launcher.launch("t-" + course, "Maria Lopez", TestPlatform.LEARNER, course, "LETRS cohort",
				Map.of("pd_program", "letrs", "pd_requirement", "u1-assessment", "coachroom_page",
						"/pd/programs/letrs"));
		LaunchClient browser = teacher.browser();
		assertThat(browser.get("/pd/programs/letrs").status()).as("the placed link's page").isEqualTo(200);

		score(browser, "u1-assessment", "90");
		assertThat(browser.get("/pd/programs/letrs").body()).contains("Met");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_profile WHERE user_ref = ? AND confirmed")
			.param(teacher.member().userId())
			.query(Integer.class)
			.single()).as("no profile saved").isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> scoreStatus(teacher.member().userId()).equals("SENT"));
		platform.wireMock()
			.verify(1, postRequestedFor(urlPathEqualTo(SCORES)).withRequestBody(equalToJson("""
					{"userId": "%s", "scoreGiven": 100, "scoreMaximum": 100, "activityProgress": "Completed"}"""
				.formatted(teacher.member().subject()), true, true)));
	}

	@Test
	void peopleWhoCompletedBeforeTheLinkWasFirstLaunchedGetTheirScoreAndPeopleElsewhereNone() {
		Launched teacher = launcher.launch("t-" + course, "Maria Lopez", TestPlatform.LEARNER, course, "LETRS cohort");
		profile(teacher.browser());
		score(teacher.browser(), "u1-assessment", "70");
		Launched elsewhere = launcher.launch("t2-" + course, "Ben Ode", TestPlatform.LEARNER, "other-" + course,
				"Other");
		profile(elsewhere.browser());
		score(elsewhere.browser(), "u1-assessment", "95");

		Launched coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course,
				"LETRS cohort", Map.of("pd_program", "letrs", "pd_requirement", "u1-assessment"));
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
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_placement WHERE context_ref = ?")
			.param(coach.member().context().id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aCoachPlacesARequirementByDeepLinkingAsALinkWithItsOwnColumnAndATeacherCannot() throws Exception {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, "dl-coach-" + course);
		assertThat(browser
			.launch(platform
				.sign(platform.deepLinkingClaims(auth.nonce(), "dl-coach-" + course, TestPlatform.INSTRUCTOR).build()),
					auth.state())
			.location()).isEqualTo("/deep-linking");
		String picker = browser.get("/deep-linking").body();
		assertThat(picker).contains("Place a PD program")
			.contains("id=\"place-pd-letrs\"")
			.contains("Unit 1 assessment");

		var answer = browser.post("/deep-linking/pd/letrs",
				Map.of("requirement", "u1-assessment", "_csrf", browser.csrfFrom("/deep-linking")));
		assertThat(answer.status()).isEqualTo(200);
		String jwt = HtmlUtils.htmlUnescape(answer.body().replaceAll("(?s).*name=\"JWT\" value=\"([^\"]+)\".*", "$1"));
		var claims = SignedJWT.parse(jwt).getJWTClaimsSet();
		List<Object> items = claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
		long item = jdbc.sql("""
				SELECT i.id FROM pd_course_item i JOIN pd_program p ON p.id = i.program
				WHERE p.code = 'letrs' AND i.requirement_code = 'u1-assessment' AND i.tenant_id = p.tenant_id
				ORDER BY i.id DESC LIMIT 1""").query(Long.class).single();
		assertThat(items).singleElement().satisfies(entry -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> link = (Map<String, Object>) entry;
			assertThat((String) link.get("title")).startsWith("LETRS (3rd edition): Unit 1 assessment");
			assertThat(link.get("custom")).isEqualTo(Map.of("pd_program", "letrs", "pd_requirement", "u1-assessment",
					"coachroom_page", "/pd/programs/letrs"));
			@SuppressWarnings("unchecked")
			Map<String, Object> lineItem = (Map<String, Object>) link.get("lineItem");
			assertThat(lineItem).containsEntry("resourceId", "pd-requirement-" + item)
				.containsEntry("tag", "coachroom-pd-requirement");
		});

		LaunchClient learner = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest theirs = learner.login(platform, "dl-t-" + course);
		learner.launch(
				platform
					.sign(platform.deepLinkingClaims(theirs.nonce(), "dl-t-" + course, TestPlatform.LEARNER).build()),
				theirs.state());
		assertThat(learner.get("/deep-linking").body()).doesNotContain("Place a PD program");
		var refused = learner.post("/deep-linking/pd/letrs", Map.of("_csrf", learner.csrfFrom("/home")));
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.body()).doesNotContain("name=\"JWT\"");
	}

	@Test
	void aPickerChoiceNoSectionOffersComesBackAsThePickerWith400AndNothingIsPlaced() throws Exception {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, "dl-hostile-" + course);
		browser.launch(platform
			.sign(platform.deepLinkingClaims(auth.nonce(), "dl-hostile-" + course, TestPlatform.INSTRUCTOR).build()),
				auth.state());
		int items = jdbc.sql("SELECT COUNT(*) FROM pd_course_item").query(Integer.class).single();

		var tooLong = browser.post("/deep-linking/pd/letrs",
				Map.of("requirement", "u".repeat(5000), "_csrf", browser.csrfFrom("/deep-linking")));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("That is not a choice this page offers. Nothing was placed.")
			.contains("Place a PD program")
			.doesNotContain("name=\"JWT\"");

		var unknown = browser.post("/deep-linking/pd/letrs",
				Map.of("requirement", "no-such-unit", "_csrf", browser.csrfFrom("/deep-linking")));
		assertThat(unknown.status()).isBetween(400, 499);
		assertThat(unknown.body()).doesNotContain("name=\"JWT\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_course_item").query(Integer.class).single()).isEqualTo(items);
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
