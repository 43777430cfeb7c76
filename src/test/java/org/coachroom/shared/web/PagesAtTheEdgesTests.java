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

/** Requests a browser makes on its own, or a person types, get a page, not an error. */
@LaunchTest
class PagesAtTheEdgesTests {

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
	void theBrowsersOwnRequestForAnIconGetsOne() {
		LaunchClient.Bytes icon = new LaunchClient("http://localhost:" + port).getBytes("/favicon.ico");
		assertThat(icon.status()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
		assertThat(icon.body()).hasSizeGreaterThan(50);
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFoundNotAServerError() {
		assertThat(new LaunchClient("http://localhost:" + port).get("/error").status()).isEqualTo(404);
	}

	@Test
	void anAddressWithASlashAtTheEndLeadsToThePage() {
		platform = TestPlatform.start();
		platform.registerWith(registry);
		String course = "edges-" + UUID.randomUUID();
		LaunchClient teacher = new Launcher(port, platform, jdbc)
			.launch("t-" + course, "Tess Teacher", TestPlatform.LEARNER, course, "Hub")
			.browser();

		LaunchClient.Response slashed = teacher.get("/groups/?from=typed");
		assertThat(slashed.status()).isEqualTo(301);
		assertThat(slashed.location()).isEqualTo("/groups?from=typed");
		assertThat(teacher.get(slashed.location()).status()).isEqualTo(200);
	}

}
