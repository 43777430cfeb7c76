package org.coachroom.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LTI Dynamic Registration against a WireMock platform that answers as Moodle 4.5 did in
 * the captures: its configuration, its rewritten registration answer, and the quirks of
 * older versions.
 */
@LaunchTest
class DynamicRegistrationTests {

	static final String CONFIG = "/mod/lti/openid-configuration.php";

	static final String REGISTRATION = "/mod/lti/openid-registration.php";

	WireMockServer moodle;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	LaunchClient admin;

	@BeforeEach
	void startMoodle() {
		moodle = new WireMockServer(options().dynamicPort());
		moodle.start();
		admin = new LaunchClient("http://localhost:" + port);
	}

	@AfterEach
	void stopMoodle() {
		moodle.stop();
	}

	@Test
	void registersWithMoodleAndRecordsItsClientAndDeployment() {
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", moodle.baseUrl()),
				"application/json; charset=utf-8");
		serveRegistrationAnswer("application/json; charset=utf-8");

		LaunchClient.Response page = admin.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG
				+ "&registration_token=reg-token-123&again=yes");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("sD4xhS2UPywMPuw").contains("id=\"lti-close\"").contains("/js/lti-close.js");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors 'self'")
			.contains(moodle.baseUrl());
		assertThat(jdbc.sql("""
				SELECT d.deployment_id FROM lti_platform p JOIN lti_deployment d ON d.platform_id = p.id
				WHERE p.issuer = ? AND p.client_id = 'sD4xhS2UPywMPuw'""")
			.param(moodle.baseUrl())
			.query(String.class)
			.list()).containsExactly("3");
		assertThat(jdbc.sql("SELECT status FROM lti_platform WHERE issuer = ? AND client_id = 'sD4xhS2UPywMPuw'")
			.param(moodle.baseUrl())
			.query(String.class)
			.single()).as("a listed host is active at once").isEqualTo("ACTIVE");

		LoggedRequest sent = moodle.findAll(postRequestedFor(urlPathEqualTo(REGISTRATION))).get(0);
		assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer reg-token-123");
		assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
		JsonNode body = JsonMapper.builder().build().readTree(sent.getBodyAsString());
		String tool = "http://localhost:" + port;
		assertThat(body.get("initiate_login_uri").asString()).isEqualTo(tool + "/lti/login");
		assertThat(body.get("jwks_uri").asString()).isEqualTo(tool + "/.well-known/jwks.json");
		assertThat(body.get("redirect_uris").toString()).contains(tool + "/lti/launch")
			.contains(tool + "/lti/deeplink");
		assertThat(body.get("token_endpoint_auth_method").asString()).isEqualTo("private_key_jwt");
		assertThat(body.get("scope").asString()).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score")
			.contains("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
		JsonNode config = body.get("https://purl.imsglobal.org/spec/lti-tool-configuration");
		assertThat(config.get("domain").asString()).isEqualTo("localhost:" + port);
		assertThat(config.get("target_link_uri").asString()).isEqualTo(tool + "/lti/launch");
		assertThat(config.get("messages").toString()).contains("LtiResourceLinkRequest")
			.contains("LtiDeepLinkingRequest");
	}

	@Test
	void readsOlderMoodlesConfigurationWithStringMessagesAPaddedKeyAndJsonLabelledHtml() {
		String quirky = MoodleFixtures.readFor("openid-configuration.json", moodle.baseUrl())
			.replace("\"https://purl.imsglobal.org/spec/lti-platform-configuration\"",
					"\"https://purl.imsglobal.org/spec/lti-platform-configuration \"")
			.replaceAll("\\{\\s*\"type\": \"LtiResourceLinkRequest\"\\s*}", "\"LtiResourceLinkRequest\"")
			.replaceAll(
					"\\{\\s*\"type\": \"LtiDeepLinkingRequest\",\\s*\"placements\": \\[\\s*\"ContentArea\"\\s*]\\s*}",
					"\"LtiDeepLinkingRequest\"");
		assertThat(quirky).contains("\"LtiDeepLinkingRequest\"\n").contains("configuration \"");
		serveConfiguration(quirky, "text/html; charset=utf-8");
		serveRegistrationAnswer("text/html; charset=utf-8");

		LaunchClient.Response page = admin
			.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG + "&registration_token=t&again=yes");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Moodle at");
		String sent = moodle.findAll(postRequestedFor(urlPathEqualTo(REGISTRATION))).get(0).getBodyAsString();
		assertThat(sent).contains("LtiDeepLinkingRequest");
	}

	@Test
	void aRefusedRegistrationIsExplainedWithThePlatformsAnswer() {
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", moodle.baseUrl()), "application/json");
		moodle.stubFor(post(urlPathEqualTo(REGISTRATION)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody("{\"status\":401,\"reason\":\"Unauthorized\"}")));

		LaunchClient.Response page = admin.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG
				+ "&registration_token=expired&again=yes");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.refusalCode()).isEqualTo("registration-rejected");
		assertThat(page.body()).contains("HTTP 401").doesNotContain("Unauthorized");
	}

	@Test
	void refusesAConfigurationWhoseIssuerIsOnAnotherHost() {
		serveConfiguration(
				MoodleFixtures.read("openid-configuration.json")
					.replace("\"issuer\": \"http://127.0.0.1:8081\"", "\"issuer\": \"https://evil.example\""),
				"application/json");
		LaunchClient.Response page = admin.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.refusalCode()).isEqualTo("registration-configuration-unreadable");
		assertThat(moodle.findAll(postRequestedFor(urlPathEqualTo(REGISTRATION)))).isEmpty();
	}

	@Test
	void refusesAConfigurationWhoseKeysLiveOnAnotherHost() {
		serveConfiguration(
				MoodleFixtures.readFor("openid-configuration.json", moodle.baseUrl())
					.replace(moodle.baseUrl() + "/mod/lti/certs.php", "https://evil.example/keys.json"),
				"application/json");
		LaunchClient.Response page = admin.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.refusalCode()).isEqualTo("registration-configuration-unreadable");
		assertThat(page.body()).contains("jwks_uri");
		assertThat(moodle.findAll(postRequestedFor(urlPathEqualTo(REGISTRATION)))).isEmpty();
	}

	@Test
	void anAnonymousReRegistrationCannotMoveAKnownPlatformsKeys(@Autowired PlatformRegistry registry) {
		registry.register(new PlatformRegistration(moodle.baseUrl(), "sD4xhS2UPywMPuw", "District Moodle",
				moodle.baseUrl() + "/mod/lti/auth.php", moodle.baseUrl() + "/mod/lti/token.php",
				moodle.baseUrl() + "/mod/lti/certs.php", "moodle", PlatformRegistration.Source.REGISTRATIONS_FILE,
				List.of("1"), Map.of(), null, List.of()));
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", moodle.baseUrl())
			.replace("/mod/lti/certs.php", "/pluginfile.php/attacker/keys.json"), "application/json");
		serveRegistrationAnswer("application/json");

		LaunchClient.Response page = admin
			.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG + "&again=yes");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.refusalCode()).isEqualTo("registration-rejected");
		assertThat(jdbc.sql("SELECT jwks_uri FROM lti_platform WHERE issuer = ? AND client_id = 'sD4xhS2UPywMPuw'")
			.param(moodle.baseUrl())
			.query(String.class)
			.single()).endsWith("/mod/lti/certs.php");
	}

	@Test
	void thePlatformsErrorAnswerIsLoggedNotShown() {
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", moodle.baseUrl()), "application/json");
		moodle.stubFor(post(urlPathEqualTo(REGISTRATION))
			.willReturn(aResponse().withStatus(500).withBody("secret-internal-detail")));
		LaunchClient.Response page = admin
			.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG + "&again=yes");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("HTTP 500").doesNotContain("secret-internal-detail");
	}

	@Test
	void refusesGarbageConfigurationAndAMissingParameter() {
		serveConfiguration("<html>Moodle is down for maintenance</html>", "text/html");
		LaunchClient.Response garbage = admin.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG);
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(garbage.refusalCode()).isEqualTo("registration-configuration-unreadable");

		LaunchClient.Response missing = admin.get("/lti/register");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.refusalCode()).isEqualTo("registration-parameter-missing");
	}

	@Test
	void reRegisteringKeepsTheRoleSettingsAnAdminMade(@Autowired PlatformRegistry registry) {
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", moodle.baseUrl()), "application/json");
		serveRegistrationAnswer("application/json");
		admin.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG + "&again=yes");
		registry.register(new PlatformRegistration(moodle.baseUrl(), "sD4xhS2UPywMPuw", "Moodle",
				moodle.baseUrl() + "/auth", null, moodle.baseUrl() + "/certs", "moodle",
				PlatformRegistration.Source.REGISTRATIONS_FILE, List.of("3"),
				Map.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Staff", Set.of("HR")),
				"coachroom_role", List.of()));

		admin.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG + "&registration_token="
				+ updateToken("sD4xhS2UPywMPuw"));

		assertThat(jdbc.sql("""
				SELECT r.coachroom_role FROM lti_platform_role_rule r JOIN lti_platform p ON p.id = r.platform_id
				WHERE p.issuer = ? AND p.client_id = 'sD4xhS2UPywMPuw'""")
			.param(moodle.baseUrl())
			.query(String.class)
			.list()).containsExactly("HR");
	}

	@Test
	void withoutAnInvitationAnUnlistedHostIsRefusedBeforeAnythingIsFetched() {
		String unlisted = "http://127.0.0.1:" + moodle.port();
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", unlisted), "application/json");
		serveRegistrationAnswer("application/json");

		LaunchClient.Response page = admin
			.get("/lti/register?openid_configuration=" + unlisted + CONFIG + "&registration_token=t");

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.refusalCode()).isEqualTo("registration-not-invited");
		assertThat(page.body()).contains("registration needs an invitation")
			.contains("Coachroom admin")
			.contains("coachroom.lti.registration-allowed-hosts");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
			.as("the LMS's frame may show why")
			.startsWith("frame-ancestors 'self' " + unlisted + ";");
		assertThat(moodle.getAllServeEvents()).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lti_platform WHERE issuer = ?")
			.param(unlisted)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aDistrictAdminsRegistrationUrlRegistersOnceAndIsThenSpent(@Autowired PlatformRegistry registry) {
		String unlisted = "http://127.0.0.1:" + moodle.port();
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", unlisted), "application/json");
		serveRegistrationAnswer("application/json");
		try (TestPlatform district = TestPlatform.start()) {
			LaunchClient districtAdmin = launchedAdmin(district, registry);
			String url = issueRegistrationUrl(districtAdmin);
			assertThat(url).startsWith("http://localhost:" + port + "/lti/register?invite=");
			assertThat(districtAdmin.get("/home?as=DISTRICT_ADMIN").body())
				.contains("One registration link of yours waits to be used.")
				.doesNotContain("Also connected through your registration links");

			LaunchClient.Response first = admin
				.get(url + "&openid_configuration=" + unlisted + CONFIG + "&registration_token=t");
			assertThat(first.status()).isEqualTo(200);
			assertThat(first.body()).contains("sD4xhS2UPywMPuw").doesNotContain("registration-pending");
			assertThat(jdbc.sql("SELECT status FROM lti_platform WHERE issuer = ?")
				.param(unlisted)
				.query(String.class)
				.single()).isEqualTo("ACTIVE");
			assertThat(districtAdmin.get("/lti/registrations").body())
				.contains("Used: Moodle at 127.0.0.1:" + moodle.port());
			assertThat(districtAdmin.get("/home?as=DISTRICT_ADMIN").body())
				.contains("No registration link of yours waits to be used.")
				.containsPattern("Also connected through your registration links: Moodle at 127\\.0\\.0\\.1");

			LaunchClient.Response second = admin
				.get(url + "&openid_configuration=" + unlisted + CONFIG + "&registration_token=t");
			assertThat(second.status()).isEqualTo(403);
			assertThat(second.refusalCode()).isEqualTo("registration-invite-invalid");
			assertThat(moodle.findAll(postRequestedFor(urlPathEqualTo(REGISTRATION)))).hasSize(1);
		}
	}

	@Test
	void anExpiredRegistrationUrlIsRefused(@Autowired PlatformRegistry registry) throws Exception {
		String unlisted = "http://127.0.0.1:" + moodle.port();
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", unlisted), "application/json");
		serveRegistrationAnswer("application/json");
		try (TestPlatform district = TestPlatform.start()) {
			String url = issueRegistrationUrl(launchedAdmin(district, registry));
			String token = url.substring(url.indexOf("invite=") + "invite=".length());
			String hash = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
			assertThat(jdbc.sql("UPDATE lti_registration_invite SET expires_at = ? WHERE token_hash = ?")
				.params(Timestamp.from(Instant.now().minusSeconds(1)), hash)
				.update()).isEqualTo(1);

			LaunchClient.Response page = admin.get(url + "&openid_configuration=" + unlisted + CONFIG);

			assertThat(page.status()).isEqualTo(403);
			assertThat(page.refusalCode()).isEqualTo("registration-invite-invalid");
			assertThat(moodle.getAllServeEvents()).isEmpty();
		}
	}

	@Test
	void onlyDistrictAdminsIssueRegistrationUrls(@Autowired PlatformRegistry registry) {
		try (TestPlatform district = TestPlatform.start()) {
			district.registerWith(registry);
			LaunchClient teacher = new LaunchClient("http://localhost:" + port);
			LaunchClient.AuthRequest auth = teacher.login(district, "7");
			teacher.launch(district.sign(district.launchClaims(auth.nonce(), "7", TestPlatform.LEARNER).build()),
					auth.state());
			assertThat(teacher.get("/lti/registrations").status()).isEqualTo(404);
			assertThat(
					new LaunchClient("http://localhost:" + port).post("/lti/registrations/invite", Map.of()).status())
				.isIn(401, 403);
		}
	}

	private LaunchClient launchedAdmin(TestPlatform district, PlatformRegistry registry) {
		district.registerWith(registry);
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(district, "admin-1");
		assertThat(
				browser.launch(district.sign(district
					.launchClaims(auth.nonce(), "admin-1",
							"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator")
					.build()), auth.state()).status())
			.isEqualTo(200);
		return browser;
	}

	private static String issueRegistrationUrl(LaunchClient districtAdmin) {
		String csrf = districtAdmin.csrfFrom("/lti/registrations");
		LaunchClient.Response issued = districtAdmin.post("/lti/registrations/invite", Map.of("_csrf", csrf));
		assertThat(issued.status()).isEqualTo(200);
		Matcher url = Pattern.compile("id=\"issued-url\"[^>]*value=\"([^\"]+)\"").matcher(issued.body());
		assertThat(url.find()).as(issued.body()).isTrue();
		return url.group(1);
	}

	/**
	 * The token Moodle's "Update" on an existing tool hands the tool: scope
	 * {@code reg-update}, its client id as subject (signed by Moodle; the tool only reads
	 * it).
	 */
	static String updateToken(String clientId) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		return b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(("{\"sub\":\"" + clientId + "\",\"scope\":\"reg-update\",\"iat\":1795438476}")
					.getBytes(StandardCharsets.UTF_8))
				+ ".c2ln";
	}

	private String registeredName(String clientId) {
		return jdbc.sql("SELECT name FROM lti_platform WHERE issuer = ? AND client_id = ?")
			.params(moodle.baseUrl(), clientId)
			.query(String.class)
			.single();
	}

	@Test
	void registeringTheSameMoodleAgainSaysWhenItWasRegisteredAndRecommendsUpdateInstead() {
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", moodle.baseUrl()), "application/json");
		serveRegistrationAnswer("application/json");
		assertThat(admin
			.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG + "&registration_token=t1&again=yes")
			.status()).isEqualTo(200);

		LaunchClient.Response page = admin
			.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG + "&registration_token=t2");

		assertThat(page.status()).isEqualTo(200);
		String today = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(LocalDate.now(ZoneOffset.UTC));
		assertThat(page.body()).contains("This LMS is already registered")
			.contains("sD4xhS2UPywMPuw")
			.contains("registered on " + today)
			.contains("&quot;Update&quot; on the existing Coachroom tool")
			.contains("id=\"register-again\"")
			.contains("name=\"again\" value=\"yes\"")
			.contains("value=\"t2\"");
		moodle.verify(1, postRequestedFor(urlPathEqualTo(REGISTRATION)));
	}

	@Test
	void aDeliberateSecondRegistrationIsNamedApartHereAndInMoodle() {
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", moodle.baseUrl()), "application/json");
		serveRegistrationAnswer("application/json");
		admin.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG + "&again=yes");
		String first = registeredName("sD4xhS2UPywMPuw");
		moodle.stubFor(post(urlPathEqualTo(REGISTRATION)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(MoodleFixtures.readFor("registration-response.json", moodle.baseUrl())
				.replace("sD4xhS2UPywMPuw", "secondClient123"))));

		LaunchClient.Response page = admin
			.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG + "&again=yes");

		assertThat(page.status()).isEqualTo(200);
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String second = registeredName("secondClient123");
		assertThat(second).isNotEqualTo(first).contains("registered " + today).contains("secondClient123");
		List<LoggedRequest> posted = moodle.findAll(postRequestedFor(urlPathEqualTo(REGISTRATION)));
		JsonNode sent = JsonMapper.builder().build().readTree(posted.get(posted.size() - 1).getBodyAsString());
		assertThat(sent.get("client_name").asString()).isEqualTo("Coachroom (registered " + today + ")");
	}

	@Test
	void moodlesUpdateOfTheToolIsNoSecondRegistration() {
		serveConfiguration(MoodleFixtures.readFor("openid-configuration.json", moodle.baseUrl()), "application/json");
		serveRegistrationAnswer("application/json");
		admin.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG + "&again=yes");
		String name = registeredName("sD4xhS2UPywMPuw");

		LaunchClient.Response page = admin.get("/lti/register?openid_configuration=" + moodle.baseUrl() + CONFIG
				+ "&registration_token=" + updateToken("sD4xhS2UPywMPuw"));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("already registered").contains("sD4xhS2UPywMPuw");
		assertThat(registeredName("sD4xhS2UPywMPuw")).isEqualTo(name);
		List<LoggedRequest> posted = moodle.findAll(postRequestedFor(urlPathEqualTo(REGISTRATION)));
		assertThat(posted).hasSize(2);
		assertThat(JsonMapper.builder().build().readTree(posted.get(1).getBodyAsString()).get("client_name").asString())
			.isEqualTo("Coachroom");
	}

	private void serveConfiguration(String body, String contentType) {
		moodle.stubFor(get(urlPathEqualTo(CONFIG))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body)));
	}

	private void serveRegistrationAnswer(String contentType) {
		moodle.stubFor(post(urlPathEqualTo(REGISTRATION)).withHeader("Accept", equalTo("application/json"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", contentType)
				.withBody(MoodleFixtures.readFor("registration-response.json", moodle.baseUrl()))));
	}

}
