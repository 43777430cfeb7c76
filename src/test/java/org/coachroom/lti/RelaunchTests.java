package org.coachroom.lti;

import java.util.Map;

import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relaunch keeps Coachroom's copy of the person and course as the LMS now describes
 * them, even though a node remembers what it last saw to spare relaunches their queries.
 */
@LaunchTest
class RelaunchTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void start() {
		platform = TestPlatform.start();
	}

	@AfterAll
	static void stop() {
		platform.close();
	}

	@Test
	void aNameChangedInTheLmsIsTheNameAfterTheNextLaunch() {
		platform.registerWith(registry);
		launch("41", "Ana Ruiz", "Grade 3 team");
		LaunchClient browser = launch("41", "Ana Ruiz-Moreno", "Grade 3 team");

		assertThat(browser.get("/home").body()).contains("Ana Ruiz-Moreno");
		assertThat(jdbc.sql("SELECT name FROM lti_user WHERE subject = '41'").query(String.class).single())
			.isEqualTo("Ana Ruiz-Moreno");
	}

	@Test
	void aCourseRetitledInTheLmsIsRetitledAfterTheNextLaunch() {
		platform.registerWith(registry);
		launch("42", "Ben Ode", "Grade 4 team");
		LaunchClient browser = launch("42", "Ben Ode", "Grade 4 PLC");

		assertThat(browser.get("/home").body()).contains("Grade 4 PLC");
		assertThat(
				jdbc.sql("SELECT title FROM lti_context WHERE context_id = 'course-42'").query(String.class).single())
			.isEqualTo("Grade 4 PLC");
	}

	@Test
	void aPersonWhoseRowWasRemovedElsewhereIsRecordedAgainAtTheNextLaunch() {
		platform.registerWith(registry);
		launch("43", "Cy Dana", "Grade 5 team");
		// as another node (or a privacy deletion) would: the row goes, this node still
		// remembers its id
		jdbc.sql("DELETE FROM lti_user WHERE subject = '43'").update();

		LaunchClient browser = launch("43", "Cy Dana", "Grade 5 team");

		assertThat(browser.get("/home").body()).contains("Cy Dana");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lti_user WHERE subject = '43'").query(Integer.class).single())
			.isOne();
	}

	private LaunchClient launch(String sub, String name, String courseTitle) {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, sub);
		var claims = platform.launchClaims(auth.nonce(), sub, TestPlatform.LEARNER)
			.claim("name", name)
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", "course-" + sub, "label", "PLC", "title", courseTitle))
			.build();
		assertThat(browser.launch(platform.sign(claims), auth.state()).status()).isEqualTo(200);
		return browser;
	}

}
