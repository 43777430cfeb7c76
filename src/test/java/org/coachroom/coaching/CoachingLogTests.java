package org.coachroom.coaching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.shared.DistrictClock;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.studygroup.session.GroupSession;
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

/**
 * The coaching log: a contact logged in one form, other time by category, the month's
 * share of time coaching against the district's aim, the spread of contacts without a
 * name, and every entry the coach's alone.
 */
@LaunchTest
class CoachingLogTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DistrictClock district;

	@Autowired
	StudyGroupManagement management;

	CourseFixture fixture;

	LocalDate today;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "log", "Lincoln coaching");
		today = district.today();
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	private LaunchClient.Response logContact(LaunchClient coach, Launched teacher, String support, String minutes,
			String heldOn) {
		return coach.post("/coaching/contacts", Map.of("teacher", Long.toString(teacher.member().userId()), "support",
				support, "minutes", minutes, "heldOn", heldOn, "note", "", "_csrf", coach.csrfFrom("/coaching")));
	}

	private int contacts() {
		return jdbc.sql("SELECT COUNT(*) FROM coaching_contact WHERE coach_ref = ?")
			.param(fixture.coach().member().userId())
			.query(Integer.class)
			.single();
	}

	@Test
	void aContactLoggedFromTheQuickLogJoinsTheTeachersOpenCycle() {
		LaunchClient coach = fixture.coach().browser();
		LaunchClient.Response opened = coach.post("/coaching/cycles",
				Map.of("teacher", Long.toString(fixture.teacher().member().userId()), "goal", "Guided reading groups",
						"_csrf", coach.csrfFrom("/coaching/cycles/new")));
		long cycle = Long.parseLong(opened.location().replaceAll(".*/coaching/cycles/", ""));

		assertThat(logContact(coach, fixture.teacher(), "MODEL_LESSON", "40", today.toString()).status())
			.isEqualTo(302);

		assertThat(jdbc.sql("SELECT cycle_id FROM coaching_contact WHERE coach_ref = ?")
			.param(fixture.coach().member().userId())
			.query(Long.class)
			.single()).isEqualTo(cycle);
		assertThat(fixture.teacher().browser().get("/coaching/cycles/" + cycle).body()).contains("Model lesson")
			.contains("40 minutes");
	}

	@Test
	void theMonthShowsTheShareOfTimeCoachingAgainstTheAimAndASpreadWithoutNames() {
		Launched second = fixture.launch("t2-" + fixture.course(), "Noor Haddad", TestPlatform.LEARNER);
		LaunchClient coach = fixture.coach().browser();
		logContact(coach, fixture.teacher(), "CO_TEACHING", "30", today.toString());
		logContact(coach, fixture.teacher(), "PLANNING", "30", today.toString());
		logContact(coach, second, "CO_TEACHING", "60", today.toString());
		assertThat(coach
			.post("/coaching/other-time", Map.of("category", "DUTY", "minutes", "40", "spentOn", today.toString(),
					"_csrf", coach.csrfFrom("/coaching")))
			.status()).isEqualTo(302);

		String page = coach.get("/coaching").body();
		String month = page.substring(page.indexOf("id=\"month\""), page.indexOf("id=\"year\""));
		// 120 minutes coaching of 160 logged
		assertThat(month).containsPattern("id=\"month-share\">\\s*<strong>75 %</strong>")
			.contains("the district aims for 75 %")
			.doesNotContain("below the aim")
			.containsPattern("id=\"month-contacts\"><strong>3</strong>")
			.containsPattern("id=\"month-teachers\"><strong>2</strong>")
			.contains("Co-teaching: 90 min")
			.doesNotContain("Noor Haddad")
			.doesNotContain("Maria Lopez");
		// one person had one contact, one had two
		assertThat(month).containsPattern("<th scope=\"row\">1</th>\\s*<td>1</td>")
			.containsPattern("<th scope=\"row\">2–3</th>\\s*<td>1</td>");
		assertThat(month).contains("Duty (lunch, recess, bus): 40 minutes");
		// the spread as a chart too, with the same numbers
		assertThat(month).contains("1 contact: 1 person")
			.contains("2–3 contacts: 1 person")
			.contains("7 or more contacts: no one");
	}

	@Test
	void aRefusedEntryIsA400WithItsMessageAndNothingIsLogged() {
		LaunchClient coach = fixture.coach().browser();
		Map<String[], String> cases = Map.of(new String[] { "CO_TEACHING", "0", today.toString() },
				"Give the minutes as a whole number from 1 to 480.",
				new String[] { "CO_TEACHING", "481", today.toString() },
				"Give the minutes as a whole number from 1 to 480.",
				new String[] { "CO_TEACHING", "30", today.plusDays(1).toString() }, "Log time once it has happened",
				new String[] { "RATING", "30", today.toString() }, "Choose the kind of support.",
				new String[] { "CO_TEACHING", "30", "1900-01-01" }, "Give the day as a date");
		cases.forEach((form, message) -> {
			LaunchClient.Response refused = logContact(coach, fixture.teacher(), form[0], form[1], form[2]);
			assertThat(refused.status()).as(message).isEqualTo(400);
			assertThat(refused.body()).contains(message);
		});
		LaunchClient.Response tooLongNote = coach.post("/coaching/contacts",
				Map.of("teacher", Long.toString(fixture.teacher().member().userId()), "support", "VIDEO", "minutes",
						"20", "heldOn", today.toString(), "note", "n".repeat(1001), "_csrf",
						coach.csrfFrom("/coaching")));
		assertThat(tooLongNote.status()).isEqualTo(400);
		assertThat(tooLongNote.body()).contains("Keep the note to 1,000 characters.");
		assertThat(contacts()).isZero();
	}

	@Test
	void aCoachLogsOnlyPeopleTheySupportAndTakesBackOnlyTheirOwnEntries() {
		Launched principal = fixture.launch("p-" + fixture.course(), "Pat Principal", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "Principal"));
		LaunchClient coach = fixture.coach().browser();
		assertThat(logContact(coach, principal, "OBSERVATION", "30", today.toString()).status()).isEqualTo(400);
		assertThat(contacts()).isZero();

		logContact(coach, fixture.teacher(), "OBSERVATION", "30", today.toString());
		long entry = jdbc.sql("SELECT id FROM coaching_contact WHERE coach_ref = ?")
			.param(fixture.coach().member().userId())
			.query(Long.class)
			.single();
		Launched otherCoach = fixture.launch("c2-" + fixture.course(), "Other Coach", TestPlatform.INSTRUCTOR);
		LaunchClient other = otherCoach.browser();
		assertThat(other.post("/coaching/contacts/" + entry + "/remove", Map.of("_csrf", other.csrfFrom("/coaching")))
			.status()).isEqualTo(404);
		assertThat(contacts()).isOne();
		assertThat(coach.post("/coaching/contacts/" + entry + "/remove", Map.of("_csrf", coach.csrfFrom("/coaching")))
			.status()).isEqualTo(302);
		assertThat(contacts()).isZero();
	}

	@Test
	void aPrincipalOrHrHasNoLogAndCannotWriteToOne() {
		for (String role : new String[] { "Principal", "HR" }) {
			Launched evaluator = fixture.launch(role + "-" + fixture.course(), role + " Person",
					TestPlatform.INSTRUCTOR, Map.of("coachroom_role", role));
			LaunchClient browser = evaluator.browser();
			assertThat(browser.get("/coaching").status()).isEqualTo(302);
			LaunchClient.Response write = browser.post("/coaching/contacts",
					Map.of("teacher", Long.toString(fixture.teacher().member().userId()), "support", "OBSERVATION",
							"minutes", "30", "heldOn", today.toString(), "_csrf", browser.csrfFrom("/home")));
			assertThat(write.status()).isEqualTo(404);
		}
		assertThat(contacts()).isZero();
	}

	@Test
	void sessionsAndMeetingsTheCoachRanCountAsCoachingTimeWithoutASecondEntry() {
		Instant start = Instant.now().minus(2, ChronoUnit.HOURS);
		StudyGroup group = management.create(fixture.coach().member(),
				new StudyGroup.Details("Lesson study", "Purpose", null, StudyGroup.Kind.LESSON_STUDY, null, null,
						StudyGroup.Visibility.OPEN, new BigDecimal("3"), "clock hours", List.of()),
				CompletionRule.DISTRICT_DEFAULT);
		management.planSession(fixture.coach().member(), group.getId(),
				new GroupSession.Plan(start, start.plus(60, ChronoUnit.MINUTES), null, null, null, null, null, null));
		management.planSession(fixture.coach().member(), group.getId(),
				new GroupSession.Plan(start.plus(3, ChronoUnit.DAYS),
						start.plus(3, ChronoUnit.DAYS).plus(60, ChronoUnit.MINUTES), null, null, null, null, null,
						null));
		LaunchClient coach = fixture.coach().browser();
		long team = Long
			.parseLong(coach.post("/team", Map.of("title", "Grade 1 team", "_csrf", coach.csrfFrom("/team")))
				.location()
				.replaceAll(".*/team/", ""));
		LaunchClient.Response badLength = coach.post("/team/" + team + "/meetings", Map.of("heldOn", today.toString(),
				"title", "Data", "minutes", "three hours", "_csrf", coach.csrfFrom("/team/" + team)));
		assertThat(badLength.status()).isEqualTo(400);
		assertThat(badLength.body()).contains("Give the length as a whole number of minutes, from 5 to 480");
		coach.post("/team/" + team + "/meetings", Map.of("heldOn", today.toString(), "title", "Data", "minutes", "30",
				"_csrf", coach.csrfFrom("/team/" + team)));
		coach.post("/team/" + team + "/meetings", Map.of("heldOn", today.toString(), "title", "Norms", "minutes", "",
				"_csrf", coach.csrfFrom("/team/" + team)));
		coach.post("/team/" + team + "/meetings", Map.of("heldOn", today.plusDays(2).toString(), "title", "Later",
				"minutes", "60", "_csrf", coach.csrfFrom("/team/" + team)));
		coach.post("/coaching/other-time", Map.of("category", "MEETINGS", "minutes", "45", "spentOn", today.toString(),
				"_csrf", coach.csrfFrom("/coaching")));

		String page = coach.get("/coaching").body();
		String year = page.substring(page.indexOf("id=\"year\""));
		// 60 (the session held) + 30 + 45 (a meeting without a length) of 180 logged; the
		// session and meeting still ahead do not count
		assertThat(year).containsPattern("id=\"year-share\">\\s*<strong>75 %</strong>")
			.contains("One study group session (60 minutes) and 2 team meetings (75 minutes) you ran count")
			.contains("One meeting had no length: counted at 45 minutes");
	}

	@Test
	void aContactWithAPlcTeamTheCoachFacilitatesCountsAsATeamAndNoOtherTeamCanBeNamed() {
		LaunchClient coach = fixture.coach().browser();
		long team = Long.parseLong(coach.post("/team", Map.of("title", "Grade 4 PLC", "_csrf", coach.csrfFrom("/team")))
			.location()
			.replaceAll(".*/team/", ""));
		assertThat(coach.get("/coaching").body()).contains("value=\"team-" + team + "\"").contains("Grade 4 PLC");
		LaunchClient.Response logged = coach.post("/coaching/contacts",
				Map.of("teacher", "team-" + team, "support", "DATA_CONVERSATION", "minutes", "50", "heldOn",
						today.toString(), "_csrf", coach.csrfFrom("/coaching")));
		assertThat(logged.status()).isEqualTo(302);
		assertThat(jdbc.sql(
				"SELECT CONCAT(COALESCE(teacher_ref, 'none'), '/', team_ref) FROM coaching_contact WHERE coach_ref = ?")
			.param(fixture.coach().member().userId())
			.query(String.class)
			.single()).isEqualTo("none/" + team);
		String page = coach.get("/coaching").body();
		String month = page.substring(page.indexOf("id=\"month\""), page.indexOf("id=\"year\""));
		assertThat(month).containsPattern("id=\"month-teams\"><strong>1</strong>")
			.containsPattern("id=\"month-teachers\"><strong>0</strong>")
			.contains("Data conversation: 50 min");
		assertThat(page.substring(page.indexOf("id=\"latest\""))).contains("with Grade 4 PLC");

		// another coach's team is no team of this coach's
		try (CourseFixture elsewhere = CourseFixture.start(port, registry, jdbc, "team-else", "Grade 5")) {
			LaunchClient other = elsewhere.coach().browser();
			long theirs = Long
				.parseLong(other.post("/team", Map.of("title", "Grade 5 PLC", "_csrf", other.csrfFrom("/team")))
					.location()
					.replaceAll(".*/team/", ""));
			LaunchClient.Response refused = coach.post("/coaching/contacts",
					Map.of("teacher", "team-" + theirs, "support", "PLANNING", "minutes", "30", "heldOn",
							today.toString(), "_csrf", coach.csrfFrom("/coaching")));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.body()).contains("Choose someone you coach in this course.");
		}
		assertThat(contacts()).isOne();
	}

}
