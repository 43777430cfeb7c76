package org.coachroom.team;

import java.util.Map;
import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher;
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
 * What a team and its principal see ("What people see"): norms saved from a second tab
 * keep the typed text, dates far off are refused with their range, the workspace address
 * with a trailing slash, and the principal's school remembered.
 */
@LaunchTest
class TeamWhatPeopleSeeTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	TestPlatform platform;

	Launcher launcher;

	String course;

	Launched coach;

	Launched teacher;

	@BeforeEach
	void setUp() {
		platform = TestPlatform.start();
		platform.registerWith(registry, Map.of(), "coachroom_role");
		launcher = new Launcher(port, platform, jdbc);
		course = "see-" + UUID.randomUUID();
		coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Grade 3 PLC");
		teacher = launcher.launch("t-" + course, "Maria Lopez", TestPlatform.LEARNER, course, "Grade 3 PLC");
	}

	@AfterEach
	void tearDown() {
		platform.close();
	}

	private static String normsVersion(LaunchClient browser, long id) {
		return browser.get("/team/" + id).body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
	}

	private long open() {
		LaunchClient browser = coach.browser();
		browser.get("/team");
		var opened = browser.post("/team", Map.of("title", "Grade 3 team", "_csrf", browser.csrfFrom("/team")));
		assertThat(opened.status()).isEqualTo(302);
		return Long.parseLong(opened.location().replaceAll(".*/team/", ""));
	}

	@Test
	void normsSavedFromAStaleTabComeBackWithTheTypedTextKeptAndTheirsShown() {
		long id = open();
		LaunchClient mine = teacher.browser();
		mine.get("/team");
		LaunchClient theirs = coach.browser();
		String staleVersion = normsVersion(mine, id);
		String csrf = mine.csrfFrom("/team/" + id);
		var first = theirs.post("/team/" + id + "/norms", Map.of("norms", "We start on time.", "version",
				normsVersion(theirs, id), "_csrf", theirs.csrfFrom("/team/" + id)));
		assertThat(first.status()).isEqualTo(302);

		var stale = mine.post("/team/" + id + "/norms",
				Map.of("norms", "Phones away during data talks.", "version", staleVersion, "_csrf", csrf));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("saved the norms while you were writing")
			.contains("We start on time.")
			.contains("Phones away during data talks.</textarea>")
			.contains("id=\"norms-conflict\"");
		assertThat(jdbc.sql("SELECT norms FROM team_workspace WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("We start on time.");

		// saving again from the page that came back replaces theirs, knowingly
		String version = stale.body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		var again = mine.post("/team/" + id + "/norms",
				Map.of("norms", "Phones away during data talks.", "version", version, "_csrf", csrf));
		assertThat(again.status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT norms FROM team_workspace WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Phones away during data talks.");
	}

	@Test
	void anActionDueInTheYear3000IsRefusedWithTheRangeOfDates() {
		long id = open();
		LaunchClient browser = coach.browser();
		browser.post("/team/" + id + "/actions",
				Map.of("text", "Grade the quiz", "dueOn", "3000-01-01", "_csrf", browser.csrfFrom("/team/" + id)));
		assertThat(browser.get("/team/" + id).body()).contains("from ten years ago to five years ahead");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM team_action WHERE workspace = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theWorkspaceAddressWithATrailingSlashLeadsToTheWorkspace() {
		long id = open();
		var slashed = coach.browser().get("/team/" + id + "/");
		assertThat(slashed.status()).isIn(301, 302, 308);
		assertThat(slashed.location()).endsWith("/team/" + id);
		assertThat(coach.browser().get(slashed.location()).status()).isEqualTo(200);
	}

	@Test
	void thePrincipalsTeamsPageOpensOnTheSchoolChosenLastTime() {
		long tenant = coach.member().tenant().value();
		for (String name : new String[] { "Lincoln " + course, "Roosevelt " + course }) {
			jdbc.sql(
					"INSERT INTO pd_school (tenant_id, name, school_level, archived, created_at) VALUES (?, ?, 'ELEMENTARY', FALSE, NOW())")
				.params(tenant, name)
				.update();
		}
		long roosevelt = jdbc.sql("SELECT id FROM pd_school WHERE name = ?")
			.param("Roosevelt " + course)
			.query(Long.class)
			.single();
		long lincoln = jdbc.sql("SELECT id FROM pd_school WHERE name = ?")
			.param("Lincoln " + course)
			.query(Long.class)
			.single();
		Launched principal = launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR,
				"office-" + course, "Principal's office", Map.of("coachroom_role", "Principal"));
		LaunchClient browser = principal.browser();
		assertThat(browser.get("/team/school").body()).doesNotContain("Teams of Roosevelt");
		assertThat(browser.get("/team/school?school=" + roosevelt).body()).contains("Roosevelt " + course);

		String next = browser.get("/team/school").body();
		assertThat(next).contains("value=\"" + roosevelt + "\" selected");
		// switching still works, and is what is remembered then
		assertThat(browser.get("/team/school?school=" + lincoln).body()).contains("value=\"" + lincoln + "\" selected");
		assertThat(browser.get("/team/school").body()).contains("value=\"" + lincoln + "\" selected");
	}

}
