package org.coachroom.lti;

import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Select content" in the LMS: a coach places Coachroom in the course, and the platform
 * receives a deep linking response it can verify with our published keys.
 */
@LaunchTest
class DeepLinkingTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

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
	void aCoachPlacesCoachroomAndThePlatformCanVerifyTheResponse() throws Exception {
		LaunchClient coach = deepLinkingLaunch(TestPlatform.INSTRUCTOR);
		String picker = coach.get("/deep-linking").body();
		assertThat(picker).contains("Add Coachroom to your course").contains("LTI 101");

		LaunchClient.Response answer = coach.post("/deep-linking",
				Map.of("_csrf", csrf(picker), "title", "Coaching hub"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(HtmlUtils.htmlUnescape(answer.body()))
			.contains("action=\"" + platform.issuer() + "/mod/lti/contentitem_return.php?course=2&id=1&sesskey=abc\"");
		String jwt = HtmlUtils.htmlUnescape(answer.body().replaceAll("(?s).*name=\"JWT\" value=\"([^\"]+)\".*", "$1"));

		SignedJWT response = SignedJWT.parse(jwt);
		JWKSet ourKeys = JWKSet.parse(coach.get("/.well-known/jwks.json").body());
		RSAKey key = (RSAKey) ourKeys.getKeyByKeyId(response.getHeader().getKeyID());
		assertThat(key).as("signed with a published kid").isNotNull();
		assertThat(response.verify(new RSASSAVerifier(key))).isTrue();
		JWTClaimsSet claims = response.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(platform.clientId());
		assertThat(claims.getAudience()).containsExactly(platform.issuer());
		assertThat(claims.getExpirationTime()).isAfter(new Date());
		assertThat(claims.getStringClaim("nonce")).isNotBlank();
		assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id")).isEqualTo("1");
		assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"))
			.isEqualTo("LtiDeepLinkingResponse");
		assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/version")).isEqualTo("1.3.0");
		assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"))
			.isEqualTo("opaque-platform-data");
		List<Object> items = claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
		assertThat(items).singleElement().satisfies(item -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> link = (Map<String, Object>) item;
			assertThat(link).containsEntry("type", "ltiResourceLink").containsEntry("title", "Coaching hub");
			assertThat((String) link.get("url")).isEqualTo("http://localhost:" + port + "/lti/launch");
		});
	}

	@Test
	void aTeacherCannotPlaceContent() {
		LaunchClient teacher = deepLinkingLaunch(TestPlatform.LEARNER);
		String picker = teacher.get("/deep-linking").body();
		assertThat(picker).contains("Only coaches and district administrators")
			.doesNotContain("Add to course</button>");
		LaunchClient.Response answer = teacher.post("/deep-linking", Map.of("_csrf", csrf(picker), "title", "Sneaky"));
		assertThat(answer.body()).doesNotContain("name=\"JWT\"");
	}

	@Test
	void anEmptyOrOverlongTitleGetsAFieldError() {
		LaunchClient coach = deepLinkingLaunch(TestPlatform.INSTRUCTOR);
		String picker = coach.get("/deep-linking").body();
		for (String title : List.of("   ", "x".repeat(256))) {
			LaunchClient.Response answer = coach.post("/deep-linking", Map.of("_csrf", csrf(picker), "title", title));
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body()).contains("id=\"title-error\"").doesNotContain("name=\"JWT\"");
		}
	}

	@Test
	void placingWithoutTheCsrfTokenIsRefused() {
		LaunchClient coach = deepLinkingLaunch(TestPlatform.INSTRUCTOR);
		assertThat(coach.post("/deep-linking", Map.of("title", "Coaching hub")).status()).isEqualTo(403);
	}

	private LaunchClient deepLinkingLaunch(String role) {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		LaunchClient.Response launch = browser
			.launch(platform.sign(platform.deepLinkingClaims(auth.nonce(), "3", role).build()), auth.state());
		assertThat(launch.status()).as(launch.body()).isEqualTo(302);
		assertThat(launch.location()).isEqualTo("/deep-linking");
		return browser;
	}

	private static String csrf(String page) {
		return page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
	}

}
