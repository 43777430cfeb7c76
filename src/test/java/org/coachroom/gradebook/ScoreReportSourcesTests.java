package org.coachroom.gradebook;

import java.util.Map;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.CourseFixture;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gradebook report of sources other than study groups, as their modules'
 * ScoreReportAccess says.
 */
@LaunchTest
class ScoreReportSourcesTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	CourseFixture fixture;

	Launched coach;

	Launched teacher;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "plc", "Grade 3 PLC");
		coach = fixture.coach();
		teacher = fixture.teacher();
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	@Test
	void aTeamsFacilitatorSeesItsGradebookReportAndItsMembersDoNot() {
		LaunchClient browser = coach.browser();
		var opened = browser.post("/team", Map.of("title", "Grade 3 team", "_csrf", browser.csrfFrom("/team")));
		long id = Long.parseLong(opened.location().replaceAll(".*/team/", ""));
		teacher.browser().get("/team");

		var report = browser.get("/gradebook/team-workspaces/" + id);
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body()).contains("Gradebook: Grade 3 team").contains("/team/" + id);
		var retried = browser.post("/gradebook/team-workspaces/" + id + "/retry",
				Map.of("_csrf", browser.csrfFrom("/home")));
		assertThat(retried.status()).isEqualTo(302);
		assertThat(retried.location()).endsWith("/gradebook/team-workspaces/" + id);

		assertThat(teacher.browser().get("/gradebook/team-workspaces/" + id).status()).isEqualTo(404);
		assertThat(browser.get("/gradebook/team-workspaces/" + (id + 100_000)).status()).isEqualTo(404);
	}

	@Test
	void anUnknownSourceOrAPdItemNoOneHasIsNotFound() {
		assertThat(coach.browser().get("/gradebook/no-such-source/1").status()).isEqualTo(404);
		assertThat(coach.browser().get("/gradebook/pd-programs/987654321").status()).isEqualTo(404);
		assertThat(coach.browser().get("/gradebook/pd-requirements/987654321").status()).isEqualTo(404);
		assertThat(teacher.browser().get("/gradebook/study-groups/987654321").status()).isEqualTo(404);
	}

}
