package org.coachroom.lti;

import org.coachroom.Application;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestDatabase;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Coachroom nodes on one database, as behind a load balancer without sticky sessions:
 * a launch started on one finishes on the other, and the session it makes works on both.
 */
@LaunchTest
class TwoNodesLaunchTests {

	static TestPlatform platform;

	static ConfigurableApplicationContext secondNode;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@BeforeAll
	static void startSecondNode() {
		platform = TestPlatform.start();
		secondNode = new SpringApplicationBuilder(Application.class)
			.properties("server.port=0", "spring.jmx.enabled=false", "spring.datasource.url=" + TestDatabase.url(),
					"spring.datasource.username=" + TestDatabase.username(),
					"spring.datasource.password=" + TestDatabase.password(),
					// the test LMS (its key set) is on this machine
					"coachroom.lti.allow-private-network=true")
			.run();
	}

	@AfterAll
	static void stop() {
		secondNode.close();
		platform.close();
	}

	@Test
	void aLaunchStartedOnOneNodeFinishesOnTheOther() {
		platform.registerWith(registry);
		String secondBase = "http://localhost:" + secondNode.getEnvironment().getProperty("local.server.port");
		LaunchClient browser = new LaunchClient("http://localhost:" + port);

		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform.sign(platform.launchClaims(auth.nonce(), "3", TestPlatform.INSTRUCTOR).build());
		LaunchClient.Response launch = browser.launchAt(secondBase, token, auth.state());

		assertThat(launch.status()).as(launch.body()).isEqualTo(200);
		assertThat(browser.get(secondBase + "/home").body()).contains("Signed in as Terry Teacher");
		assertThat(browser.get("/home").body()).as("the first node knows the session too")
			.contains("Signed in as Terry Teacher");
	}

	@Test
	void aLaunchReplayedOnTheOtherNodeIsStillRefused() {
		platform.registerWith(registry);
		String secondBase = "http://localhost:" + secondNode.getEnvironment().getProperty("local.server.port");
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform.sign(platform.launchClaims(auth.nonce(), "3", TestPlatform.INSTRUCTOR).build());
		assertThat(browser.launch(token, auth.state()).status()).isEqualTo(200);

		LaunchClient.Response replay = browser.launchAt(secondBase, token, auth.state());
		assertThat(replay.status()).isEqualTo(400);
		assertThat(replay.refusalCode()).isEqualTo("state-already-used");
	}

}
