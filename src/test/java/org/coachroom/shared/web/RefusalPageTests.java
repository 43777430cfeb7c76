package org.coachroom.shared.web;

import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The one refusal page, as a person reads it. */
@LaunchTest
class RefusalPageTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	TestPlatform platform;

	@AfterEach
	void tearDown() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void aRefusalPageIsHeadedInWordsNotAMissingMessageKey() {
		platform = TestPlatform.start();
		platform.registerWith(registry);
		String course = "refusal-" + UUID.randomUUID();
		LaunchClient teacher = new Launcher(port, platform, jdbc)
			.launch("t-" + course, "Tess Teacher", TestPlatform.LEARNER, course, "Hub")
			.browser();

		LaunchClient.Response missing = teacher.get("/groups/987654321");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>Study group not found</h1>")
			.contains("<title>Study group not found</title>")
			.doesNotContain("??");
	}

}
