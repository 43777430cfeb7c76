package org.coachroom.home;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.studygroup.session.AttendanceStatus;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.testsupport.CourseFixture;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.StatementCounter;
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
 * The home pages show each person's work: a teacher's next session, deadline and action
 * items; a coach's week, who is behind and what waits for review; HR's and an admin's
 * counts; a principal's school in numbers, never one teacher's coaching.
 */
@LaunchTest
class HomeDashboardTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudyGroupManagement groups;

	CourseFixture fixture;

	Launched coach;

	Launched teacher;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "home", "Lincoln coaching");
		coach = fixture.coach();
		teacher = fixture.teacher();
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	private static void profile(LaunchClient browser, String level, String start, Long school) {
		Map<String, String> form = new HashMap<>(
				Map.of("schoolLevel", level, "roleStartedOn", start, "_csrf", browser.csrfFrom("/pd")));
		if (school != null) {
			form.put("school", Long.toString(school));
		}
		assertThat(browser.post("/pd/profile", form).status()).isEqualTo(302);
	}

	private StudyGroup group(String title) {
		StudyGroup group = groups.create(coach.member(),
				new StudyGroup.Details(title, "Six shifts", null, StudyGroup.Kind.BOOK_STUDY, null, null,
						StudyGroup.Visibility.CLOSED, new BigDecimal("6"), "clock hours", List.of()),
				new CompletionRule(CompletionRule.Basis.COUNT, 1, false, false, 1, null));
		groups.addMembers(coach.member(), group.getId(), List.of(teacher.member().userId()));
		return group;
	}

	private GroupSession session(StudyGroup group, Instant start, String place, String url) {
		return groups.planSession(coach.member(), group.getId(),
				new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), place, url, null, null, null, null));
	}

	private long openTeam(String title) {
		LaunchClient browser = coach.browser();
		var opened = browser.post("/team", Map.of("title", title, "_csrf", browser.csrfFrom("/team")));
		assertThat(opened.status()).isEqualTo(302);
		long id = Long.parseLong(opened.location().replaceAll(".*/team/", ""));
		// the teacher joins as they arrive
		teacher.browser().get("/team");
		return id;
	}

	private long school(LaunchClient office, String name) {
		office.post("/pd/schools",
				Map.of("name", name, "level", "ELEMENTARY", "_csrf", office.csrfFrom("/pd/catalog")));
		return jdbc.sql("SELECT id FROM pd_school WHERE tenant_id = ? AND name = ?")
			.params(coach.member().tenant().value(), name)
			.query(Long.class)
			.single();
	}

	/**
	 * A second coach of the course who started in 2023: LETRS (required of elementary
	 * coaches) was due three years later, so it is overdue.
	 */
	private Launched overdueCoach() {
		Launched other = fixture.launch("oscar-" + fixture.course(), "Oscar Overdue", TestPlatform.INSTRUCTOR);
		profile(other.browser(), "ELEMENTARY", "2023-01-02", null);
		return other;
	}

	/** EYE induction is due three years after the role starts: ten days from now. */
	private static String startedDueSoon() {
		return LocalDate.now().minusYears(3).plusDays(10).toString();
	}

	@Test
	void aTeacherWithNothingPlannedReadsPlainEmptyStates() {
		String home = teacher.browser().get("/home").body();
		assertThat(home).contains("No study group session is planned for you yet.")
			.contains("Your deadlines count from when you started your role.")
			.contains("You are not in a study group yet.");
	}

	@Test
	void aTeacherSeesTheirNextSessionTheirNearestDeadlineAndTheirActionItems() {
		StudyGroup group = group("Shifting the Balance");
		Instant soon = Instant.now().plus(2, ChronoUnit.DAYS);
		session(group, Instant.now().plus(20, ChronoUnit.DAYS), "Library", null);
		session(group, soon, "Room 12", "https://meet.example.org/shifting");
		profile(teacher.browser(), "SECONDARY", LocalDate.now().minusMonths(2).toString(), null);
		long team = openTeam("Grade 3 team");
		coach.browser()
			.post("/team/" + team + "/actions",
					Map.of("text", "Bring three student work samples", "owner",
							Long.toString(teacher.member().userId()), "dueOn", LocalDate.now().plusDays(3).toString(),
							"_csrf", coach.browser().csrfFrom("/team/" + team)));
		coach.browser()
			.post("/team/" + team + "/actions", Map.of("text", "Coach's own errand", "owner",
					Long.toString(coach.member().userId()), "_csrf", coach.browser().csrfFrom("/team/" + team)));

		String home = teacher.browser().get("/home").body();
		String next = home.substring(home.indexOf("id=\"next-session\""), home.indexOf("id=\"my-deadline\""));
		assertThat(next).contains("Shifting the Balance")
			.contains("Room 12")
			.contains("href=\"https://meet.example.org/shifting\"")
			.doesNotContain("Library");
		String deadline = home.substring(home.indexOf("id=\"my-deadline\""), home.indexOf("id=\"my-groups\""));
		assertThat(deadline).contains("Entry Years Enhancement").containsPattern("0 of \\d+ met").contains("Due ");
		assertThat(home).contains("Bring three student work samples")
			.contains("Grade 3 team")
			.doesNotContain("Coach&#39;s own errand");
	}

	@Test
	void aTeachersHomeCostsAFewQueriesWhateverTheyHave() {
		StatementCounter.Counted<String> bare = StatementCounter.count(() -> teacher.browser().get("/home").body());
		assertThat(bare.result()).contains("You are not in a study group yet.");

		for (String title : List.of("Shifting the Balance", "Speech to Print", "Reading Reconsidered")) {
			StudyGroup group = group(title);
			session(group, Instant.now().plus(2, ChronoUnit.DAYS), "Room 12", null);
			session(group, Instant.now().plus(9, ChronoUnit.DAYS), "Library", null);
		}
		profile(teacher.browser(), "SECONDARY", LocalDate.now().minusMonths(2).toString(), null);
		long team = openTeam("Literacy team");
		for (String errand : List.of("Bring work samples", "Read chapter 3", "Score the exit tickets")) {
			coach.browser()
				.post("/team/" + team + "/actions",
						Map.of("text", errand, "owner", Long.toString(teacher.member().userId()), "dueOn",
								LocalDate.now().plusDays(3).toString(), "_csrf",
								coach.browser().csrfFrom("/team/" + team)));
		}
		// PD progress in a program: the teacher's own PD page records it
		teacher.browser().get("/pd");

		StatementCounter.Counted<String> busy = StatementCounter.count(() -> teacher.browser().get("/home").body());
		assertThat(busy.result()).contains("Reading Reconsidered")
			.contains("Score the exit tickets")
			.contains("Entry Years Enhancement");
		System.out.println("home statements: bare " + bare.statements() + "/" + bare.commits() + ", busy "
				+ busy.statements() + "/" + busy.commits());
		assertThat(bare.statements()).as("the session and one read per module").isLessThanOrEqualTo(6);
		assertThat(busy.statements()).as("whatever the person has").isLessThanOrEqualTo(12);
		assertThat(bare.commits() + busy.commits()).as("no transaction: round trips of its own").isZero();
		StatementCounter.Counted<String> coaches = StatementCounter.count(() -> coach.browser().get("/home").body());
		assertThat(coaches.result()).contains("Literacy team");
		assertThat(coaches.commits()).as("nor on a coach's home").isZero();
	}

	@Test
	void aCoachSeesTheWeeksSessionsWhoIsBehindAndTheEvidenceWaiting() {
		StudyGroup group = group("Speech to Print");
		session(group, Instant.now().plus(3, ChronoUnit.DAYS), "Room 7", null);
		session(group, Instant.now().plus(10, ChronoUnit.DAYS), "Next fortnight room", null);
		profile(teacher.browser(), "SECONDARY", startedDueSoon(), null);
		overdueCoach();

		String home = coach.browser().get("/home").body();
		String week = home.substring(home.indexOf("id=\"coach-sessions\""), home.indexOf("id=\"behind\""));
		assertThat(week).contains("Speech to Print").contains("Room 7").doesNotContain("Next fortnight room");
		String behind = home.substring(home.indexOf("id=\"behind\""), home.indexOf("id=\"evidence-waiting\""));
		assertThat(behind).contains("Oscar Overdue")
			.contains("LETRS")
			.contains("Overdue since")
			.contains("Maria Lopez")
			.contains("Entry Years Enhancement");
		assertThat(behind.indexOf("Oscar Overdue")).as("overdue first").isLessThan(behind.indexOf("Maria Lopez"));
		assertThat(home).contains("Nothing waits for your review.");
	}

	@Test
	void aCoachWithNoOneBehindAndNoSessionsSaysSo() {
		String home = coach.browser().get("/home").body();
		assertThat(home).contains("None of the groups you run meets in the next 7 days.")
			.contains("No one you support has PD overdue or due soon.");
	}

	@Test
	void aPrincipalsHomeShowsTheirSchoolInNumbersAndNoTeachersNameOrReflection() {
		Launched hr = fixture.launch("hr-" + fixture.course(), "Helen HR", ADMINISTRATOR,
				Map.of("coachroom_role", "HR"));
		long lincoln = school(hr.browser(), "Lincoln Elementary");
		profile(teacher.browser(), "ELEMENTARY", "2023-01-02", lincoln);
		// a study group at the school, with the teacher's reflection
		StudyGroup group = group("Confidential book study");
		GroupSession held = session(group, Instant.now().minus(1, ChronoUnit.DAYS), "Room 3", null);
		groups.recordAttendance(coach.member(), group.getId(), held.getId(),
				Map.of(teacher.member().userId(), AttendanceStatus.PRESENT));
		LaunchClient mine = teacher.browser();
		var reflected = mine.postPairs("/groups/" + group.getId() + "/reflections",
				List.of(new String[] { "_csrf", mine.csrfFrom("/groups/" + group.getId()) },
						new String[] { "sessionId", Long.toString(held.getId()) },
						new String[] { "body", "I struggle with my fourth period and feel behind." }));
		assertThat(reflected.status()).isEqualTo(302);
		// a PLC team of the school
		long team = openTeam("Grade 3 team");
		coach.browser()
			.post("/team/" + team + "/school",
					Map.of("school", String.valueOf(lincoln), "_csrf", coach.browser().csrfFrom("/team/" + team)));

		Launched principal = fixture.launch("p-" + fixture.course(), "Pat Principal", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "Principal"));
		String home = principal.browser().get("/home?as=PRINCIPAL").body();
		assertThat(home).contains("Lincoln Elementary")
			.contains("Grade 3 team")
			.contains("One PLC team")
			.contains("fewer than 5")
			.doesNotContain("Maria Lopez")
			.doesNotContain("I struggle with my fourth period")
			.doesNotContain("Confidential book study")
			// coaching in counts, now that there is coaching behind the cards
			.contains("Coaching support this month")
			.contains("There is no coaching activity to summarise for your school yet.")
			.contains("School goals with your coach");
		// an Instructor who is the principal coaches no one: their coach's view shows no
		// one's PD, group or reflection either
		String asCoach = principal.browser().get("/home?as=COACH").body();
		assertThat(asCoach).doesNotContain("Maria Lopez")
			.doesNotContain("I struggle with my fourth period")
			.doesNotContain("Confidential book study");
	}

	@Test
	void hrSeesTheDistrictsCountsAndTheEvidenceWaitingNotCoaching() {
		overdueCoach();
		StudyGroup group = group("Private study group");
		session(group, Instant.now().plus(1, ChronoUnit.DAYS), "Room 9", null);
		Launched hr = fixture.launch("hr-" + fixture.course(), "Helen HR", ADMINISTRATOR,
				Map.of("coachroom_role", "HR"));
		String home = hr.browser().get("/home?as=HR").body();
		String tiles = home.substring(home.indexOf("id=\"district-pd\""));
		assertThat(tiles).containsPattern("id=\"count-OVERDUE\">\\s*<strong>1</strong>");
		assertThat(home).contains("Nothing waits for your review.")
			.doesNotContain("Oscar Overdue")
			.doesNotContain("Maria Lopez")
			.doesNotContain("Private study group")
			.doesNotContain("Room 9");
	}

	@Test
	void aDistrictAdminSeesProgramsStandingsAndTheScoresWaiting() {
		overdueCoach();
		Launched admin = fixture.launch("admin-" + fixture.course(), "Dana Admin", ADMINISTRATOR);
		String home = admin.browser().get("/home?as=DISTRICT_ADMIN").body();
		assertThat(home).containsPattern("\\d+ programs in the catalog\\.")
			.contains("0 waiting to be sent, 0 failed.")
			.containsPattern(
					"Coachroom is connected to [^<]+ since \\d{1,2} \\w+ \\d{4}, registered by the Coachroom operator\\.")
			.containsPattern("id=\"count-OVERDUE\">\\s*<strong>1</strong>");
	}

}
