package org.coachroom.coaching;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.shared.DistrictClock;
import org.coachroom.testsupport.CourseFixture;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Coaching cycles: a coach opens one with a teacher they support, the teacher co-owns it
 * and closes it with a reflection, the coach's notes stay the coach's, and for anyone
 * else the cycle does not exist.
 */
@LaunchTest
class CoachingCycleTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DistrictClock district;

	CourseFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "coaching", "Lincoln coaching");
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	private long open(Launched coach, Launched teacher, String goal) {
		LaunchClient browser = coach.browser();
		LaunchClient.Response opened = browser.post("/coaching/cycles",
				Map.of("teacher", Long.toString(teacher.member().userId()), "goal", goal, "schoolGoal",
						"Every reader on grade level", "_csrf", browser.csrfFrom("/coaching/cycles/new")));
		assertThat(opened.status()).as(opened.body()).isEqualTo(302);
		return Long.parseLong(opened.location().replaceAll(".*/coaching/cycles/", ""));
	}

	private int cycles() {
		return jdbc.sql("SELECT COUNT(*) FROM coaching_cycle WHERE coach_ref = ?")
			.param(fixture.coach().member().userId())
			.query(Integer.class)
			.single();
	}

	@Test
	void aCoachOpensACycleWithATeacherTheySupportAndTheTeacherSeesItAsTheirs() {
		assertThat(fixture.coach().browser().get("/coaching/cycles/new").body()).contains("Maria Lopez");
		long id = open(fixture.coach(), fixture.teacher(), "Small-group phonics my students ask for");

		String coachPage = fixture.coach().browser().get("/coaching/cycles/" + id).body();
		assertThat(coachPage).contains("Coaching cycle with Maria Lopez")
			.contains("Small-group phonics my students ask for")
			.contains("Every reader on grade level");
		LaunchClient.Response teacherPage = fixture.teacher().browser().get("/coaching/cycles/" + id);
		assertThat(teacherPage.status()).isEqualTo(200);
		assertThat(teacherPage.body()).contains("Your coaching cycle with Carla Coach")
			.contains("Small-group phonics my students ask for")
			.contains("id=\"close-form\"");
		assertThat(fixture.teacher().browser().get("/coaching/cycles").body()).contains("Small-group phonics")
			.contains("with Carla Coach");
	}

	@Test
	void theCoachsOwnNotesAndContactNotesNeverReachTheTeachersPage() {
		long id = open(fixture.coach(), fixture.teacher(), "Questioning during read-alouds");
		LaunchClient coach = fixture.coach().browser();
		String csrf = coach.csrfFrom("/coaching/cycles/" + id);
		assertThat(coach
			.post("/coaching/cycles/" + id + "/notes",
					Map.of("notes", "Seems anxious about the walk-through", "_csrf", csrf))
			.status()).isEqualTo(302);
		assertThat(coach.post("/coaching/contacts",
				Map.of("cycle", Long.toString(id), "teacher", Long.toString(fixture.teacher().member().userId()),
						"support", "CO_TEACHING", "minutes", "45", "heldOn", district.today().toString(), "note",
						"Private aside on pacing", "_csrf", csrf))
			.status()).isEqualTo(302);

		assertThat(coach.get("/coaching/cycles/" + id).body()).contains("Seems anxious about the walk-through")
			.contains("Private aside on pacing")
			.contains("Co-teaching");
		String teacherPage = fixture.teacher().browser().get("/coaching/cycles/" + id).body();
		assertThat(teacherPage).contains("Co-teaching")
			.contains("45 minutes")
			.doesNotContain("Seems anxious")
			.doesNotContain("Private aside on pacing")
			.doesNotContain("id=\"notes-form\"");
		LaunchClient teacher = fixture.teacher().browser();
		assertThat(teacher
			.post("/coaching/cycles/" + id + "/notes",
					Map.of("notes", "overwritten", "_csrf", teacher.csrfFrom("/coaching/cycles/" + id)))
			.status()).isEqualTo(404);
		assertThat(
				jdbc.sql("SELECT coach_notes FROM coaching_cycle WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Seems anxious about the walk-through");
	}

	@Test
	void theTeacherClosesWithAReflectionWhichTheCoachReadsAndTheCoachCannotCloseForThem() {
		long id = open(fixture.coach(), fixture.teacher(), "Exit tickets that tell me who needs what");
		LaunchClient coach = fixture.coach().browser();
		assertThat(coach
			.post("/coaching/cycles/" + id + "/close",
					Map.of("reflection", "Written by the coach", "_csrf", coach.csrfFrom("/coaching/cycles/" + id)))
			.status()).isEqualTo(404);

		LaunchClient teacher = fixture.teacher().browser();
		LaunchClient.Response closed = teacher.post("/coaching/cycles/" + id + "/close",
				Map.of("reflection", "Exit tickets sort my groups in two minutes.", "whatChanged",
						"Groups change weekly now", "_csrf", teacher.csrfFrom("/coaching/cycles/" + id)));
		assertThat(closed.status()).isEqualTo(302);
		assertThat(coach.get("/coaching/cycles/" + id).body()).contains("Exit tickets sort my groups in two minutes.")
			.contains("Groups change weekly now")
			.contains("Closed");

		LaunchClient.Response late = coach.post("/coaching/cycles/" + id + "/moves",
				Map.of("kind", "MODEL_LESSON", "_csrf", coach.csrfFrom("/coaching/cycles/" + id)));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.body()).contains("This cycle is closed");
	}

	@Test
	void aCycleDoesNotExistForAPrincipalHrAnotherCoachAnotherTeacherOrAnotherDistrict() {
		long id = open(fixture.coach(), fixture.teacher(), "Talk moves in math");
		Launched principal = fixture.launch("p-" + fixture.course(), "Pat Principal", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "Principal"));
		Launched hr = fixture.launch("hr-" + fixture.course(), "Helen HR", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "HR"));
		Launched otherCoach = fixture.launch("c2-" + fixture.course(), "Other Coach", TestPlatform.INSTRUCTOR);
		Launched otherTeacher = fixture.launch("t2-" + fixture.course(), "Other Teacher", TestPlatform.LEARNER);
		try (CourseFixture elsewhere = CourseFixture.start(port, registry, jdbc, "elsewhere", "Another district")) {
			for (Launched someone : new Launched[] { principal, hr, otherCoach, otherTeacher, elsewhere.coach(),
					elsewhere.teacher() }) {
				LaunchClient.Response page = someone.browser().get("/coaching/cycles/" + id);
				assertThat(page.status()).as(someone.member().name()).isEqualTo(404);
				assertThat(page.body()).doesNotContain("Talk moves in math").doesNotContain("Maria Lopez");
				assertThat(someone.browser().get("/coaching/cycles").body()).doesNotContain("Talk moves in math");
			}
		}
	}

	@Test
	void aCoachNamesOnlyTeachersTheySupportNeverAPrincipalOrSomeoneOfAnotherCourse() {
		Launched principal = fixture.launch("p-" + fixture.course(), "Pat Principal", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "Principal"));
		assertThat(fixture.coach().browser().get("/coaching/cycles/new").body()).doesNotContain("Pat Principal");
		try (CourseFixture elsewhere = CourseFixture.start(port, registry, jdbc, "elsewhere", "Another district")) {
			for (long who : new long[] { principal.member().userId(), elsewhere.teacher().member().userId(),
					fixture.coach().member().userId() }) {
				LaunchClient coach = fixture.coach().browser();
				LaunchClient.Response refused = coach.post("/coaching/cycles", Map.of("teacher", Long.toString(who),
						"goal", "A goal", "_csrf", coach.csrfFrom("/coaching/cycles/new")));
				assertThat(refused.status()).isEqualTo(400);
				assertThat(refused.body()).contains("Choose a teacher you coach in this course.");
			}
		}
		assertThat(cycles()).isZero();
	}

	@Test
	void aRefusedFieldIsA400WithItsMessageBesideItAndNothingIsSaved() {
		LaunchClient coach = fixture.coach().browser();
		String teacher = Long.toString(fixture.teacher().member().userId());
		Map<String, String> blankGoal = new HashMap<>(Map.of("teacher", teacher, "goal", "   "));
		Map<String, String> longGoal = new HashMap<>(Map.of("teacher", teacher, "goal", "x".repeat(2001)));
		Map<String, String> notANumber = new HashMap<>(Map.of("teacher", "Maria", "goal", "A goal"));
		Map<String, String> longSchoolGoal = new HashMap<>(
				Map.of("teacher", teacher, "goal", "A goal", "schoolGoal", "y".repeat(501)));
		Map<Map<String, String>, String> cases = Map.of(blankGoal, "Write the goal, in the teacher&#39;s words.",
				longGoal, "Keep the goal to 2,000 characters.", notANumber,
				"Choose a teacher you coach in this course.", longSchoolGoal,
				"Keep the school goal to 500 characters.");
		cases.forEach((form, message) -> {
			form.put("_csrf", coach.csrfFrom("/coaching/cycles/new"));
			LaunchClient.Response refused = coach.post("/coaching/cycles", form);
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.body()).contains(message).contains("aria-invalid=\"true\"");
		});
		assertThat(cycles()).isZero();

		long id = open(fixture.coach(), fixture.teacher(), "A goal");
		LaunchClient teacherBrowser = fixture.teacher().browser();
		LaunchClient.Response noReflection = teacherBrowser.post("/coaching/cycles/" + id + "/close",
				Map.of("reflection", " ", "_csrf", teacherBrowser.csrfFrom("/coaching/cycles/" + id)));
		assertThat(noReflection.status()).isEqualTo(400);
		assertThat(noReflection.body()).contains("Write your reflection to close the cycle.");
		assertThat(jdbc.sql("SELECT status FROM coaching_cycle WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("OPEN");
		LaunchClient.Response badMove = coach.post("/coaching/cycles/" + id + "/moves", Map.of("kind", "RATING",
				"plannedOn", "20026-01-01", "_csrf", coach.csrfFrom("/coaching/cycles/" + id)));
		assertThat(badMove.status()).isEqualTo(400);
		assertThat(badMove.body()).contains("Choose what you plan.").contains("Give the day as a date");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM coaching_cycle_move WHERE cycle = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anObservationIsWrittenInWordsAgainstLookForsAndOnlyTheTeacherReadsIt() {
		long id = open(fixture.coach(), fixture.teacher(), "Turn-and-talk in science");
		LaunchClient coach = fixture.coach().browser();
		String csrf = coach.csrfFrom("/coaching/cycles/" + id + "/observations/new");
		LaunchClient.Response none = coach.postPairs("/coaching/cycles/" + id + "/observations",
				List.of(new String[] { "kind", "OBSERVATION" },
						new String[] { "observedOn", district.today().toString() },
						new String[] { "lookFor", "Teacher is rated 4 of 5" },
						new String[] { "seen", "Students talked." }, new String[] { "_csrf", csrf }));
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.body()).contains("Choose or write at least one look-for");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM coaching_observation WHERE cycle = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();

		LaunchClient.Response written = coach.postPairs("/coaching/cycles/" + id + "/observations", List.of(
				new String[] { "kind", "WALK_THROUGH" }, new String[] { "observedOn", district.today().toString() },
				new String[] { "lookFor", "Students explain their thinking" },
				new String[] { "ownLookFors", "Partners use the sentence frames" },
				new String[] { "seen", "Six of eight pairs used the frames without a prompt." },
				new String[] { "questions", "What made the two other pairs stop?" }, new String[] { "_csrf", csrf }));
		assertThat(written.status()).isEqualTo(302);
		String path = written.location().replaceAll("^https?://[^/]+", "");

		String teacherView = fixture.teacher().browser().get(path).body();
		assertThat(teacherView).contains("Six of eight pairs used the frames without a prompt.")
			.contains("Students explain their thinking")
			.contains("Partners use the sentence frames")
			.contains("What made the two other pairs stop?")
			.doesNotContain("id=\"observation-form\"");
		assertThat(fixture.teacher().browser().get("/coaching/cycles/" + id).body()).contains("Walk-through");
		Launched principal = fixture.launch("p-" + fixture.course(), "Pat Principal", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "Principal"));
		Launched otherCoach = fixture.launch("c2-" + fixture.course(), "Other Coach", TestPlatform.INSTRUCTOR);
		for (Launched someone : new Launched[] { principal, otherCoach }) {
			LaunchClient.Response page = someone.browser().get(path);
			assertThat(page.status()).isEqualTo(404);
			assertThat(page.body()).doesNotContain("Six of eight pairs");
		}
		LaunchClient teacher = fixture.teacher().browser();
		assertThat(teacher
			.postPairs(path,
					List.of(new String[] { "kind", "OBSERVATION" },
							new String[] { "observedOn", district.today().toString() },
							new String[] { "ownLookFors", "x" }, new String[] { "seen", "Rewritten by the teacher" },
							new String[] { "version", "0" }, new String[] { "_csrf", teacher.csrfFrom("/home") }))
			.status()).isEqualTo(404);
	}

	@Test
	void aCycleClosedWithTheTeachersReflectionCountsAsPdCreditAndOpeningItAgainTakesItBack() {
		long id = open(fixture.coach(), fixture.teacher(), "Conferring with readers");
		LaunchClient coach = fixture.coach().browser();
		for (String minutes : new String[] { "45", "50" }) {
			coach.post("/coaching/contacts",
					Map.of("cycle", Long.toString(id), "teacher", Long.toString(fixture.teacher().member().userId()),
							"support", "CO_TEACHING", "minutes", minutes, "heldOn", district.today().toString(),
							"_csrf", coach.csrfFrom("/home")));
		}
		LaunchClient teacher = fixture.teacher().browser();
		teacher.post("/coaching/cycles/" + id + "/close", Map.of("reflection", "Conferring changed my small groups.",
				"_csrf", teacher.csrfFrom("/coaching/cycles/" + id)));

		// 95 minutes of contacts: one and a half hours, in quarter hours
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(credit(id)).isEqualTo("1.50 open"));
		assertThat(teacher.get("/pd").body()).contains("Coaching cycle: Conferring with readers");

		teacher.post("/coaching/cycles/" + id + "/reopen", Map.of("_csrf", teacher.csrfFrom("/coaching/cycles/" + id)));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(credit(id)).isEqualTo("1.50 withdrawn"));
		assertThat(teacher.get("/pd").body()).doesNotContain("Coaching cycle: Conferring with readers");
	}

	private String credit(long cycle) {
		return jdbc.sql("""
				SELECT CONCAT(hours, IF(withdrawn_at IS NULL OR withdrawn_at < completed_at, ' open', ' withdrawn'))
				FROM pd_credit WHERE source = 'COACHING_CYCLE' AND source_id = ? AND user_ref = ?""")
			.params(cycle, fixture.teacher().member().userId())
			.query(String.class)
			.optional()
			.orElse("none");
	}

	@Test
	void aCycleWithAPlcTeamIsItsMembersAndTheCoachsAndNoOneElses() {
		LaunchClient coach = fixture.coach().browser();
		long team = Long.parseLong(coach.post("/team", Map.of("title", "Grade 2 PLC", "_csrf", coach.csrfFrom("/team")))
			.location()
			.replaceAll(".*/team/", ""));
		LaunchClient teacher = fixture.teacher().browser();
		teacher.get("/team");
		Launched outsider = fixture.launch("o-" + fixture.course(), "Olga Outside", TestPlatform.LEARNER);
		Launched principal = fixture.launch("p-" + fixture.course(), "Pat Principal", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "Principal"));
		// the outsider joins no team: they never open it
		assertThat(coach.get("/coaching/cycles/new").body()).contains("value=\"team-" + team + "\"");

		LaunchClient.Response opened = coach.post("/coaching/cycles", Map.of("teacher", "team-" + team, "goal",
				"Common exit tickets every Friday", "_csrf", coach.csrfFrom("/coaching/cycles/new")));
		assertThat(opened.status()).as(opened.body()).isEqualTo(302);
		long id = Long.parseLong(opened.location().replaceAll(".*/coaching/cycles/", ""));
		assertThat(coach.get("/coaching/cycles/" + id).body()).contains("Coaching cycle with Grade 2 PLC");

		coach.post("/coaching/contacts",
				Map.of("cycle", Long.toString(id), "teacher", "team-" + team, "support", "DATA_CONVERSATION", "minutes",
						"50", "heldOn", district.today().toString(), "_csrf", coach.csrfFrom("/home")));
		coach.post("/coaching/cycles/" + id + "/moves", Map.of("kind", "MODEL_LESSON", "plannedOn",
				district.today().plusDays(4).toString(), "_csrf", coach.csrfFrom("/home")));
		assertThat(feed(teacher)).as("the team's cycle is on each member's calendar")
			.contains("Model lesson with Carla Coach");
		assertThat(feed(coach)).contains("Model lesson with Grade 2 PLC");
		String membersView = teacher.get("/coaching/cycles/" + id).body();
		assertThat(membersView).contains("Common exit tickets every Friday")
			.contains("Data conversation")
			.contains("id=\"close-form\"");
		assertThat(teacher.get("/coaching/cycles").body()).contains("Common exit tickets every Friday");
		for (Launched someone : new Launched[] { outsider, principal }) {
			assertThat(someone.browser().get("/coaching/cycles/" + id).status()).isEqualTo(404);
			assertThat(someone.browser().get("/coaching/cycles").body()).doesNotContain("Common exit tickets");
		}
		// another coach's team is no team of this coach's
		try (CourseFixture elsewhere = CourseFixture.start(port, registry, jdbc, "tc-else", "Elsewhere")) {
			LaunchClient other = elsewhere.coach().browser();
			long theirs = Long
				.parseLong(other.post("/team", Map.of("title", "Their PLC", "_csrf", other.csrfFrom("/team")))
					.location()
					.replaceAll(".*/team/", ""));
			LaunchClient.Response refused = coach.post("/coaching/cycles",
					Map.of("teacher", "team-" + theirs, "goal", "x", "_csrf", coach.csrfFrom("/coaching/cycles/new")));
			assertThat(refused.status()).isEqualTo(400);
		}

		teacher.post("/coaching/cycles/" + id + "/close", Map.of("reflection", "Friday tickets set Monday's groups.",
				"_csrf", teacher.csrfFrom("/coaching/cycles/" + id)));
		assertThat(coach.get("/coaching/cycles/" + id).body()).contains("Friday tickets set Monday&#39;s groups.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM coaching_cycle WHERE id = ? AND status = 'CLOSED'")
			.param(id)
			.query(Integer.class)
			.single()).isOne();

		// a member who becomes a principal in the team's course is of no team, whatever
		// their older session says
		fixture.launch(fixture.teacher().member().subject(), "Maria Lopez", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "Principal"));
		assertThat(teacher.get("/coaching/cycles/" + id).status()).isEqualTo(404);
		assertThat(teacher.get("/coaching/cycles").body()).doesNotContain("Common exit tickets");
	}

	/** The person's calendar feed, through a link they make. */
	private String feed(LaunchClient browser) {
		browser.post("/coaching/calendar/link", Map.of("_csrf", browser.csrfFrom("/coaching/calendar")));
		String url = browser.get("/coaching/calendar")
			.body()
			.replaceAll("(?s).*id=\"feed-url\" readonly value=\"[^\"]*(/calendar/[^\"]+)\".*", "$1");
		return new String(new LaunchClient("http://localhost:" + port).getBytes(url).body(), StandardCharsets.UTF_8)
			.replace("\r\n ", "");
	}

}
