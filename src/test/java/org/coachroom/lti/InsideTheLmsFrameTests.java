package org.coachroom.lti;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Coachroom lives in the LMS's iframe: cookies that survive there, framing allowed only
 * to registered platforms, CSRF on forms, and a page to act on when the session is gone.
 */
@LaunchTest
class InsideTheLmsFrameTests {

	static TestPlatform platform;

	@Autowired
	MockMvc mvc;

	@Autowired
	PlatformRegistry registry;

	@LocalServerPort
	int port;

	@BeforeAll
	static void start() {
		platform = TestPlatform.start();
	}

	@AfterAll
	static void stop() {
		platform.close();
	}

	@BeforeEach
	void register() {
		platform.registerWith(registry);
	}

	@Test
	void overHttpsCookiesAreSameSiteNoneSecureAndPartitioned() throws Exception {
		MvcResult login = mvc
			.perform(post("/lti/login").secure(true)
				.param("iss", platform.issuer())
				.param("login_hint", "3")
				.param("target_link_uri", "https://localhost/lti/launch")
				.param("client_id", platform.clientId()))
			.andReturn();
		assertThat(login.getResponse().getStatus()).isEqualTo(302);
		assertThat(login.getResponse().getHeaders("Set-Cookie")).singleElement()
			.satisfies(cookie -> assertThat(cookie).startsWith("__Host-coachroom_browser=")
				.contains("Path=/")
				.doesNotContain("Domain=")
				.contains("Secure")
				.contains("SameSite=None")
				.contains("Partitioned")
				.contains("HttpOnly"));
	}

	@Test
	void onPlainHttpLocalhostCookiesAreLax() throws Exception {
		MvcResult login = mvc
			.perform(post("/lti/login").param("iss", platform.issuer())
				.param("login_hint", "3")
				.param("target_link_uri", "http://localhost/lti/launch")
				.param("client_id", platform.clientId()))
			.andReturn();
		assertThat(login.getResponse().getHeaders("Set-Cookie")).singleElement()
			.satisfies(cookie -> assertThat(cookie).contains("SameSite=Lax")
				.doesNotContain("Secure")
				.doesNotContain("Partitioned"));
	}

	@Test
	void beforeSignInPagesMayBeFramedByCoachroomOnly() throws Exception {
		String csp = mvc.perform(get("/")).andReturn().getResponse().getHeader("Content-Security-Policy");
		assertThat(csp).startsWith("frame-ancestors 'self';").doesNotContain(platform.issuer()).doesNotContain("*");
		assertThat(mvc.perform(get("/")).andReturn().getResponse().getHeader("X-Frame-Options")).isNull();
	}

	@Test
	void aRefusedLoginMayBeFramedByThePlatformWhoseLoginItWas() throws Exception {
		try (TestPlatform other = TestPlatform.start()) {
			other.registerWith(registry);
			MvcResult refused = mvc
				.perform(post("/lti/login").param("iss", platform.issuer())
					.param("login_hint", "3")
					.param("target_link_uri", "javascript:alert(1)")
					.param("client_id", platform.clientId()))
				.andReturn();
			assertThat(refused.getResponse().getStatus()).isEqualTo(400);
			assertThat(refused.getResponse().getHeader("Content-Security-Policy"))
				.startsWith("frame-ancestors 'self' " + platform.issuer() + ";")
				.doesNotContain(other.issuer());
		}
	}

	@Test
	void aRefusedLoginFromAnUnknownPlatformMayBeFramedByThePageThatPostedIt() throws Exception {
		MvcResult refused = mvc
			.perform(post("/lti/login").header("Origin", "https://moodle.unknown.example")
				.header("Referer", "https://elsewhere.example/")
				.param("iss", "https://moodle.unknown.example")
				.param("login_hint", "3")
				.param("target_link_uri", "https://localhost/lti/launch")
				.param("client_id", "no-such-client"))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getHeader("Content-Security-Policy"))
			.startsWith("frame-ancestors 'self' https://moodle.unknown.example;")
			.doesNotContain("elsewhere")
			.doesNotContain("*");
	}

	@Test
	void aRefusedGetLoginFromAnUnknownPlatformMayBeFramedByItsReferrersOrigin() throws Exception {
		MvcResult refused = mvc
			.perform(get("/lti/login").header("Referer", "https://moodle.unknown.example:8443/")
				.param("iss", "https://moodle.unknown.example:8443")
				.param("login_hint", "3")
				.param("target_link_uri", "https://localhost/lti/launch"))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getHeader("Content-Security-Policy"))
			.startsWith("frame-ancestors 'self' https://moodle.unknown.example:8443;");
	}

	@Test
	void aLaunchWithAStateNoOneIssuedMayBeFramedByThePageThatPostedIt() throws Exception {
		MvcResult refused = mvc
			.perform(post("/lti/launch").header("Origin", "https://moodle.unknown.example")
				.param("state", "never-issued")
				.param("id_token", "x.y.z"))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isBetween(400, 499);
		assertThat(refused.getResponse().getHeader("Content-Security-Policy"))
			.startsWith("frame-ancestors 'self' https://moodle.unknown.example;");
	}

	@Test
	void anAskingOriginThatIsNotAnOriginAddsNothingAndPagesWithActionsIgnoreIt() throws Exception {
		MvcResult refused = mvc
			.perform(post("/lti/login").header("Origin", "https://a.example; script-src *")
				.param("iss", "https://moodle.unknown.example")
				.param("login_hint", "3")
				.param("target_link_uri", "https://localhost/lti/launch"))
			.andReturn();
		assertThat(refused.getResponse().getHeader("Content-Security-Policy")).startsWith("frame-ancestors 'self';")
			.doesNotContain("a.example");
		assertThat(mvc.perform(get("/").header("Origin", "https://moodle.unknown.example"))
			.andReturn()
			.getResponse()
			.getHeader("Content-Security-Policy")).startsWith("frame-ancestors 'self';");
	}

	@Test
	void aRefusedLaunchMayBeFramedByThePlatformThatStartedTheLogin() {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		LaunchClient stranger = new LaunchClient("http://localhost:" + port);
		LaunchClient.Response refused = stranger.launch(
				platform.sign(platform.launchClaims(auth.nonce(), "3", TestPlatform.LEARNER).build()), auth.state());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Security-Policy").orElseThrow())
			.startsWith("frame-ancestors 'self' " + platform.issuer() + ";");
	}

	@Test
	void manyRegisteredPlatformsDoNotGrowAnyonesHeader(@Autowired JdbcClient jdbc) throws Exception {
		String marker = "flood" + Long.toHexString(System.nanoTime());
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < 400; i++) {
			String issuer = "https://" + marker + "-" + i + ".attacker.example";
			jdbc.sql(
					"""
							INSERT INTO lti_platform (issuer, client_id, name, authorization_endpoint, jwks_uri, source, frame_origins,
							created_at, updated_at, version) VALUES (?, 'c', 'Flood', ?, ?, 'DYNAMIC_REGISTRATION', ?, ?, ?, 0)""")
				.params(issuer, issuer + "/auth", issuer + "/jwks",
						"https://" + marker + "-" + i + "-pages.attacker.example", now, now)
				.update();
		}
		try {
			LaunchClient stranger = new LaunchClient("http://localhost:" + port);
			for (String path : List.of("/", "/session-ended", "/lti/login?iss=" + platform.issuer() + "&login_hint=3"
					+ "&client_id=" + platform.clientId() + "&target_link_uri=bad", "/lti/login")) {
				LaunchClient.Response page = stranger.get(path, "text/html");
				assertThat(page.status()).as(path).isBetween(200, 499);
				assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path)
					.doesNotContain(marker)
					.hasSizeLessThan(1000);
			}
			LaunchClient browser = launchedBrowser();
			LaunchClient.Response home = browser.get("/home");
			assertThat(home.status()).isEqualTo(200);
			assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain(marker);
		}
		finally {
			jdbc.sql("DELETE FROM lti_platform WHERE issuer LIKE ?").param("https://" + marker + "-%").update();
		}
	}

	@Test
	void aSignedInPersonsPagesMayBeFramedOnlyByTheirOwnLms() {
		try (TestPlatform other = TestPlatform.start()) {
			other.registerWith(registry);
			LaunchClient browser = launchedBrowser();
			String csp = browser.get("/home").headers().firstValue("Content-Security-Policy").orElseThrow();
			assertThat(csp).startsWith("frame-ancestors 'self' " + platform.issuer() + ";")
				.doesNotContain(other.issuer());
		}
	}

	@Test
	void thePageALaunchAnswersWithIsFramedByItsLmsAndItsFormsWork() {
		try (TestPlatform other = TestPlatform.start()) {
			other.registerWith(registry);
			LaunchClient browser = new LaunchClient("http://localhost:" + port);
			LaunchClient.AuthRequest auth = browser.login(platform, "3");
			LaunchClient.Response landed = browser.launch(
					platform.sign(platform.launchClaims(auth.nonce(), "3", TestPlatform.LEARNER).build()),
					auth.state());

			assertThat(landed.status()).isEqualTo(200);
			assertThat(landed.headers().firstValue("Content-Security-Policy").orElseThrow())
				.startsWith("frame-ancestors 'self' " + platform.issuer() + ";")
				.doesNotContain(other.issuer());
			assertThat(landed.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
			// the browser's history gets the page's address instead of the spent POST
			assertThat(landed.body()).contains("src=\"/js/landing.js\"").contains("data-url=\"/home\"");

			String token = landed.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
			assertThat(token).isNotBlank().doesNotContain("<");
			assertThat(browser.post("/lti/sign-out", Map.of("_csrf", token)).status())
				.as("the landed page's form carries the new session's token")
				.isEqualTo(302);
			assertThat(browser.get("/home").status()).isEqualTo(401);
		}
	}

	@Test
	void formsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
		LaunchClient browser = launchedBrowser();
		String home = browser.get("/home").body();
		String session = sessionCookie(browser);

		MvcResult forged = mvc.perform(post("/lti/sign-out").cookie(new Cookie("coachroom_session", session)))
			.andReturn();
		assertThat(forged.getResponse().getStatus()).isEqualTo(403);

		String token = home.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		assertThat(token).isNotBlank().doesNotContain("<");
		LaunchClient.Response signedOut = browser.post("/lti/sign-out", Map.of("_csrf", token));
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(browser.get("/home").status()).isEqualTo(401);
	}

	@Test
	void withoutASessionPagesAskToLaunchAgainAndApisAnswerProblemJson() throws Exception {
		LaunchClient stranger = new LaunchClient("http://localhost:" + port);
		LaunchClient.Response page = stranger.get("/home", "text/html");
		assertThat(page.status()).isEqualTo(401);
		assertThat(page.body()).contains("open Coachroom again from your course");

		LaunchClient.Response api = stranger.get("/home", "application/json");
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).contains("json");
		assertThat(api.body()).contains("\"status\":401");
	}

	@Test
	void anExpiredSessionIsNoSession(@Autowired JdbcClient jdbc) {
		LaunchClient browser = launchedBrowser();
		assertThat(browser.get("/home").status()).isEqualTo(200);
		jdbc.sql("UPDATE lti_session SET expires_at = ? WHERE expires_at > ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), Timestamp.from(Instant.now().plusSeconds(7 * 3600)))
			.update();
		LaunchClient.Response again = browser.get("/home");
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.headers().firstValue("Content-Security-Policy").orElseThrow())
			.as("the LMS whose session ended may show the page asking to open Coachroom again")
			.startsWith("frame-ancestors 'self' " + platform.issuer() + ";");
	}

	@Test
	void aForgedSessionCookieIsNoSession() throws Exception {
		for (String forged : List.of("x", "A".repeat(43), "../../etc/passwd", "' OR 1=1 --")) {
			assertThat(mvc.perform(get("/home").cookie(new Cookie("coachroom_session", forged)))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(401);
		}
	}

	@Test
	void unknownPagesAndWrongMethodsGetAPageNotAStackTrace() throws Exception {
		MvcResult missing = mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML)).andReturn();
		assertThat(missing.getResponse().getStatus()).isIn(401, 404);
		MvcResult wrongMethod = mvc.perform(get("/lti/launch").accept(MediaType.TEXT_HTML)).andReturn();
		assertThat(wrongMethod.getResponse().getStatus()).isEqualTo(405);
		LaunchClient.Response real = new LaunchClient("http://localhost:" + port).get("/lti/launch");
		assertThat(real.status()).isEqualTo(405);
		assertThat(real.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	private LaunchClient launchedBrowser() {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		assertThat(browser
			.launch(platform.sign(platform.launchClaims(auth.nonce(), "3", TestPlatform.LEARNER).build()), auth.state())
			.status()).isEqualTo(200);
		return browser;
	}

	private static String sessionCookie(LaunchClient browser) {
		return browser.cookie("coachroom_session");
	}

}
