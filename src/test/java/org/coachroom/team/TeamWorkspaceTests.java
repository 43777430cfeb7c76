package org.coachroom.team;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jwt.SignedJWT;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.CourseFixture;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PLC team's workspace through its pages: opening, joining, norms, meetings, action
 * items, and who sees none of it.
 */
@LaunchTest
class TeamWorkspaceTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	CourseFixture fixture;

	TestPlatform platform;

	Launcher launcher;

	String course;

	Launched coach;

	Launched teacher;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "plc", "Grade 3 PLC");
		platform = fixture.platform();
		launcher = fixture.launcher();
		course = fixture.course();
		coach = fixture.coach();
		teacher = fixture.teacher();
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	/** The version the norms form of the workspace page carries. */
	private static String normsVersion(LaunchClient browser, long id) {
		return browser.get("/team/" + id).body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
	}

	private long open() {
		LaunchClient browser = coach.browser();
		assertThat(browser.get("/team").body()).contains("Open your team&#39;s workspace");
		var opened = browser.post("/team", Map.of("title", "Grade 3 team", "_csrf", browser.csrfFrom("/team")));
		assertThat(opened.status()).isEqualTo(302);
		return Long.parseLong(opened.location().replaceAll(".*/team/", ""));
	}

	@Test
	void aCoachOpensTheWorkspaceAndTheCoursesTeachersJoinAsTheyArrive() {
		assertThat(teacher.browser().get("/team").body()).contains("has no workspace yet")
			.doesNotContain("Open the workspace");
		long id = open();
		var arrived = teacher.browser().get("/team");
		assertThat(arrived.status()).isEqualTo(302);
		assertThat(arrived.location()).endsWith("/team/" + id);
		String page = coach.browser().get("/team/" + id).body();
		assertThat(page).contains("Grade 3 team")
			.contains("Carla Coach")
			.contains("Maria Lopez")
			.contains("Facilitator");
		assertThat(jdbc.sql("SELECT role FROM team_member WHERE workspace = ? AND user_ref = ?")
			.params(id, teacher.member().userId())
			.query(String.class)
			.single()).isEqualTo("MEMBER");
		// a second open is the same workspace: one per course
		var again = coach.browser()
			.post("/team", Map.of("title", "Another", "_csrf", coach.browser().csrfFrom("/home")));
		assertThat(again.location()).endsWith("/team/" + id);
	}

	@Test
	void teachersArrivingAllAtOnceAllJoinAndNormsSavedMeanwhileAreKept() throws Exception {
		long id = open();
		List<Launched> arriving = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			arriving.add(launcher.launch("many-" + i + "-" + course, "Teacher " + i, TestPlatform.LEARNER, course,
					"Grade 3 PLC"));
		}
		var pool = Executors.newFixedThreadPool(8);
		try {
			String version = normsVersion(coach.browser(), id);
			var norms = pool.submit(() -> coach.browser()
				.post("/team/" + id + "/norms",
						Map.of("norms", "We listen first.", "version", version, "_csrf",
								coach.browser().csrfFrom("/team/" + id)))
				.status());
			List<Future<Integer>> arrivals = new ArrayList<>();
			for (Launched t : arriving) {
				arrivals.add(pool.submit(() -> t.browser().get("/team").status()));
			}
			for (var arrival : arrivals) {
				assertThat(arrival.get()).isEqualTo(302);
			}
			assertThat(norms.get()).isEqualTo(302);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_member WHERE workspace = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(9);
		assertThat(jdbc.sql("SELECT norms FROM team_workspace WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("We listen first.");
	}

	@Test
	void onlyTheTeamSeesTheWorkspace() {
		long id = open();
		teacher.browser().get("/team");
		Launched principal = launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR, course,
				"Grade 3 PLC", Map.of("coachroom_role", "Principal"));
		assertThat(principal.browser().get("/team").body()).contains("for the team&#39;s members and facilitator only")
			.doesNotContain("Maria Lopez");
		assertThat(principal.browser().get("/team/" + id).status()).isEqualTo(404);
		Launched hr = launcher.launch("hr-" + course, "Helen HR", ADMINISTRATOR, course, "Grade 3 PLC",
				Map.of("coachroom_role", "HR"));
		assertThat(hr.browser().get("/team/" + id).status()).isEqualTo(404);
		Launched elsewhere = launcher.launch("t2-" + course, "Ben Ode", TestPlatform.LEARNER, "other-" + course,
				"Grade 5 PLC");
		assertThat(elsewhere.browser().get("/team/" + id).status()).isEqualTo(404);
		assertThat(elsewhere.browser()
			.post("/team/" + id + "/norms",
					Map.of("norms", "Taken over", "_csrf", elsewhere.browser().csrfFrom("/home")))
			.status()).isEqualTo(404);
		try (TestPlatform other = TestPlatform.start()) {
			other.registerWith(registry, Map.of(), "coachroom_role");
			Launched otherCoach = new Launcher(port, other, jdbc).launch("coach-" + course, "Carla Coach",
					TestPlatform.INSTRUCTOR, course, "Grade 3 PLC");
			assertThat(otherCoach.browser().get("/team/" + id).status()).isEqualTo(404);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_workspace WHERE id = ? AND norms IS NOT NULL")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theTeamKeepsItsNormsMeetingsAndActionItems() {
		long id = open();
		LaunchClient mine = teacher.browser();
		mine.get("/team");
		mine.post("/team/" + id + "/norms", Map.of("norms", "We start on time.\nStudent work stays anonymous.",
				"version", normsVersion(mine, id), "_csrf", mine.csrfFrom("/team/" + id)));
		assertThat(mine.get("/team/" + id).body()).contains("Norms saved.");
		assertThat(coach.browser().get("/team/" + id).body()).contains("Student work stays anonymous.");

		var planned = mine.post("/team/" + id + "/meetings",
				Map.of("heldOn", LocalDate.now().toString(), "title", "Unit 4 common assessment", "agenda",
						"1. Results by class\n2. Next steps", "notes", "", "_csrf", mine.csrfFrom("/team/" + id)));
		assertThat(planned.status()).isEqualTo(302);
		String meetingPage = planned.location().replaceAll("^https?://[^/]+", "");
		String meeting = mine.get(meetingPage).body();
		assertThat(meeting).contains("Unit 4 common assessment").contains("Results by class");
		String version = meeting.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		var saved = mine.post(meetingPage,
				Map.of("heldOn", LocalDate.now().toString(), "title", "Unit 4 common assessment", "agenda",
						"1. Results by class\n2. Next steps", "notes", "Class B needs a reteach of fractions.",
						"version", version, "_csrf", mine.csrfFrom(meetingPage)));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(coach.browser().get(meetingPage).body()).contains("Class B needs a reteach of fractions.");

		long meetingId = Long.parseLong(meetingPage.replaceAll(".*/meetings/", ""));
		coach.browser()
			.post("/team/" + id + "/actions",
					Map.of("text", "Bring three student work samples", "owner",
							Long.toString(teacher.member().userId()), "dueOn", LocalDate.now().minusDays(1).toString(),
							"meeting", Long.toString(meetingId), "_csrf", coach.browser().csrfFrom("/team/" + id)));
		String withAction = mine.get(meetingPage).body();
		assertThat(withAction).contains("Bring three student work samples").contains("Maria Lopez").contains("Late");
		long action = jdbc.sql("SELECT id FROM team_action WHERE workspace = ?").param(id).query(Long.class).single();
		mine.post("/team/" + id + "/actions/" + action,
				Map.of("done", "true", "from", Long.toString(meetingId), "_csrf", mine.csrfFrom(meetingPage)));
		assertThat(jdbc.sql("SELECT done FROM team_action WHERE id = ?").param(action).query(Boolean.class).single())
			.isTrue();
		assertThat(mine.get("/team/" + id).body()).contains("Bring three student work samples")
			.doesNotContain(">Late<");
	}

	@Test
	void badInputComesBackWithItsMessageAndNothingIsSaved() {
		long id = open();
		LaunchClient browser = coach.browser();
		var refused = browser.post("/team/" + id + "/meetings",
				Map.of("heldOn", "next week", "title", " ", "agenda", "x", "_csrf", browser.csrfFrom("/team/" + id)));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Give the day as a date from ten years ago to five years ahead")
			.contains("Say what the meeting is about");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_meeting WHERE workspace = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();

		browser.post("/team/" + id + "/actions", Map.of("text", " ", "_csrf", browser.csrfFrom("/team/" + id)));
		assertThat(browser.get("/team/" + id).body()).contains("Say what is to be done");
		Launched outsider = launcher.launch("t3-" + course, "Omar Haddad", TestPlatform.LEARNER, "other-" + course,
				"Other");
		browser.post("/team/" + id + "/actions", Map.of("text", "Grade the quiz", "owner",
				Long.toString(outsider.member().userId()), "_csrf", browser.csrfFrom("/team/" + id)));
		assertThat(browser.get("/team/" + id).body()).contains("Choose someone of the team.");
		browser.post("/team/" + id + "/norms", Map.of("norms", "x".repeat(5001), "version", normsVersion(browser, id),
				"_csrf", browser.csrfFrom("/team/" + id)));
		assertThat(browser.get("/team/" + id).body()).contains("Norms are at most 5000 characters.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_action WHERE workspace = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT norms FROM team_workspace WHERE id = ?").param(id).query(String.class).optional())
			.isEmpty();

		var noTitle = browser.post("/team", Map.of("title", " ", "_csrf", browser.csrfFrom("/home")));
		assertThat(noTitle.location()).endsWith("/team/" + id);
	}

	private static String rosterMember(String id, String name, String role, String status) {
		return """
				{"status":"%s","roles":["%s"],"user_id":"%s","name":"%s","given_name":"%s","family_name":"X","email":"%s@example.com"}"""
			.formatted(status, role, id, name, name.split(" ")[0], id);
	}

	@Test
	void theFacilitatorBringsInTheCourseRosterTeachersAsMembersAndNoOneTwice() {
		long id = open();
		platform.wireMock()
			.stubFor(WireMock.post(WireMock.urlPathEqualTo("/mod/lti/token.php"))
				.willReturn(WireMock.aResponse()
					.withStatus(200)
					.withHeader("Content-type", "text/html; charset=utf-8")
					.withBody(MoodleFixtures.read("token-response.json"))));
		// Dee launched once and joined; the course now lists her as inactive
		Launched dee = launcher.launch(course + "-2", "Dee Gone", TestPlatform.LEARNER, course, "Grade 3 PLC");
		dee.browser().get("/team");
		coach.browser()
			.post("/team/" + id + "/actions", Map.of("text", "Score the exit tickets", "owner",
					String.valueOf(dee.member().userId()), "_csrf", coach.browser().csrfFrom("/team/" + id)));
		String members = String.join(",", rosterMember("coach-" + course, "Carla Coach", "Instructor", "Active"),
				rosterMember(course + "-1", "Ana Ruiz", "Learner", "Active"),
				rosterMember(course + "-2", "Dee Gone", "Learner", "Inactive"),
				rosterMember("t-" + course, "Maria Lopez", "Learner", "Active"),
				rosterMember("p-" + course, "Pat Principal", "Instructor", "Active"));
		launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR, course, "Grade 3 PLC",
				Map.of("coachroom_role", "Principal"));
		platform.wireMock()
			.stubFor(WireMock
				.get(WireMock.urlPathEqualTo("/mod/lti/services.php/CourseSection/2/bindings/1/memberships"))
				.willReturn(WireMock.aResponse()
					.withStatus(200)
					.withHeader("Content-Type", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json")
					.withBody(
							"{\"id\":\"x\",\"context\":{\"id\":\"2\",\"label\":\"PLC\",\"title\":\"Grade 3 PLC\"},\"members\":["
									+ members + "]}")));
		LaunchClient browser = coach.browser();
		var imported = browser.post("/team/" + id + "/roster", Map.of("_csrf", browser.csrfFrom("/team/" + id)));
		assertThat(imported.status()).isEqualTo(302);
		String page = browser.get("/team/" + id).body();
		assertThat(page).contains("2 joined, 1 already in the team, 1 no longer in the course left it")
			.contains("Ana Ruiz")
			.doesNotContain("Pat Principal");
		// Dee is out of the team's list, and the action she owned still names her
		assertThat(page.substring(page.indexOf("id=\"member-list\""))).doesNotContain("Dee Gone");
		assertThat(page.substring(page.indexOf("id=\"actions\""), page.indexOf("id=\"resources\"")))
			.contains("Dee Gone");
		// a member cannot bring the roster in
		teacher.browser().get("/team");
		assertThat(teacher.browser()
			.post("/team/" + id + "/roster", Map.of("_csrf", teacher.browser().csrfFrom("/team/" + id)))
			.status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_member WHERE workspace = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Test
	void theTeamSharesLinksAndFilesThatOnlyTheTeamCanOpen() {
		long id = open();
		LaunchClient mine = teacher.browser();
		mine.get("/team");
		mine.post("/team/" + id + "/links", Map.of("title", "Grade 3 math standards", "url",
				"https://example.org/standards", "_csrf", mine.csrfFrom("/team/" + id)));
		mine.post("/team/" + id + "/links",
				Map.of("title", "Sneaky", "url", "javascript:alert(1)", "_csrf", mine.csrfFrom("/team/" + id)));
		assertThat(mine.get("/team/" + id).body()).contains("Give a web address starting with http");
		var shared = mine.postFile("/team/" + id + "/files", Map.of("_csrf", mine.csrfFrom("/team/" + id)), "file",
				"../../unit 4 rubric.pdf", "application/pdf", PDF);
		assertThat(shared.status()).isEqualTo(302);
		mine.postFile("/team/" + id + "/files", Map.of("_csrf", mine.csrfFrom("/team/" + id)), "file", "run.pdf",
				"application/pdf", "MZ this is a program".getBytes(StandardCharsets.US_ASCII));
		String page = coach.browser().get("/team/" + id).body();
		assertThat(page).contains("Grade 3 math standards")
			.contains("https://example.org/standards")
			.contains("unit 4 rubric.pdf")
			.doesNotContain("javascript:")
			.doesNotContain("run.pdf");
		assertThat(mine.get("/team/" + id).body()).contains("Share documents (PDF, Word, PowerPoint, Excel) or images");

		long file = jdbc.sql("SELECT id FROM team_resource WHERE workspace = ? AND kind = 'FILE'")
			.param(id)
			.query(Long.class)
			.single();
		var download = coach.browser().getBytes("/team/" + id + "/files/" + file);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(PDF);
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		Launched outsider = launcher.launch("t4-" + course, "Omar Haddad", TestPlatform.LEARNER, "other-" + course,
				"Other");
		assertThat(outsider.browser().getBytes("/team/" + id + "/files/" + file).status()).isEqualTo(404);

		// whoever shared it, or the facilitator, removes it; another member cannot
		long link = jdbc.sql("SELECT id FROM team_resource WHERE workspace = ? AND kind = 'LINK'")
			.param(id)
			.query(Long.class)
			.single();
		Launched another = launcher.launch("t5-" + course, "Sam Ellis", TestPlatform.LEARNER, course, "Grade 3 PLC");
		another.browser().get("/team");
		assertThat(another.browser()
			.post("/team/" + id + "/resources/" + link + "/delete",
					Map.of("_csrf", another.browser().csrfFrom("/team/" + id)))
			.status()).isEqualTo(404);
		coach.browser()
			.post("/team/" + id + "/resources/" + link + "/delete",
					Map.of("_csrf", coach.browser().csrfFrom("/team/" + id)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_resource WHERE workspace = ?")
			.param(id)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void normsWrittenOnAStalePageAreAConflictAndKeepTheFirst() {
		long id = open();
		LaunchClient browser = coach.browser();
		String stale = normsVersion(browser, id);
		for (String norms : List.of("First norms", "Second norms")) {
			var saved = browser.post("/team/" + id + "/norms",
					Map.of("norms", norms, "version", stale, "_csrf", browser.csrfFrom("/team/" + id)));
			assertThat(saved.status()).isEqualTo(norms.startsWith("First") ? 302 : 409);
		}
		assertThat(jdbc.sql("SELECT norms FROM team_workspace WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("First norms");
	}

	@Test
	void someoneWhoNowLaunchesAsAPrincipalSeesNothingOfTheTeamTheyWereIn() {
		long id = open();
		teacher.browser().get("/team");
		Launched promoted = launcher.launch("t-" + course, "Maria Lopez", TestPlatform.INSTRUCTOR, course,
				"Grade 3 PLC", Map.of("coachroom_role", "Principal"));
		assertThat(promoted.browser().get("/team").status()).isEqualTo(200);
		assertThat(promoted.browser().get("/team").body()).contains("for the team&#39;s members and facilitator only");
		assertThat(promoted.browser().get("/team/" + id).status()).isEqualTo(404);
		// nor from another course where she still teaches: she is no longer of the team
		Launched elsewhere = launcher.launch("t-" + course, "Maria Lopez", TestPlatform.LEARNER, "other-" + course,
				"Other");
		assertThat(elsewhere.browser().get("/team/" + id).status()).isEqualTo(404);
		assertThat(elsewhere.browser().get("/home").body()).doesNotContain("Grade 3 team");
	}

	@Test
	void aFormerMemberNowThePrincipalOfTheCourseSeesNothingEvenWithoutOpeningIt() {
		long id = open();
		teacher.browser().get("/team");
		// made the course's principal (her launch there says so) but she never opens the
		// team page there
		launcher.launch("t-" + course, "Maria Lopez", TestPlatform.INSTRUCTOR, course, "Grade 3 PLC",
				Map.of("coachroom_role", "Principal"));
		Launched elsewhere = launcher.launch("t-" + course, "Maria Lopez", TestPlatform.LEARNER, "other-" + course,
				"Other");
		assertThat(elsewhere.browser().get("/team/" + id).status()).isEqualTo(404);
		assertThat(elsewhere.browser().get("/home").body()).doesNotContain("Grade 3 team");
	}

	@Test
	void aRosterThatDoesNotListTheFacilitatorTakesNobodyOut() {
		long id = open();
		teacher.browser().get("/team");
		platform.wireMock()
			.stubFor(WireMock.post(WireMock.urlPathEqualTo("/mod/lti/token.php"))
				.willReturn(WireMock.aResponse()
					.withStatus(200)
					.withHeader("Content-type", "text/html; charset=utf-8")
					.withBody(MoodleFixtures.read("token-response.json"))));
		// the term is over: the LMS lists everyone as inactive
		String members = String.join(",", rosterMember("coach-" + course, "Carla Coach", "Instructor", "Inactive"),
				rosterMember("t-" + course, "Maria Lopez", "Learner", "Inactive"));
		platform.wireMock()
			.stubFor(WireMock
				.get(WireMock.urlPathEqualTo("/mod/lti/services.php/CourseSection/2/bindings/1/memberships"))
				.willReturn(WireMock.aResponse()
					.withStatus(200)
					.withHeader("Content-Type", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json")
					.withBody(
							"{\"id\":\"x\",\"context\":{\"id\":\"2\",\"label\":\"PLC\",\"title\":\"Grade 3 PLC\"},\"members\":["
									+ members + "]}")));
		LaunchClient browser = coach.browser();
		browser.post("/team/" + id + "/roster", Map.of("_csrf", browser.csrfFrom("/team/" + id)));
		assertThat(browser.get("/team/" + id).body()).contains("Nobody was taken out of the team");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_member WHERE workspace = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void twoCoachesOpeningAtOnceGetTheSameWorkspaceAndBothFacilitate() throws Exception {
		Launched second = launcher.launch("coach2-" + course, "Kofi Mensah", TestPlatform.INSTRUCTOR, course,
				"Grade 3 PLC");
		String csrfFirst = coach.browser().csrfFrom("/team");
		String csrfSecond = second.browser().csrfFrom("/team");
		var pool = Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> coach.browser().post("/team", Map.of("title", "Team A", "_csrf", csrfFirst)));
			var b = pool.submit(() -> second.browser().post("/team", Map.of("title", "Team B", "_csrf", csrfSecond)));
			assertThat(a.get().status()).isEqualTo(302);
			assertThat(b.get().status()).isEqualTo(302);
			assertThat(a.get().location()).isEqualTo(b.get().location());
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM team_member m JOIN team_workspace w ON w.id = m.workspace "
					+ "WHERE w.context_ref = ? AND m.role = 'FACILITATOR'")
			.param(coach.member().context().id())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aCoachPlacesTheTeamWorkspaceByDeepLinkingAndATeacherCannot() throws Exception {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, "dl-coach-" + course);
		assertThat(browser
			.launch(platform
				.sign(platform.deepLinkingClaims(auth.nonce(), "dl-coach-" + course, TestPlatform.INSTRUCTOR).build()),
					auth.state())
			.location()).isEqualTo("/deep-linking");
		assertThat(browser.get("/deep-linking").body()).contains("Place the team workspace");
		var answer = browser.post("/deep-linking/team", Map.of("_csrf", browser.csrfFrom("/deep-linking")));
		assertThat(answer.status()).isEqualTo(200);
		String jwt = HtmlUtils.htmlUnescape(answer.body().replaceAll("(?s).*name=\"JWT\" value=\"([^\"]+)\".*", "$1"));
		List<Object> items = SignedJWT.parse(jwt)
			.getJWTClaimsSet()
			.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
		long workspace = jdbc
			.sql("SELECT w.id FROM team_workspace w JOIN team_member m ON m.workspace = w.id "
					+ "JOIN lti_user u ON u.id = m.user_ref WHERE u.subject = ? AND m.role = 'FACILITATOR'")
			.param("dl-coach-" + course)
			.query(Long.class)
			.single();
		assertThat(items).singleElement().satisfies(entry -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> link = (Map<String, Object>) entry;
			assertThat(link.get("custom")).isEqualTo(Map.of("coachroom_page", "/team"));
			@SuppressWarnings("unchecked")
			Map<String, Object> lineItem = (Map<String, Object>) link.get("lineItem");
			assertThat(lineItem).containsEntry("resourceId", "team-workspace-" + workspace)
				.containsEntry("tag", "coachroom-team-cycle");
		});

		LaunchClient learner = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest theirs = learner.login(platform, "dl-t-" + course);
		learner.launch(
				platform
					.sign(platform.deepLinkingClaims(theirs.nonce(), "dl-t-" + course, TestPlatform.LEARNER).build()),
				theirs.state());
		assertThat(learner.get("/deep-linking").body()).doesNotContain("Place the team workspace");
		var refused = learner.post("/deep-linking/team", Map.of("_csrf", learner.csrfFrom("/home")));
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.body()).doesNotContain("name=\"JWT\"");
	}

	@Test
	void aMeetingSavedMeanwhileIsAConflictAndKeepsTheFirstSave() {
		long id = open();
		LaunchClient browser = coach.browser();
		var planned = browser.post("/team/" + id + "/meetings", Map.of("heldOn", LocalDate.now().toString(), "title",
				"Data meeting", "agenda", "", "notes", "", "_csrf", browser.csrfFrom("/team/" + id)));
		String meetingPage = planned.location().replaceAll("^https?://[^/]+", "");
		String version = browser.get(meetingPage).body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		for (String notes : List.of("First notes", "Second notes")) {
			var saved = browser.post(meetingPage, Map.of("heldOn", LocalDate.now().toString(), "title", "Data meeting",
					"agenda", "", "notes", notes, "version", version, "_csrf", browser.csrfFrom(meetingPage)));
			assertThat(saved.status()).isEqualTo(notes.startsWith("First") ? 302 : 409);
		}
		assertThat(browser.get(meetingPage).body()).contains("First notes").doesNotContain("Second notes");
	}

	@Test
	void anOversizedFileIsA413PageAndNothingIsKept() {
		long id = open();
		byte[] big = new byte[11 * 1024 * 1024];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		var answer = coach.browser()
			.postFile("/team/" + id + "/files", Map.of("_csrf", coach.browser().csrfFrom("/team/" + id)), "file",
					"big.pdf", "application/pdf", big);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("What you sent is too large for Coachroom").doesNotContain("Exception");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_resource WHERE workspace = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
	}

}
