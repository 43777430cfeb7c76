package org.coachroom.team;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.CourseFixture;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team's learning cycle through its pages: the five steps, results per class with their
 * checks, closing with the completion to the gradebook, the principal's school overview
 * and shared summary, and who can reach none of it.
 */
@LaunchTest
class LearningCycleTests {

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

	long workspace;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "plc", "Grade 3 PLC");
		platform = fixture.platform();
		launcher = fixture.launcher();
		course = fixture.course();
		coach = fixture.coach();
		teacher = fixture.teacher();
		LaunchClient browser = coach.browser();
		var opened = browser.post("/team", Map.of("title", "Grade 3 team", "_csrf", browser.csrfFrom("/team")));
		workspace = Long.parseLong(opened.location().replaceAll(".*/team/", ""));
		assertThat(teacher.browser().get("/team").status()).isEqualTo(302);
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	private String base(long cycle) {
		return "/team/" + workspace + "/cycles/" + cycle;
	}

	private long start(LaunchClient browser) {
		var started = browser.post("/team/" + workspace + "/cycles",
				Map.of("_csrf", browser.csrfFrom("/team/" + workspace)));
		assertThat(started.status()).isEqualTo(302);
		return Long.parseLong(started.location().replaceAll(".*/cycles/", ""));
	}

	private String version(LaunchClient browser, String page) {
		return browser.get(page).body().replaceAll("(?s).*?name=\"version\" value=\"(\\d+)\".*", "$1");
	}

	/** Posts a step's form with the version and CSRF token of its page. */
	private LaunchClient.Response save(LaunchClient browser, long cycle, String step, String action,
			Map<String, String> fields) {
		String page = base(cycle) + "/" + step;
		Map<String, String> form = new HashMap<>(fields);
		form.put("version", version(browser, page));
		form.put("_csrf", browser.csrfFrom(page));
		return browser.post(base(cycle) + "/" + action, form);
	}

	/** A results grid: each class as name, size, counts per level. */
	private static Map<String, String> grid(String round, Object[]... classes) {
		Map<String, String> form = new HashMap<>();
		form.put("round", round);
		form.put("rows", String.valueOf(classes.length));
		for (int i = 0; i < classes.length; i++) {
			form.put("class-" + i + "-name", (String) classes[i][0]);
			form.put("class-" + i + "-size", String.valueOf(classes[i][1]));
			for (int j = 2; j < classes[i].length; j++) {
				form.put("class-" + i + "-count-" + (j - 2), String.valueOf(classes[i][j]));
			}
		}
		return form;
	}

	/**
	 * Walks a cycle to its Adjust step: standard, assessment, baseline, goal, response.
	 */
	private long walkToAdjust(LaunchClient browser) {
		long cycle = start(browser);
		assertThat(save(browser, cycle, "learn", "learn",
				Map.of("standard", "Students will compare fractions with unlike denominators."))
			.location()).endsWith("/assess");
		assertThat(save(browser, cycle, "assess", "assess",
				Map.of("assessment", "Exit ticket, 6 items", "assessedOn", "2026-10-05", "band-0", "Beginning",
						"band-1", "Developing", "band-2", "Proficient", "band-3", "Advanced", "proficientFrom", "2"))
			.status()).isEqualTo(302);
		assertThat(
				save(browser, cycle, "assess", "results", grid("baseline", new Object[] { "Room 12", 24, 6, 8, 7, 3 },
						new Object[] { "Room 14", 22, 5, 9, 6, 2 }, new Object[] { "Small group", 6, 3, 2, 1, 0 }))
					.location())
			.endsWith("/goal");
		assertThat(save(browser, cycle, "goal", "goal",
				Map.of("strengths", "Most can order unit fractions.", "obstacles", "Common denominators.", "goal",
						"By November, 70% of our students will be proficient.", "target", "70", "goalBy", "2026-11-20"))
			.location()).endsWith("/respond");
		assertThat(
				save(browser, cycle, "respond", "respond",
						Map.of("strategies", "Fraction strips daily.", "intervention", "Small group Tue/Thu.",
								"extension", "Fraction puzzles.", "responsibilities", "Maria: strips"))
					.location())
			.endsWith("/adjust");
		return cycle;
	}

	@Test
	void theTeamWalksACycleStepByStepAndTheFacilitatorClosesItWithTheGoalMet() {
		LaunchClient browser = teacher.browser();
		long cycle = walkToAdjust(browser);
		String goal = browser.get(base(cycle) + "/goal").body();
		// baseline: proficient 7+3+6+2+1+0 = 19 of 52 assessed
		assertThat(goal).contains("Baseline: 36.5 % of students proficient");
		assertThat(save(browser, cycle, "adjust", "results",
				grid("reassessment", new Object[] { "Room 12", 24, 1, 5, 12, 6 },
						new Object[] { "Room 14", 22, 2, 4, 10, 6 }, new Object[] { "Small group", 6, 1, 2, 3, 0 }))
			.status()).isEqualTo(302);
		assertThat(save(browser, cycle, "adjust", "adjust", Map.of("reassessedOn", "2026-11-18", "reflection",
				"Strips worked.", "carryForward", "Keep daily strips; start decimals."))
			.status()).isEqualTo(302);
		String adjust = browser.get(base(cycle) + "/adjust").body();
		// re-assessment: 18+3+16+0... = (12+6)+(10+6)+(3+0) = 37 of 52
		assertThat(adjust).contains("Re-assessment: 71.2 % of students proficient")
			.contains("<svg")
			.contains("The chart&#39;s numbers")
			.contains("The team's facilitator closes the cycle".replace("'", "&#39;"));
		// a member cannot close it; the facilitator can
		var refused = browser.post(base(cycle) + "/close",
				Map.of("participant", String.valueOf(teacher.member().userId()), "version",
						version(browser, base(cycle) + "/adjust"), "_csrf", browser.csrfFrom(base(cycle) + "/adjust")));
		assertThat(refused.status()).isEqualTo(404);
		LaunchClient facilitator = coach.browser();
		var closed = facilitator.postPairs(base(cycle) + "/close",
				List.of(new String[] { "participant", String.valueOf(teacher.member().userId()) },
						new String[] { "participant", String.valueOf(coach.member().userId()) },
						new String[] { "version", version(facilitator, base(cycle) + "/adjust") },
						new String[] { "_csrf", facilitator.csrfFrom(base(cycle) + "/adjust") }));
		assertThat(closed.status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT goal_met FROM team_cycle WHERE id = ?").param(cycle).query(Boolean.class).single())
			.isTrue();
		String after = facilitator.get(base(cycle) + "/adjust").body();
		assertThat(after).contains("Closed: the goal was met.").contains("2 of the team took part.");
		// a closed cycle is a record: a later save is a conflict and changes nothing
		var late = facilitator.post(base(cycle) + "/learn",
				Map.of("standard", "Students will rewrite history.", "version",
						version(facilitator, base(cycle) + "/learn"), "_csrf",
						facilitator.csrfFrom(base(cycle) + "/learn")));
		assertThat(late.status()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT standard FROM team_cycle WHERE id = ?").param(cycle).query(String.class).single())
			.startsWith("Students will compare");
		// the workspace lists it, and the next cycle starts with what was carried forward
		assertThat(facilitator.get("/team/" + workspace).body()).contains("Closed: goal met")
			.contains("36.5 % → 71.2 %");
		long next = start(facilitator);
		assertThat(next).isNotEqualTo(cycle);
		assertThat(facilitator.get(base(next) + "/learn").body()).contains("Keep daily strips; start decimals.");
		assertThat(start(browser)).as("one open cycle at a time").isEqualTo(next);
		// each one's home page says where the team is
		assertThat(browser.get("/home").body()).contains("Grade 3 team")
			.contains("Cycle 2: What should students learn?");
	}

	@Test
	void aGoalNotReachedIsRecordedAsNotMet() {
		long cycle = walkToAdjust(coach.browser());
		save(coach.browser(), cycle, "adjust", "results",
				grid("reassessment", new Object[] { "Room 12", 24, 5, 8, 8, 3 }));
		var closed = coach.browser()
			.post(base(cycle) + "/close",
					Map.of("participant", String.valueOf(coach.member().userId()), "version",
							version(coach.browser(), base(cycle) + "/adjust"), "_csrf",
							coach.browser().csrfFrom(base(cycle) + "/adjust")));
		assertThat(closed.status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT goal_met FROM team_cycle WHERE id = ?").param(cycle).query(Boolean.class).single())
			.isFalse();
		assertThat(coach.browser().get("/team/" + workspace).body()).contains("Closed: goal not met");
	}

	@Test
	void badResultsComeBackWithEachFieldsMessageAndNothingIsSaved() {
		LaunchClient browser = teacher.browser();
		long cycle = start(browser);
		var bad = save(browser, cycle, "assess", "results",
				grid("baseline", new Object[] { "Room 12", 24, 6, -2, 7, 3 },
						new Object[] { "Room 14", 10, 5, 9, 6, 2 }, new Object[] { "", 20, 1, 1, 1, 1 },
						new Object[] { "Room 16", 20, "x", 1, 1, 1 }));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("Nothing was saved")
			.contains("id=\"class-0-count-1-error\"")
			.contains("Counts are whole numbers of 0 or more.")
			.contains("id=\"class-1-size-error\"")
			.contains("The counts add up to more students than the class has.")
			.contains("id=\"class-2-name-error\"")
			.contains("id=\"class-3-count-0-error\"")
			// what was typed is shown again; no chart while no results are kept
			.contains("value=\"Room 14\"")
			.contains("value=\"-2\"")
			.doesNotContain("id=\"results-figure\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_cycle_result WHERE cycle = ?")
			.param(cycle)
			.query(Integer.class)
			.single()).isZero();
		var twice = save(browser, cycle, "assess", "results", grid("baseline",
				new Object[] { "Room 12", 24, 6, 2, 7, 3 }, new Object[] { "room 12", 20, 5, 9, 6, 0 }));
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.body()).contains("Each class appears once.");
		var none = save(browser, cycle, "assess", "results", grid("baseline"));
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.body()).contains("Enter the results of at least one class.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_cycle_result WHERE cycle = ?")
			.param(cycle)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anEmptyGoalOrATargetNotAboveTheBaselineIsRefused() {
		LaunchClient browser = teacher.browser();
		long cycle = walkToAdjust(browser);
		var empty = save(browser, cycle, "goal", "goal", Map.of("goal", "  ", "target", "70", "goalBy", "2026-11-20"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("id=\"goal-error\"").contains("Write the SMART goal.");
		var low = save(browser, cycle, "goal", "goal",
				Map.of("goal", "Keep it", "target", "30", "goalBy", "2026-11-20"));
		assertThat(low.status()).isEqualTo(400);
		assertThat(low.body()).contains("The target must be above the baseline.");
		var junk = save(browser, cycle, "goal", "goal",
				Map.of("goal", "Keep it", "target", "lots", "goalBy", "someday"));
		assertThat(junk.body()).contains("id=\"target-error\"").contains("id=\"goalBy-error\"");
		assertThat(jdbc.sql("SELECT goal FROM team_cycle WHERE id = ?").param(cycle).query(String.class).single())
			.startsWith("By November");
		var form = save(browser, cycle, "learn", "learn", Map.of("standard", "Fractions"));
		assertThat(form.status()).isEqualTo(400);
		assertThat(form.body()).contains("Write the standard as");
		var levels = save(browser, cycle, "assess", "assess", Map.of("assessment", "Exit ticket", "assessedOn",
				"2026-10-05", "band-0", "Not yet", "band-1", "Yes", "proficientFrom", "1"));
		assertThat(levels.status()).isEqualTo(400);
		assertThat(levels.body()).contains("keep the same number of levels");
	}

	@Test
	void aStepSavedMeanwhileIsAConflictAndKeepsTheFirstSave() {
		long cycle = start(coach.browser());
		String page = base(cycle) + "/learn";
		String stale = version(teacher.browser(), page);
		assertThat(save(coach.browser(), cycle, "learn", "learn", Map.of("standard", "Students will add fractions."))
			.status()).isEqualTo(302);
		var late = teacher.browser()
			.post(base(cycle) + "/learn", Map.of("standard", "Students will subtract fractions.", "version", stale,
					"_csrf", teacher.browser().csrfFrom(page)));
		assertThat(late.status()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT standard FROM team_cycle WHERE id = ?").param(cycle).query(String.class).single())
			.isEqualTo("Students will add fractions.");
	}

	@Test
	void closingSendsTheCompletionToThePlacedColumnOfEachMemberWhoTookPartOnly() {
		Launched other = launcher.launch("t3-" + course, "Ben Ode", TestPlatform.LEARNER, course, "Grade 3 PLC");
		other.browser().get("/team");
		// the workspace placed in the course: its link is launched (with its gradebook
		// column) before the cycle closes
		Launched placed = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course,
				"Grade 3 PLC", Map.of("coachroom_page", "/team"));
		assertThat(placed.browser().get("/team").status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_placement WHERE workspace = ?")
			.param(workspace)
			.query(Integer.class)
			.single()).isEqualTo(1);
		long cycle = walkToAdjust(placed.browser());
		save(placed.browser(), cycle, "adjust", "results",
				grid("reassessment", new Object[] { "Room 12", 24, 1, 5, 12, 6 }));
		var closed = placed.browser()
			.postPairs(base(cycle) + "/close",
					List.of(new String[] { "participant", String.valueOf(teacher.member().userId()) },
							new String[] { "participant", String.valueOf(placed.member().userId()) },
							new String[] { "version", version(placed.browser(), base(cycle) + "/adjust") },
							new String[] { "_csrf", placed.browser().csrfFrom(base(cycle) + "/adjust") }));
		assertThat(closed.status()).isEqualTo(302);
		List<Long> scored = jdbc
			.sql("SELECT user_ref FROM gradebook_score WHERE source = 'TEAM_WORKSPACE' AND source_id = ?")
			.param(workspace)
			.query(Long.class)
			.list();
		assertThat(scored).containsExactlyInAnyOrder(teacher.member().userId(), placed.member().userId());
		assertThat(jdbc.sql("SELECT score_given FROM gradebook_score WHERE source = 'TEAM_WORKSPACE' AND user_ref = ?")
			.param(teacher.member().userId())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("100");
		// someone not of the team is no participant
		var stranger = launcher.launch("t4-" + course, "Sam Stranger", TestPlatform.LEARNER, "other-" + course,
				"Other");
		long next = start(placed.browser());
		assertThat(next).isPositive();
		assertThat(stranger.member().userId()).isNotIn(scored);
	}

	@Test
	void aLinkPlacedAfterACycleClosedReceivesTheCompletionsOfThoseWhoTookPart() {
		long cycle = walkToAdjust(coach.browser());
		save(coach.browser(), cycle, "adjust", "results",
				grid("reassessment", new Object[] { "Room 12", 24, 1, 5, 12, 6 }));
		coach.browser()
			.post(base(cycle) + "/close",
					Map.of("participant", String.valueOf(teacher.member().userId()), "version",
							version(coach.browser(), base(cycle) + "/adjust"), "_csrf",
							coach.browser().csrfFrom(base(cycle) + "/adjust")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM gradebook_score WHERE source = 'TEAM_WORKSPACE' AND source_id = ?")
			.param(workspace)
			.query(Integer.class)
			.single()).isZero();
		Launched placed = launcher.launch("t-" + course, "Maria Lopez", TestPlatform.LEARNER, course, "Grade 3 PLC",
				Map.of("coachroom_page", "/team"));
		placed.browser().get("/team");
		assertThat(jdbc.sql("SELECT user_ref FROM gradebook_score WHERE source = 'TEAM_WORKSPACE' AND source_id = ?")
			.param(workspace)
			.query(Long.class)
			.list()).containsExactly(teacher.member().userId());
	}

	@Test
	void aSharedSummaryLettersTheClassesUnlessTheTeamChoosesToShowItsClassNamesAndTheSharingStepPreviewsIt() {
		jdbc.sql(
				"INSERT INTO pd_school (tenant_id, name, school_level, archived, created_at) VALUES (?, ?, 'ELEMENTARY', FALSE, NOW())")
			.params(coach.member().tenant().value(), "Lincoln " + course)
			.update();
		long school = jdbc.sql("SELECT id FROM pd_school WHERE name = ?")
			.param("Lincoln " + course)
			.query(Long.class)
			.single();
		coach.browser()
			.post("/team/" + workspace + "/school",
					Map.of("school", String.valueOf(school), "_csrf", coach.browser().csrfFrom("/team/" + workspace)));
		long cycle = walkToAdjust(coach.browser());
		// class names are usually teachers' names: "Lopez 2A" is one teacher's class
		save(coach.browser(), cycle, "adjust", "results", grid("reassessment",
				new Object[] { "Room 12", 24, 1, 5, 12, 6 }, new Object[] { "Room 14", 22, 2, 4, 10, 6 }));
		coach.browser()
			.post(base(cycle) + "/close",
					Map.of("participant", String.valueOf(coach.member().userId()), "version",
							version(coach.browser(), base(cycle) + "/adjust"), "_csrf",
							coach.browser().csrfFrom(base(cycle) + "/adjust")));

		// the sharing step shows exactly what the principal will see, either way
		String step = coach.browser().get(base(cycle) + "/adjust").body();
		assertThat(step).contains("id=\"class-names\"");
		String letters = step.substring(step.indexOf("id=\"share-preview-letters\""),
				step.indexOf("id=\"share-preview-names\""));
		assertThat(letters).contains("Class A").contains("Class B").doesNotContain("Room 12").doesNotContain("Room 14");
		String names = step.substring(step.indexOf("id=\"share-preview-names\""));
		assertThat(names.substring(0, names.indexOf("</table>"))).contains("Room 12").contains("Room 14");

		Launched principal = launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR,
				"office-" + course, "Principal's office", Map.of("coachroom_role", "Principal"));
		coach.browser()
			.post(base(cycle) + "/share",
					Map.of("share", "true", "_csrf", coach.browser().csrfFrom(base(cycle) + "/adjust")));
		String shared = principal.browser().get("/team/shared/" + cycle).body();
		assertThat(shared).contains("Class A").contains("Class B").doesNotContain("Room 12").doesNotContain("Room 14");
		assertThat(principal.browser().get("/team/school?school=" + school).body()).doesNotContain("Room 12");

		coach.browser()
			.post(base(cycle) + "/share",
					Map.of("share", "false", "_csrf", coach.browser().csrfFrom(base(cycle) + "/adjust")));
		coach.browser()
			.post(base(cycle) + "/share", Map.of("share", "true", "classNames", "true", "_csrf",
					coach.browser().csrfFrom(base(cycle) + "/adjust")));
		assertThat(principal.browser().get("/team/shared/" + cycle).body()).contains("Room 12")
			.contains("Room 14")
			.doesNotContain("Class A");
	}

	@Test
	void aPrincipalSeesTheSchoolsTeamsStagesAndCountsAndOnlyWhatATeamShared() {
		jdbc.sql(
				"INSERT INTO pd_school (tenant_id, name, school_level, archived, created_at) VALUES (?, ?, 'ELEMENTARY', FALSE, NOW())")
			.params(coach.member().tenant().value(), "Lincoln " + course)
			.update();
		long school = jdbc.sql("SELECT id FROM pd_school WHERE name = ?")
			.param("Lincoln " + course)
			.query(Long.class)
			.single();
		var named = coach.browser()
			.post("/team/" + workspace + "/school",
					Map.of("school", String.valueOf(school), "_csrf", coach.browser().csrfFrom("/team/" + workspace)));
		assertThat(named.status()).isEqualTo(302);
		long cycle = walkToAdjust(coach.browser());
		save(coach.browser(), cycle, "adjust", "adjust",
				Map.of("reflection", "PRIVATE REFLECTION", "carryForward", ""));
		save(coach.browser(), cycle, "adjust", "results",
				grid("reassessment", new Object[] { "Room 12", 24, 1, 5, 12, 6 },
						new Object[] { "Room 14", 22, 2, 4, 10, 6 }, new Object[] { "Small group", 6, 1, 2, 3, 0 }));
		coach.browser()
			.post(base(cycle) + "/close",
					Map.of("participant", String.valueOf(coach.member().userId()), "version",
							version(coach.browser(), base(cycle) + "/adjust"), "_csrf",
							coach.browser().csrfFrom(base(cycle) + "/adjust")));

		Launched principal = launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR,
				"office-" + course, "Principal's office", Map.of("coachroom_role", "Principal"));
		String overview = principal.browser().get("/team/school?school=" + school).body();
		assertThat(overview).contains("Grade 3 team")
			.contains("Cycle 1: Closed")
			.doesNotContain("PRIVATE REFLECTION")
			.doesNotContain("Maria Lopez")
			.doesNotContain("/team/shared/");
		// until the team shares it, the summary does not exist for the principal
		assertThat(principal.browser().get("/team/shared/" + cycle).status()).isEqualTo(404);
		assertThat(teacher.browser()
			.post(base(cycle) + "/share",
					Map.of("share", "true", "_csrf", teacher.browser().csrfFrom(base(cycle) + "/adjust")))
			.status()).as("only the facilitator shares").isEqualTo(404);
		assertThat(coach.browser()
			.post(base(cycle) + "/share",
					Map.of("share", "true", "_csrf", coach.browser().csrfFrom(base(cycle) + "/adjust")))
			.status()).isEqualTo(302);
		assertThat(principal.browser().get("/team/school?school=" + school).body()).contains("/team/shared/" + cycle);
		String shared = principal.browser().get("/team/shared/" + cycle).body();
		// Room 12, lettered: the team did not choose to show its class names
		assertThat(shared).contains("By November, 70% of our students will be proficient.")
			.contains("Class A")
			.doesNotContain("Room 12")
			.contains("<svg")
			// the class of six is folded into the team's total, with Room 14 so that it
			// cannot be worked out
			// by subtraction; and no note leaves the team
			.doesNotContain("Small group")
			.doesNotContain("Room 14")
			.doesNotContain("PRIVATE REFLECTION")
			.doesNotContain("Common denominators")
			.doesNotContain("Fraction strips")
			.doesNotContain("Maria Lopez");
		// the team's total still counts the small group: 7+3+6+2+1+0 = 19 of 52
		assertThat(shared).contains("36.5 %");
		// a principal of another district sees nothing of it
		try (TestPlatform other = TestPlatform.start()) {
			other.registerWith(registry, Map.of(), "coachroom_role");
			Launched elsewhere = new Launcher(port, other, jdbc).launch("p-" + course, "Pat Principal",
					TestPlatform.INSTRUCTOR, "office-" + course, "Office", Map.of("coachroom_role", "Principal"));
			assertThat(elsewhere.browser().get("/team/shared/" + cycle).status()).isEqualTo(404);
			assertThat(elsewhere.browser().get("/team/school?school=" + school).body()).doesNotContain("Grade 3 team");
		}
		// stopping sharing takes it away again
		coach.browser()
			.post(base(cycle) + "/share",
					Map.of("share", "false", "_csrf", coach.browser().csrfFrom(base(cycle) + "/adjust")));
		assertThat(principal.browser().get("/team/shared/" + cycle).status()).isEqualTo(404);
	}

	@Test
	void noOneOutsideTheTeamReachesACycleAndPrincipalPagesAreForPrincipals() {
		long cycle = start(coach.browser());
		String page = base(cycle);
		Launched principal = launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR, course,
				"Grade 3 PLC", Map.of("coachroom_role", "Principal"));
		Launched hr = launcher.launch("hr-" + course, "Helen HR", ADMINISTRATOR, course, "Grade 3 PLC",
				Map.of("coachroom_role", "HR"));
		Launched elsewhere = launcher.launch("t2-" + course, "Ben Ode", TestPlatform.LEARNER, "other-" + course,
				"Grade 5 PLC");
		List<String> gets = List.of(page, page + "/learn", page + "/assess", page + "/goal", page + "/respond",
				page + "/adjust", page + "/summary");
		List<String> posts = List.of("/team/" + workspace + "/cycles", page + "/learn", page + "/assess",
				page + "/results", page + "/goal", page + "/respond", page + "/adjust", page + "/close",
				page + "/share", "/team/" + workspace + "/school");
		List<String> refusals = new ArrayList<>();
		for (Launched outsider : List.of(principal, hr, elsewhere)) {
			for (String get : gets) {
				int status = outsider.browser().get(get).status();
				if (status != 404) {
					refusals.add(outsider.member().subject() + " GET " + get + " " + status);
				}
			}
			for (String post : posts) {
				var answer = outsider.browser()
					.post(post, Map.of("standard", "Students will leak.", "version", "0", "share", "true", "_csrf",
							outsider.browser().csrfFrom("/home")));
				if (answer.status() != 404) {
					refusals.add(outsider.member().subject() + " POST " + post + " " + answer.status());
				}
			}
		}
		assertThat(refusals).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_cycle WHERE workspace = ?")
			.param(workspace)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_cycle WHERE id = ? AND standard IS NULL")
			.param(cycle)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// the school overview and shared summaries are a principal's: a teacher, coach or
		// HR gets a 404
		for (Launched notPrincipal : List.of(teacher, coach, hr)) {
			assertThat(notPrincipal.browser().get("/team/school").status()).isEqualTo(404);
			assertThat(notPrincipal.browser().get("/team/shared/" + cycle).status()).isEqualTo(404);
		}
		assertThat(principal.browser().get("/team/school").status()).isEqualTo(200);
	}

	@Test
	void thePrintableSummaryShowsTheCycleOnOnePage() {
		long cycle = walkToAdjust(teacher.browser());
		String summary = teacher.browser().get(base(cycle) + "/summary").body();
		assertThat(summary).contains("Grade 3 team: learning cycle 1")
			.contains("Students will compare fractions")
			.contains("36.5 % → 70 % by 20 Nov 2026")
			.contains("<svg")
			.contains("Fraction strips daily.")
			.contains("/js/print.js");
	}

	@Test
	void aTamperedResultsFormIsA400NeverA500() {
		LaunchClient browser = teacher.browser();
		long cycle = start(browser);
		for (String rows : List.of("abc", "99999999", "-1")) {
			Map<String, String> form = new HashMap<>(Map.of("round", "baseline", "rows", rows));
			assertThat(save(browser, cycle, "assess", "results", form).status()).as("rows=" + rows).isEqualTo(400);
		}
		var huge = grid("baseline", new Object[] { "x".repeat(5000), 99999, 1, 2, 3, 99999 });
		assertThat(save(browser, cycle, "assess", "results", huge).status()).isEqualTo(400);
		var negativeSize = save(browser, cycle, "assess", "results",
				grid("baseline", new Object[] { "Room 12", -3, 1, 0, 0, 0 }));
		assertThat(negativeSize.body()).contains("id=\"class-0-size-error\"")
			.contains("Give the class size as a whole number from 1 to 500.");
		var nobody = save(browser, cycle, "assess", "results",
				grid("baseline", new Object[] { "Room 12", 24, 0, 0, 0, 0 }));
		assertThat(nobody.status()).isEqualTo(400);
		assertThat(nobody.body()).contains("No student is counted");
	}

	@Test
	void aStepWithAMistakeComesBackWithTheFieldsMessageAnd400AndNothingIsSaved() {
		LaunchClient browser = teacher.browser();
		long cycle = start(browser);
		var standard = save(browser, cycle, "learn", "learn", Map.of("standard", "Compare fractions."));
		assertThat(standard.status()).isEqualTo(400);
		assertThat(standard.body()).contains("Write the standard as &quot;Students will …&quot;.")
			.contains("Compare fractions.");
		var assessment = save(browser, cycle, "assess", "assess", Map.of("assessment", " ", "assessedOn", "2026-10-05",
				"band-0", "Not yet", "band-1", "Yes", "proficientFrom", "1"));
		assertThat(assessment.status()).isEqualTo(400);
		assertThat(assessment.body()).contains("Describe the common assessment.").contains("value=\"Not yet\"");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM team_cycle WHERE id = ? AND (standard IS NOT NULL OR assessment IS NOT NULL)")
			.param(cycle)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void hostileCycleFieldsAreRefusedWithA4xxNeverA500() {
		LaunchClient browser = coach.browser();
		long cycle = walkToAdjust(browser);
		for (String target : List.of("abc", "99999999999999999999", "-5", "")) {
			var goal = save(browser, cycle, "goal", "goal",
					Map.of("goal", "Keep it", "target", target, "goalBy", "2026-11-20"));
			assertThat(goal.status()).as("target=" + target).isEqualTo(400);
			assertThat(goal.body()).contains("Give the target as a percent from 0 to 100.");
		}
		assertThat(save(browser, cycle, "assess", "assess", Map.of("assessment", "Exit ticket", "assessedOn",
				"not a date", "band-0", "A", "band-1", "B", "proficientFrom", "99999999999999999999"))
			.status()).isEqualTo(400);
		assertThat(save(browser, cycle, "adjust", "adjust", Map.of("reassessedOn", "2026-13-45")).status())
			.isEqualTo(400);
		for (String participant : List.of("abc", "99999999999999999999999", "")) {
			var close = browser.post(base(cycle) + "/close", Map.of("participant", participant, "version",
					version(browser, base(cycle) + "/adjust"), "_csrf", browser.csrfFrom(base(cycle) + "/adjust")));
			assertThat(close.status()).as("participant=" + participant).isBetween(400, 499);
		}
		var noVersion = browser.post(base(cycle) + "/close",
				Map.of("participant", String.valueOf(coach.member().userId()), "version", "x", "_csrf",
						browser.csrfFrom(base(cycle) + "/adjust")));
		assertThat(noVersion.status()).isBetween(400, 499);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_cycle WHERE id = ? AND closed_at IS NULL")
			.param(cycle)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aLevelNameWithALineBreakIsRefusedAndTheCycleStaysReadable() {
		LaunchClient browser = teacher.browser();
		long cycle = walkToAdjust(browser);
		var bad = save(browser, cycle, "assess", "assess",
				Map.of("assessment", "Exit ticket", "assessedOn", "2026-10-05", "band-0", "Beginning\nX", "band-1",
						"Developing", "band-2", "Proficient", "band-3", "Advanced", "proficientFrom", "2"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("Each level needs its own name");
		assertThat(browser.get(base(cycle) + "/assess").status()).isEqualTo(200);
		assertThat(browser.get("/team/" + workspace).status()).isEqualTo(200);
	}

	@Test
	void twoOfTheTeamStartingACycleAtOnceGetTheSameOne() throws Exception {
		var pool = Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(() -> start(coach.browser()));
			var second = pool.submit(() -> start(teacher.browser()));
			assertThat(first.get()).isEqualTo(second.get());
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_cycle WHERE workspace = ?")
			.param(workspace)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void datesOutOfOrderOrFarFromTodayAreRefused() {
		LaunchClient browser = teacher.browser();
		long cycle = walkToAdjust(browser);
		var early = save(browser, cycle, "goal", "goal",
				Map.of("goal", "Keep it", "target", "70", "goalBy", "2026-09-01"));
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.body()).contains("The goal&#39;s date comes after the common assessment.");
		var before = save(browser, cycle, "adjust", "adjust", Map.of("reassessedOn", "2026-09-01"));
		assertThat(before.status()).isEqualTo(400);
		assertThat(before.body()).contains("id=\"reassessedOn-error\"");
		var far = save(browser, cycle, "adjust", "adjust", Map.of("reassessedOn", "20026-11-18"));
		assertThat(far.status()).isEqualTo(400);
	}

	@Test
	void aGoalThatNoLongerAimsAboveTheBaselineCannotBeClosedAsMet() {
		LaunchClient browser = coach.browser();
		long cycle = walkToAdjust(browser);
		save(browser, cycle, "adjust", "results", grid("reassessment", new Object[] { "Room 12", 24, 0, 0, 12, 12 }));
		// the baseline is re-entered after the goal was set: 80 % proficient, above the
		// 70 % target
		assertThat(save(browser, cycle, "assess", "results",
				grid("baseline", new Object[] { "Room 12", 24, 2, 2, 10, 10 }))
			.status()).isEqualTo(302);
		var close = browser.post(base(cycle) + "/close",
				Map.of("participant", String.valueOf(coach.member().userId()), "version",
						version(browser, base(cycle) + "/adjust"), "_csrf", browser.csrfFrom(base(cycle) + "/adjust")));
		assertThat(close.status()).isEqualTo(400);
		assertThat(close.body()).contains("set the goal again");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_cycle WHERE id = ? AND closed_at IS NULL")
			.param(cycle)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
