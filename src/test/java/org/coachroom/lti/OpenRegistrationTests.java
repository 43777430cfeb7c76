package org.coachroom.lti;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open registration, when the operator turns it on: an LMS neither listed nor invited
 * registers, waits for the operator's approval with its launches refused, and only so
 * many may wait.
 */
@LaunchTest
@TestPropertySource(properties = { "coachroom.lti.open-registration=true", "coachroom.lti.registration-allowed-hosts=",
		"coachroom.lti.max-pending-registrations=2", "coachroom.lti.operator-token=" + OpenRegistrationTests.OPERATOR })
class OpenRegistrationTests {

	static final String OPERATOR = "operator-secret-for-the-tests-0123456789";

	static final String CONFIG = "/mod/lti/openid-configuration.php";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void noneWaiting() {
		jdbc.sql("DELETE FROM lti_platform WHERE status = 'PENDING'").update();
	}

	@Test
	void anOpenRegistrationWaitsForApprovalAndItsLaunchesAreRefusedUntilThen() {
		try (TestPlatform lms = TestPlatform.start()) {
			serveRegistration(lms);
			LaunchClient browser = new LaunchClient("http://localhost:" + port);

			LaunchClient.Response registered = browser
				.get("/lti/register?openid_configuration=" + lms.issuer() + CONFIG + "&registration_token=t&again=yes");
			assertThat(registered.status()).isEqualTo(200);
			assertThat(registered.body()).contains("id=\"registration-pending\"")
				.contains("waits for the Coachroom operator");
			assertThat(status(lms)).isEqualTo("PENDING");

			LaunchClient.Response refused = browser.post("/lti/login", loginForm(lms));
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.refusalCode()).isEqualTo("platform-pending");
			assertThat(refused.body()).contains("waiting for approval");

			LaunchClient operator = new LaunchClient("http://localhost:" + port);
			LaunchClient.Response overview = operator.post("/lti/operator", Map.of("token", OPERATOR));
			assertThat(overview.status()).isEqualTo(200);
			assertThat(overview.body()).contains(lms.issuer()).contains(lms.clientId());
			long id = jdbc.sql("SELECT id FROM lti_platform WHERE issuer = ?")
				.param(lms.issuer())
				.query(Long.class)
				.single();
			LaunchClient.Response approved = operator.post("/lti/operator/approve",
					Map.of("token", OPERATOR, "platform", Long.toString(id)));
			assertThat(approved.body()).contains("Approved");
			assertThat(status(lms)).isEqualTo("ACTIVE");

			LaunchClient.AuthRequest auth = browser.login(lms, "3");
			assertThat(browser
				.launch(lms.sign(lms.launchClaims(auth.nonce(), "3", TestPlatform.LEARNER).build()), auth.state())
				.status()).isEqualTo(200);
			assertThat(browser.get("/home").status()).isEqualTo(200);
		}
	}

	@Test
	void aPendingPlatformsLaunchIsRefusedEvenWhenItsLoginStartedBefore(@Autowired PlatformRegistry registry) {
		try (TestPlatform lms = TestPlatform.start()) {
			lms.registerWith(registry);
			LaunchClient browser = new LaunchClient("http://localhost:" + port);
			LaunchClient.AuthRequest auth = browser.login(lms, "3");
			jdbc.sql("UPDATE lti_platform SET status = 'PENDING' WHERE issuer = ?").param(lms.issuer()).update();
			lms.registerWith(registry); // forgets what this node remembered, as a change
										// on it would

			LaunchClient.Response launch = browser
				.launch(lms.sign(lms.launchClaims(auth.nonce(), "3", TestPlatform.LEARNER).build()), auth.state());

			assertThat(launch.status()).isEqualTo(403);
			assertThat(launch.refusalCode()).isEqualTo("platform-pending");
			assertThat(browser.cookie("coachroom_session")).isNull();
		}
	}

	@Test
	void beyondTheCapNewOpenRegistrationsAreRefusedBeforeAnythingIsFetched() {
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < 2; i++) {
			jdbc.sql(
					"""
							INSERT INTO lti_platform (issuer, client_id, name, authorization_endpoint, jwks_uri, source, status,
							created_at, updated_at, version) VALUES (?, 'c', 'Waiting', ?, ?, 'DYNAMIC_REGISTRATION', 'PENDING', ?, ?, 0)""")
				.params("https://waiting-" + i + ".example", "https://waiting-" + i + ".example/auth",
						"https://waiting-" + i + ".example/jwks", now, now)
				.update();
		}
		try (TestPlatform lms = TestPlatform.start()) {
			serveRegistration(lms);
			// counted before: an earlier test's LMS may have had this port, and its
			// issuer
			int registeredBefore = platformsWithIssuer(lms.issuer());

			LaunchClient.Response page = new LaunchClient("http://localhost:" + port)
				.get("/lti/register?openid_configuration=" + lms.issuer() + CONFIG + "&registration_token=t&again=yes");

			assertThat(page.status()).isEqualTo(429);
			assertThat(page.refusalCode()).isEqualTo("registration-pending-full");
			assertThat(page.body()).contains("too many registrations are already waiting for approval");
			assertThat(lms.wireMock().findAll(WireMock.getRequestedFor(urlPathEqualTo(CONFIG)))).isEmpty();
			assertThat(platformsWithIssuer(lms.issuer())).isEqualTo(registeredBefore);
		}
	}

	private int platformsWithIssuer(String issuer) {
		return jdbc.sql("SELECT COUNT(*) FROM lti_platform WHERE issuer = ?")
			.param(issuer)
			.query(Integer.class)
			.single();
	}

	@Test
	void withoutTheOperatorsTokenNothingIsShownOrApproved() {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO lti_platform (issuer, client_id, name, authorization_endpoint, jwks_uri, source, status,
						created_at, updated_at, version) VALUES ('https://hopeful.example', 'c', 'Hopeful', 'https://hopeful.example/a',
						'https://hopeful.example/j', 'DYNAMIC_REGISTRATION', 'PENDING', ?, ?, 0)""")
			.params(now, now)
			.update();
		long id = jdbc.sql("SELECT id FROM lti_platform WHERE issuer = 'https://hopeful.example'")
			.query(Long.class)
			.single();
		LaunchClient stranger = new LaunchClient("http://localhost:" + port);

		assertThat(stranger.get("/lti/operator").body()).contains("name=\"token\"").doesNotContain("hopeful.example");
		LaunchClient.Response wrong = stranger.post("/lti/operator", Map.of("token", OPERATOR + "x"));
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(wrong.body()).doesNotContain("hopeful.example");
		assertThat(stranger.post("/lti/operator/approve", Map.of("token", "guess", "platform", Long.toString(id)))
			.status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT status FROM lti_platform WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("PENDING");
	}

	@Test
	void theOperatorIssuesRegistrationUrlsForNewDistricts() {
		LaunchClient operator = new LaunchClient("http://localhost:" + port);
		LaunchClient.Response issued = operator.post("/lti/operator/invite", Map.of("token", OPERATOR));
		assertThat(issued.status()).isEqualTo(200);
		Matcher url = Pattern.compile("id=\"issued-url\"[^>]*value=\"([^\"]+)\"").matcher(issued.body());
		assertThat(url.find()).isTrue();
		try (TestPlatform lms = TestPlatform.start()) {
			serveRegistration(lms);
			LaunchClient.Response registered = operator
				.get(url.group(1) + "&openid_configuration=" + lms.issuer() + CONFIG);
			assertThat(registered.status()).isEqualTo(200);
			assertThat(registered.body()).doesNotContain("registration-pending");
			assertThat(status(lms)).as("an invitation skips the wait").isEqualTo("ACTIVE");
		}
	}

	private String status(TestPlatform lms) {
		return jdbc.sql("SELECT status FROM lti_platform WHERE issuer = ?")
			.param(lms.issuer())
			.query(String.class)
			.single();
	}

	/**
	 * The test LMS answers dynamic registration as Moodle does, with its own client and
	 * deployment id.
	 */
	private static void serveRegistration(TestPlatform lms) {
		lms.wireMock()
			.stubFor(get(urlPathEqualTo(CONFIG)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(MoodleFixtures.readFor("openid-configuration.json", lms.issuer()))));
		lms.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/openid-registration.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(MoodleFixtures.readFor("registration-response.json", lms.issuer())
					.replace("sD4xhS2UPywMPuw", lms.clientId())
					.replace("\"deployment_id\":\"3\"", "\"deployment_id\":\"" + lms.deploymentId() + "\""))));
	}

	private static Map<String, String> loginForm(TestPlatform lms) {
		return Map.of("iss", lms.issuer(), "login_hint", "3", "target_link_uri", lms.issuer() + "/x", "client_id",
				lms.clientId(), "lti_deployment_id", lms.deploymentId());
	}

}
