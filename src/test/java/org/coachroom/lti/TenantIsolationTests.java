package org.coachroom.lti;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * Two deployments are two tenants: the same LMS user and course ids in each are different
 * people and courses in Coachroom, and what one tenant's launch shows never comes from
 * the other's rows.
 */
@LaunchTest
class TenantIsolationTests {

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
	void theSameLmsIdsInTwoDeploymentsAreKeptApart() {
		var registered = registry.register(new PlatformRegistration(platform.issuer(), platform.clientId(),
				"Two schools", platform.authorizationEndpoint(), null, platform.issuer() + platform.jwksPath(),
				"moodle", PlatformRegistration.Source.REGISTRATIONS_FILE, List.of("north", "south"), Map.of(), null,
				List.of()));
		assertThat(registered.tenants()).hasSize(2);

		LaunchClient northBrowser = launch("north", "North Elementary PD");
		LaunchClient southBrowser = launch("south", "South Elementary PD");

		assertThat(northBrowser.get("/home").body()).contains("North Elementary PD")
			.doesNotContain("South Elementary PD");
		assertThat(southBrowser.get("/home").body()).contains("South Elementary PD")
			.doesNotContain("North Elementary PD");

		long north = registered.tenants().get(0).value();
		long south = registered.tenants().get(1).value();
		assertThat(userIds(north)).hasSize(1).doesNotContainAnyElementsOf(userIds(south));
		assertThat(jdbc.sql("SELECT title FROM lti_context WHERE tenant_id = ? AND context_id = '2'")
			.param(north)
			.query(String.class)
			.single()).isEqualTo("North Elementary PD");
		assertThat(jdbc.sql("SELECT title FROM lti_context WHERE tenant_id = ? AND context_id = '2'")
			.param(south)
			.query(String.class)
			.single()).isEqualTo("South Elementary PD");
	}

	@Test
	void everyLtiRowOfAPersonCarriesTheirTenant() {
		assertThat(jdbc
			.sql("""
					SELECT COUNT(*) FROM lti_session s JOIN lti_user u ON u.id = s.user_ref WHERE s.tenant_id <> u.tenant_id""")
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM lti_context_member m JOIN lti_context c ON c.id = m.context_ref
				JOIN lti_user u ON u.id = m.user_ref WHERE m.tenant_id <> c.tenant_id OR m.tenant_id <> u.tenant_id""")
			.query(Integer.class)
			.single()).isZero();
	}

	private List<Long> userIds(long tenant) {
		return jdbc.sql("SELECT id FROM lti_user WHERE tenant_id = ? AND subject = '3'")
			.param(tenant)
			.query(Long.class)
			.list();
	}

	private LaunchClient launch(String deployment, String courseTitle) {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		Map<String, String> form = Map.of("iss", platform.issuer(), "target_link_uri", "http://localhost/lti/launch",
				"login_hint", "3", "client_id", platform.clientId(), "lti_deployment_id", deployment);
		var login = browser.followCookieCheck(browser.post("/lti/login", form));
		assertThat(login.status()).isEqualTo(302);
		var params = URI.create(login.location()).getRawQuery();
		String state = param(params, "state");
		String nonce = param(params, "nonce");
		var claims = platform.launchClaims(nonce, "3", TestPlatform.LEARNER)
			.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", deployment)
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", "2", "label", "PD", "title", courseTitle, "type", List.of("CourseSection")))
			.build();
		assertThat(browser.launch(platform.sign(claims), state).status()).isEqualTo(200);
		return browser;
	}

	private static String param(String query, String name) {
		for (String pair : query.split("&")) {
			if (pair.startsWith(name + "=")) {
				return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no " + name);
	}

}
