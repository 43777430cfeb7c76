package org.coachroom.team;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Role × endpoint: every page and form of a team workspace (its cycles included) tried by
 * each kind of person who is not of the team (a principal and HR of the course, a teacher
 * of another course, the same coach under another district) is a 404 that changes
 * nothing; the team reaches every page; the principal's pages are a principal's only.
 */
@LaunchTest
class TeamAuthorizationTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	CourseFixture fixture;

	TestPlatform otherDistrict;

	Launcher launcher;

	String course;

	Launched coach;

	Launched teacher;

	long id;

	long meeting;

	long action;

	long file;

	long cycle;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "plc", "Grade 3 PLC");
		otherDistrict = TestPlatform.start();
		otherDistrict.registerWith(registry, Map.of(), "coachroom_role");
		launcher = fixture.launcher();
		course = fixture.course();
		coach = fixture.coach();
		teacher = fixture.teacher();
		LaunchClient c = coach.browser();
		id = Long.parseLong(c.post("/team", Map.of("title", "Grade 3 team", "_csrf", c.csrfFrom("/team")))
			.location()
			.replaceAll(".*/team/", ""));
		teacher.browser().get("/team");
		String page = "/team/" + id;
		meeting = Long.parseLong(c
			.post(page + "/meetings", Map.of("heldOn", "2026-10-01", "title", "Data meeting", "agenda", "Results",
					"_csrf", c.csrfFrom(page)))
			.location()
			.replaceAll(".*/meetings/", ""));
		c.post(page + "/actions", Map.of("text", "Bring samples", "_csrf", c.csrfFrom(page)));
		action = jdbc.sql("SELECT id FROM team_action WHERE workspace = ?").param(id).query(Long.class).single();
		c.postFile(page + "/files", Map.of("_csrf", c.csrfFrom(page)), "file", "rubric.pdf", "application/pdf", PDF);
		file = jdbc.sql("SELECT id FROM team_resource WHERE workspace = ?").param(id).query(Long.class).single();
		cycle = Long.parseLong(
				c.post(page + "/cycles", Map.of("_csrf", c.csrfFrom(page))).location().replaceAll(".*/cycles/", ""));
		c.post(page + "/cycles/" + cycle + "/learn",
				Map.of("standard", "Students will add fractions.", "version", "0", "_csrf", c.csrfFrom(page)));
	}

	@AfterEach
	void tearDown() {
		fixture.close();
		otherDistrict.close();
	}

	private List<String> pages() {
		String w = "/team/" + id;
		String c = w + "/cycles/" + cycle;
		return List.of(w, w + "/meetings/" + meeting, w + "/files/" + file, c, c + "/learn", c + "/assess", c + "/goal",
				c + "/respond", c + "/adjust", c + "/summary");
	}

	private List<String> forms() {
		String w = "/team/" + id;
		String c = w + "/cycles/" + cycle;
		return List.of(w + "/norms", w + "/meetings", w + "/meetings/" + meeting, w + "/actions",
				w + "/actions/" + action, w + "/links", w + "/files", w + "/resources/" + file + "/delete",
				w + "/roster", w + "/cycles", c + "/learn", c + "/assess", c + "/results", c + "/goal", c + "/respond",
				c + "/adjust", c + "/close", c + "/share", w + "/school");
	}

	/**
	 * Everything the team's pages hold, to see that no refused form changed any of it.
	 */
	private String state() {
		return jdbc.sql("""
				SELECT CONCAT_WS('|', w.norms, w.version, w.school_ref,
				  (SELECT GROUP_CONCAT(CONCAT(m.id, m.title, m.version)) FROM team_meeting m WHERE m.workspace = w.id),
				  (SELECT GROUP_CONCAT(CONCAT(a.id, a.done, a.version)) FROM team_action a WHERE a.workspace = w.id),
				  (SELECT GROUP_CONCAT(r.id) FROM team_resource r WHERE r.workspace = w.id),
				  (SELECT GROUP_CONCAT(CONCAT(c.id, c.version, COALESCE(c.closed_at, ''), COALESCE(c.shared_at, '')))
				     FROM team_cycle c WHERE c.workspace = w.id),
				  (SELECT COUNT(*) FROM team_member tm WHERE tm.workspace = w.id))
				FROM team_workspace w WHERE w.id = ?""").param(id).query(String.class).single();
	}

	@Test
	void noOneOutsideTheTeamReachesAnyPageOrFormOfTheWorkspace() {
		Launched principal = launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR, course,
				"Grade 3 PLC", Map.of("coachroom_role", "Principal"));
		Launched hr = launcher.launch("hr-" + course, "Helen HR", ADMINISTRATOR, course, "Grade 3 PLC",
				Map.of("coachroom_role", "HR"));
		Launched admin = launcher.launch("a-" + course, "Ada Admin", ADMINISTRATOR, course, "Grade 3 PLC");
		Launched elsewhere = launcher.launch("t2-" + course, "Ben Ode", TestPlatform.LEARNER, "other-" + course,
				"Grade 5 PLC");
		Launched otherCoach = new Launcher(port, otherDistrict, jdbc).launch("coach-" + course, "Carla Coach",
				TestPlatform.INSTRUCTOR, course, "Grade 3 PLC");
		String before = state();
		List<String> reached = new ArrayList<>();
		for (Launched outsider : List.of(principal, hr, admin, elsewhere, otherCoach)) {
			String who = outsider.member().roles() + " " + outsider.member().subject();
			for (String page : pages()) {
				int status = outsider.browser().getBytes(page).status();
				if (status != 404) {
					reached.add(who + " GET " + page + " -> " + status);
				}
			}
			for (String form : forms()) {
				Map<String, String> fields = new HashMap<>(
						Map.of("norms", "Taken over", "title", "Taken", "heldOn", "2026-10-02", "text", "Leak", "url",
								"https://example.org", "standard", "Students will leak.", "version", "0", "share",
								"true", "participant", String.valueOf(outsider.member().userId()), "school", ""));
				fields.put("_csrf", outsider.browser().csrfFrom("/home"));
				int status = outsider.browser().post(form, fields).status();
				if (status != 404) {
					reached.add(who + " POST " + form + " -> " + status);
				}
			}
		}
		assertThat(reached).isEmpty();
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void theTeamReachesEveryPageAndOnlyTheFacilitatorClosesSharesAndNamesTheSchool() {
		for (Launched member : List.of(coach, teacher)) {
			for (String page : pages()) {
				// a cycle's own address sends the team on to the step it is at
				assertThat(member.browser().getBytes(page).status()).as(member.member().subject() + " " + page)
					.isEqualTo(page.matches(".*/cycles/\\d+") ? 302 : 200);
			}
		}
		String c = "/team/" + id + "/cycles/" + cycle;
		String before = state();
		for (String facilitatorOnly : List.of(c + "/close", c + "/share", "/team/" + id + "/school",
				"/team/" + id + "/roster")) {
			var answer = teacher.browser()
				.post(facilitatorOnly, Map.of("participant", String.valueOf(teacher.member().userId()), "version", "1",
						"share", "true", "school", "", "_csrf", teacher.browser().csrfFrom("/team/" + id)));
			assertThat(answer.status()).as(facilitatorOnly).isEqualTo(404);
		}
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void theSchoolOverviewAndSharedSummariesAreAPrincipalsOnly() {
		Launched hr = launcher.launch("hr-" + course, "Helen HR", ADMINISTRATOR, course, "Grade 3 PLC",
				Map.of("coachroom_role", "HR"));
		Launched admin = launcher.launch("a-" + course, "Ada Admin", ADMINISTRATOR, course, "Grade 3 PLC");
		for (Launched notPrincipal : List.of(coach, teacher, hr, admin)) {
			assertThat(notPrincipal.browser().get("/team/school").status()).isEqualTo(404);
			assertThat(notPrincipal.browser().get("/team/shared/" + cycle).status()).isEqualTo(404);
		}
		Launched principal = launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR, course,
				"Grade 3 PLC", Map.of("coachroom_role", "Principal"));
		assertThat(principal.browser().get("/team/school").status()).isEqualTo(200);
		// an open cycle, never shared, is no summary
		assertThat(principal.browser().get("/team/shared/" + cycle).status()).isEqualTo(404);
	}

}
