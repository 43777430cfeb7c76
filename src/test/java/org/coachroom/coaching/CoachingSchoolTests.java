package org.coachroom.coaching;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.Schools;
import org.coachroom.shared.DistrictClock;
import org.coachroom.shared.TenantId;
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
 * Coaching by school: the coach names the schools they serve and each contact counts for
 * one; the principal sees their school's month in counts (a count under five as "fewer
 * than 5", never one a total gives away), never a teacher; the district admin sees every
 * school's; HR, teachers and coaches find no such page; the school goals are a short list
 * both the principal and the coach keep.
 */
@LaunchTest
class CoachingSchoolTests {

	private static final String STAFF = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Staff";

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DistrictClock district;

	@Autowired
	Schools schools;

	CourseFixture fixture;

	LocalDate today;

	long lincoln;

	long roosevelt;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "school", "Lincoln coaching");
		today = district.today();
		TenantId tenant = fixture.coach().member().tenant();
		schools.listAtSetUp(tenant, "Lincoln Elementary", SchoolLevel.ELEMENTARY);
		schools.listAtSetUp(tenant, "Roosevelt Middle", SchoolLevel.SECONDARY);
		lincoln = schoolNamed("Lincoln Elementary");
		roosevelt = schoolNamed("Roosevelt Middle");
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	private long schoolNamed(String name) {
		return schools.open(fixture.coach().member().tenant().value())
			.stream()
			.filter(s -> s.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private LaunchClient.Response nameSchools(LaunchClient coach, String... ids) {
		List<String[]> pairs = new ArrayList<>();
		for (String id : ids) {
			pairs.add(new String[] { "school", id });
		}
		pairs.add(new String[] { "_csrf", coach.csrfFrom("/coaching") });
		return coach.postPairs("/coaching/schools", pairs);
	}

	private LaunchClient.Response logContact(LaunchClient coach, Launched teacher, String support, LocalDate on,
			String school, String note) {
		Map<String, String> form = new HashMap<>(Map.of("teacher", Long.toString(teacher.member().userId()), "support",
				support, "minutes", "30", "heldOn", on.toString(), "note", note, "_csrf", coach.csrfFrom("/coaching")));
		if (school != null) {
			form.put("school", school);
		}
		return coach.post("/coaching/contacts", form);
	}

	/** Teachers of the course besides Maria Lopez, by name. */
	private List<Launched> teachers(int n) {
		List<Launched> teachers = new ArrayList<>();
		teachers.add(fixture.teacher());
		for (int i = 1; i < n; i++) {
			teachers.add(fixture.launch("t" + i + "-" + fixture.course(), "Teacher Number" + i, TestPlatform.LEARNER));
		}
		return teachers;
	}

	private Launched principal(String sub) {
		return fixture.launch(sub + "-" + fixture.course(), "Pat Principal", STAFF,
				Map.of("coachroom_role", "Principal"));
	}

	private static String between(String page, String from, String to) {
		int start = page.indexOf(from);
		assertThat(start).as(from + " on the page").isNotNegative();
		int end = page.indexOf(to, start);
		return page.substring(start, end < 0 ? page.length() : end);
	}

	private List<Long> contactSchools() {
		return jdbc.sql("SELECT school_ref FROM coaching_contact WHERE coach_ref = ? ORDER BY id")
			.param(fixture.coach().member().userId())
			.query((rs, n) -> (Long) rs.getObject(1, Long.class))
			.list();
	}

	@Test
	void aCoachNamesTheSchoolsTheyServeAndEachContactCountsForOne() {
		LaunchClient coach = fixture.coach().browser();
		// a contact logged before the coach named a school counts for none
		assertThat(logContact(coach, fixture.teacher(), "PLANNING", today, null, "").status()).isEqualTo(302);

		assertThat(nameSchools(coach, Long.toString(lincoln)).status()).isEqualTo(302);
		assertThat(coach.get("/coaching").body()).contains("Goals and needs at Lincoln Elementary")
			.doesNotContain("Goals and needs at Roosevelt Middle");
		// the only school: the contact counts for it without asking
		assertThat(logContact(coach, fixture.teacher(), "PLANNING", today, null, "").status()).isEqualTo(302);

		// two schools: the coach says which
		assertThat(nameSchools(coach, Long.toString(lincoln), Long.toString(roosevelt)).status()).isEqualTo(302);
		LaunchClient.Response unsaid = logContact(coach, fixture.teacher(), "PLANNING", today, null, "");
		assertThat(unsaid.status()).isEqualTo(400);
		assertThat(unsaid.body()).contains("Choose the school this contact counts for");
		assertThat(logContact(coach, fixture.teacher(), "PLANNING", today, "999999999", "").status()).isEqualTo(400);
		assertThat(logContact(coach, fixture.teacher(), "PLANNING", today, Long.toString(roosevelt), "").status())
			.isEqualTo(302);

		assertThat(contactSchools()).containsExactly(null, lincoln, roosevelt);
	}

	@Test
	void aCoachNamesOnlySchoolsOfTheirDistrict() {
		CourseFixture elsewhere = CourseFixture.start(port, registry, jdbc, "other", "Other district");
		try {
			schools.listAtSetUp(elsewhere.coach().member().tenant(), "Faraway High", SchoolLevel.SECONDARY);
			long faraway = schools.open(elsewhere.coach().member().tenant().value()).get(0).id();
			LaunchClient coach = fixture.coach().browser();
			LaunchClient.Response refused = nameSchools(coach, Long.toString(faraway));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.body()).contains("Choose among the district");
			assertThat(nameSchools(coach, "abc").status()).isEqualTo(400);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM coaching_coach_school WHERE coach_ref = ?")
				.param(fixture.coach().member().userId())
				.query(Integer.class)
				.single()).isZero();
		}
		finally {
			elsewhere.close();
		}
	}

	@Test
	void thePrincipalSeesTheirSchoolsCountsAndNoTeacherGoalOrNote() {
		LaunchClient coach = fixture.coach().browser();
		nameSchools(coach, Long.toString(lincoln));
		String goal = "Student talk in guided reading " + fixture.course();
		coach.post("/coaching/cycles", Map.of("teacher", Long.toString(fixture.teacher().member().userId()), "goal",
				goal, "_csrf", coach.csrfFrom("/coaching/cycles/new")));
		List<Launched> teachers = teachers(5);
		for (Launched teacher : teachers) {
			assertThat(logContact(coach, teacher, "CO_TEACHING", today, null, "Private aside").status()).isEqualTo(302);
		}
		logContact(coach, fixture.teacher(), "CO_TEACHING", today, null, "Private aside");

		LaunchClient principal = principal("p").browser();
		String page = principal.get("/coaching/school?school=" + lincoln).body();
		assertThat(page).contains("Coaching at Lincoln Elementary")
			.containsPattern("id=\"school-contacts\"><strong>6</strong>")
			.containsPattern("id=\"school-teachers\"><strong>5</strong>")
			.contains("<svg class=\"bars\"")
			.contains("id=\"support-table\"");
		for (Launched teacher : teachers) {
			assertThat(page).doesNotContain(teacher.member().name());
		}
		assertThat(page).doesNotContain(goal).doesNotContain("Private aside");
		// the school is remembered: the next time, no need to choose
		assertThat(principal.get("/coaching/school").body())
			.containsPattern("id=\"school-contacts\"><strong>6</strong>");
		// and the principal's home shows the month in counts, for the school chosen
		String home = principal.get("/home").body();
		assertThat(home).contains("Coaching support this month")
			.contains("6 coaching contacts")
			.contains("5 teachers supported")
			.doesNotContain(goal)
			.doesNotContain("Private aside");
		for (Launched teacher : teachers) {
			assertThat(home).doesNotContain(teacher.member().name());
		}
	}

	@Test
	void aPrincipalWithTheDistrictsOnlySchoolIsNotAsked() {
		jdbc.sql("UPDATE pd_school SET archived = TRUE WHERE id = ?").param(roosevelt).update();
		String page = principal("p").browser().get("/coaching/school").body();
		assertThat(page).contains("Coaching at Lincoln Elementary").doesNotContain("id=\"no-school\"");
	}

	@Test
	void smallCountsShowAsFewerThanFiveAndNoTotalGivesOneAway() {
		LaunchClient coach = fixture.coach().browser();
		nameSchools(coach, Long.toString(lincoln));
		List<Launched> teachers = teachers(2);
		// 6 co-teaching and 2 planning: 8 contacts with 2 teachers
		for (int i = 0; i < 6; i++) {
			logContact(coach, teachers.get(i % 2), "CO_TEACHING", today, null, "");
		}
		logContact(coach, teachers.get(0), "PLANNING", today, null, "");
		logContact(coach, teachers.get(1), "PLANNING", today, null, "");

		String page = principal("p").browser().get("/coaching/school?school=" + lincoln).body();
		assertThat(page).containsPattern("id=\"school-contacts\"><strong>8</strong>")
			.containsPattern("id=\"school-teachers\"><strong>fewer than 5</strong>");
		assertThat(principal("p3").browser().get("/home?school=" + lincoln).body())
			.contains("Fewer than 5 teachers supported")
			.contains("8 coaching contacts");
		String support = between(page, "id=\"support-table\"", "</table>");
		// planning is under 5; co-teaching is hidden too, or 8 less 6 would tell
		assertThat(support).doesNotContain("<td>6</td>").doesNotContain("<td>2</td>");
		// planning reads "fewer than 5"; co-teaching, 6, is not shown rather than called
		// fewer than 5
		assertThat(support.split("fewer than 5", -1)).hasSize(2);
		assertThat(support).containsPattern("Co-teaching</th>\\s*<td>not shown");
		assertThat(page).doesNotContain("Co-teaching: 6").doesNotContain("Planning: 2");
	}

	@Test
	void contactsPerWeekAndKindsOfSupportAddUpToTheMonth() {
		LaunchClient coach = fixture.coach().browser();
		nameSchools(coach, Long.toString(lincoln));
		YearMonth last = YearMonth.from(today).minusMonths(1);
		List<Launched> teachers = teachers(5);
		for (int i = 0; i < 5; i++) {
			logContact(coach, teachers.get(i), "CO_TEACHING", last.atDay(8), null, "");
		}
		for (int i = 0; i < 6; i++) {
			logContact(coach, teachers.get(i % 5), "PLANNING", last.atDay(15), null, "");
		}
		// another month's contact is not this month's
		logContact(coach, teachers.get(0), "VIDEO", today, null, "");

		String page = principal("p").browser().get("/coaching/school?school=" + lincoln + "&month=" + last).body();
		assertThat(page).containsPattern("id=\"school-contacts\"><strong>11</strong>");
		String weeks = between(page, "id=\"weeks-table\"", "</table>");
		List<Integer> perWeek = new ArrayList<>();
		Matcher cells = Pattern.compile("<td>(\\d+)</td>").matcher(weeks);
		while (cells.find()) {
			perWeek.add(Integer.parseInt(cells.group(1)));
		}
		assertThat(perWeek).contains(5, 6).hasSizeBetween(4, 6);
		assertThat(perWeek.stream().mapToInt(Integer::intValue).sum()).isEqualTo(11);
		String support = between(page, "id=\"support-table\"", "</table>");
		assertThat(support).containsPattern("Co-teaching</th>\\s*<td>5</td>")
			.containsPattern("Planning</th>\\s*<td>6</td>")
			.doesNotContain("Video");
		// the trend shows the month before and this one
		String trend = between(page, "id=\"trend-table\"", "</table>");
		assertThat(trend).containsPattern(">11</td>\\s*<td>5</td>");
	}

	@Test
	void anotherSchoolsPrincipalSeesOnlyTheirSchool() {
		LaunchClient coach = fixture.coach().browser();
		nameSchools(coach, Long.toString(lincoln));
		for (Launched teacher : teachers(5)) {
			logContact(coach, teacher, "CO_TEACHING", today, null, "");
		}
		String page = principal("p2").browser().get("/coaching/school?school=" + roosevelt).body();
		assertThat(page).contains("Coaching at Roosevelt Middle")
			.containsPattern("id=\"school-contacts\"><strong>0</strong>")
			.contains("No contact counted for this school this month.");
	}

	@Test
	void anotherDistrictsPrincipalFindsNoneOfTheSchool() {
		LaunchClient coach = fixture.coach().browser();
		nameSchools(coach, Long.toString(lincoln));
		for (Launched teacher : teachers(5)) {
			logContact(coach, teacher, "CO_TEACHING", today, null, "");
		}
		// the district's own principal sees the school's counts; the other district's
		// none
		assertThat(principal("p").browser().get("/coaching/school?school=" + lincoln).body())
			.containsPattern("id=\"school-contacts\"><strong>5</strong>");
		CourseFixture elsewhere = CourseFixture.start(port, registry, jdbc, "other", "Other district");
		try {
			LaunchClient stranger = elsewhere
				.launch("p-" + elsewhere.course(), "Far Principal", STAFF, Map.of("coachroom_role", "Principal"))
				.browser();
			String page = stranger.get("/coaching/school?school=" + lincoln).body();
			assertThat(page).doesNotContain("Lincoln Elementary").doesNotContain("id=\"school-contacts\"");
			assertThat(stranger
				.post("/coaching/schools/" + lincoln + "/goals",
						Map.of("text", "Take over", "_csrf", stranger.csrfFrom("/home")))
				.status()).isEqualTo(404);
			LaunchClient admin = elsewhere.launch("a-" + elsewhere.course(), "Far Admin", ADMINISTRATOR).browser();
			assertThat(admin.get("/coaching/district").body()).doesNotContain("Lincoln Elementary");
		}
		finally {
			elsewhere.close();
		}
	}

	@Test
	void hrTeachersAndCoachesFindNoSchoolOrDistrictView() {
		Launched hr = fixture.launch("h-" + fixture.course(), "Helen HR", STAFF, Map.of("coachroom_role", "HR"));
		Launched hrAdmin = fixture.launch("ha-" + fixture.course(), "Hal HR", ADMINISTRATOR,
				Map.of("coachroom_role", "HR"));
		for (Launched person : List.of(hr, hrAdmin, fixture.teacher(), fixture.coach())) {
			LaunchClient browser = person.browser();
			assertThat(browser.get("/coaching/school?school=" + lincoln).status()).as(person.member().name())
				.isEqualTo(404);
			assertThat(browser.get("/coaching/district").status()).as(person.member().name()).isEqualTo(404);
		}
		assertThat(principal("p").browser().get("/coaching/district").status()).isEqualTo(404);
		// while the principal and the district admin have their views
		assertThat(principal("p").browser().get("/coaching/school?school=" + lincoln).status()).isEqualTo(200);
		assertThat(fixture.launch("a-" + fixture.course(), "Ada Admin", ADMINISTRATOR)
			.browser()
			.get("/coaching/district")
			.status()).isEqualTo(200);
		// a coach who serves no school has no page of it, and writes no goal there
		LaunchClient coach = fixture.coach().browser();
		assertThat(coach.get("/coaching/schools/" + lincoln).status()).isEqualTo(404);
		assertThat(coach
			.post("/coaching/schools/" + lincoln + "/goals",
					Map.of("text", "Ours", "_csrf", coach.csrfFrom("/coaching")))
			.status()).isEqualTo(404);
	}

	@Test
	void aCoachAndAPrincipalTogetherIsAPrincipalHere() {
		Launched both = fixture.launch("cp-" + fixture.course(), "Cam Both", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "Principal"));
		LaunchClient.Response view = both.browser().get("/coaching/school?school=" + lincoln);
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.body()).contains("Coaching at Lincoln Elementary").contains("id=\"school-contacts\"");
	}

	@Test
	void theDistrictAdminSeesEverySchoolInCountsAndNoName() {
		LaunchClient coach = fixture.coach().browser();
		nameSchools(coach, Long.toString(lincoln), Long.toString(roosevelt));
		List<Launched> teachers = teachers(5);
		for (Launched teacher : teachers) {
			logContact(coach, teacher, "CO_TEACHING", today, Long.toString(lincoln), "Private aside");
			logContact(coach, teacher, "PLANNING", today, Long.toString(lincoln), "Private aside");
		}
		logContact(coach, teachers.get(0), "PLANNING", today, Long.toString(roosevelt), "");

		String page = fixture.launch("a-" + fixture.course(), "Ada Admin", ADMINISTRATOR)
			.browser()
			.get("/coaching/district")
			.body();
		String table = between(page, "id=\"district-table\"", "</table>");
		// Roosevelt's one contact is under 5, and Lincoln's 10 is hidden with it (not
		// shown, rather than called fewer than 5): 11 is shown
		assertThat(table).containsPattern("Lincoln Elementary</th>\\s*<td>not shown")
			.containsPattern("Roosevelt Middle</th>\\s*<td>fewer than 5</td>")
			.containsPattern("The district</th>\\s*<td>11</td>\\s*<td>5</td>");
		for (Launched teacher : teachers) {
			assertThat(page).doesNotContain(teacher.member().name());
		}
		assertThat(page).doesNotContain("Private aside");
	}

	@Test
	void schoolGoalsAreAShortListThePrincipalAndTheCoachBothKeep() {
		LaunchClient coach = fixture.coach().browser();
		nameSchools(coach, Long.toString(lincoln));
		String csrf = coach.csrfFrom("/coaching/schools/" + lincoln);
		assertThat(coach
			.post("/coaching/schools/" + lincoln + "/goals", Map.of("text", "Every student reads daily", "_csrf", csrf))
			.status()).isEqualTo(302);
		assertThat(coach
			.post("/coaching/schools/" + lincoln + "/needs",
					Map.of("text", "Thirty minutes in the grade 3 team meeting", "_csrf", csrf))
			.status()).isEqualTo(302);

		LaunchClient principal = principal("p").browser();
		String page = principal.get("/coaching/school?school=" + lincoln).body();
		assertThat(page).contains("Every student reads daily")
			.contains("Thirty minutes in the grade 3 team meeting")
			.contains("From Carla Coach");
		long goal = jdbc.sql("SELECT id FROM coaching_school_goal WHERE school_ref = ?")
			.param(lincoln)
			.query(Long.class)
			.single();
		assertThat(principal
			.post("/coaching/schools/" + lincoln + "/goals/" + goal, Map.of("text",
					"Every student reads daily, 20 minutes", "_csrf", principal.csrfFrom("/coaching/school")))
			.status()).isEqualTo(302);
		assertThat(coach.get("/coaching/schools/" + lincoln).body()).contains("Every student reads daily, 20 minutes");
		String home = principal.get("/home").body();
		assertThat(home).contains("School goals with your coach")
			.contains("Every student reads daily, 20 minutes")
			.contains("Coaching support this month");
	}

	@Test
	void aRefusedSchoolGoalOrNeedIsA400WithItsMessageAndNothingIsSaved() {
		LaunchClient principal = principal("p").browser();
		String csrf = principal.csrfFrom("/coaching/school?school=" + lincoln);
		for (String text : new String[] { "", "   ", "g".repeat(301) }) {
			LaunchClient.Response refused = principal.post("/coaching/schools/" + lincoln + "/goals",
					Map.of("text", text, "_csrf", csrf));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.body()).contains("Write the goal in 1 to 300 characters.");
		}
		assertThat(goals()).isZero();
		for (int i = 0; i < 10; i++) {
			principal.post("/coaching/schools/" + lincoln + "/goals", Map.of("text", "Goal " + i, "_csrf", csrf));
		}
		LaunchClient.Response eleventh = principal.post("/coaching/schools/" + lincoln + "/goals",
				Map.of("text", "One more", "_csrf", csrf));
		assertThat(eleventh.status()).isEqualTo(400);
		assertThat(eleventh.body()).contains("The list holds 10 goals at most");
		assertThat(goals()).isEqualTo(10);
		long goal = jdbc.sql("SELECT MIN(id) FROM coaching_school_goal WHERE school_ref = ?")
			.param(lincoln)
			.query(Long.class)
			.single();
		LaunchClient.Response blanked = principal.post("/coaching/schools/" + lincoln + "/goals/" + goal,
				Map.of("text", " ", "_csrf", csrf));
		assertThat(blanked.status()).isEqualTo(400);
		assertThat(blanked.body()).contains("Write the goal in 1 to 300 characters.");
		assertThat(
				jdbc.sql("SELECT text FROM coaching_school_goal WHERE id = ?").param(goal).query(String.class).single())
			.isEqualTo("Goal 0");

		LaunchClient coach = fixture.coach().browser();
		nameSchools(coach, Long.toString(lincoln));
		LaunchClient.Response tooLong = coach.post("/coaching/schools/" + lincoln + "/needs",
				Map.of("text", "n".repeat(2001), "_csrf", coach.csrfFrom("/coaching/schools/" + lincoln)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("Keep it to 2,000 characters.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM coaching_school_need WHERE school_ref = ?")
			.param(lincoln)
			.query(Integer.class)
			.single()).isZero();
	}

	private int goals() {
		return jdbc.sql("SELECT COUNT(*) FROM coaching_school_goal WHERE school_ref = ?")
			.param(lincoln)
			.query(Integer.class)
			.single();
	}

}
