package org.coachroom.lti;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.internal.MoodleFixtureAccess;
import org.coachroom.testsupport.MoodleFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real Moodle 4.5 id_tokens, checked against Moodle's real key set with the clock pinned
 * inside their 60-second life: what Moodle sends is accepted, and its roles map as a
 * district expects.
 */
class MoodleIdTokenTests {

	static WireMockServer moodle;

	@BeforeAll
	static void serveMoodleKeys() {
		moodle = new WireMockServer(options().dynamicPort());
		moodle.start();
		moodle.stubFor(get(urlPathEqualTo("/mod/lti/certs.php")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody(MoodleFixtures.read("certs.json"))));
	}

	@AfterAll
	static void stop() {
		moodle.stop();
	}

	@Test
	void acceptsMoodlesInstructorLaunch() {
		var validated = validate("id_token-instructor", "E4Rii1Y6t4bzeHkPTqjhUA", 1795438476);
		assertThat(validated.subject()).isEqualTo("3");
		assertThat(validated.messageType()).isEqualTo("LtiResourceLinkRequest");
		assertThat(validated.roles()).containsExactly(CoachroomRole.COACH);
	}

	@Test
	void acceptsMoodlesLearnerLaunchAsTeacher() {
		var validated = validate("id_token-learner", "ufPvpdVn0bXMraFaIUG_hA", 1795438489);
		assertThat(validated.roles()).containsExactly(CoachroomRole.TEACHER);
	}

	@Test
	void mapsMoodlesSiteAdminToDistrictAdminNotACoachOfEveryCourse() {
		// Moodle adds Instructor for an admin who is not enrolled (see
		// SiteAdministratorTests)
		var validated = validate("id_token-admin", "IovICoJns62gOAXkIjgWgA", 1795438498);
		assertThat(validated.roles()).containsExactly(CoachroomRole.DISTRICT_ADMIN);
	}

	@Test
	void acceptsMoodlesDeepLinkingRequestWithoutResourceLink() {
		var validated = validate("id_token-deeplinking", "7Hiq1DmcZapYMeRRYpOsqA", 1795438513);
		assertThat(validated.messageType()).isEqualTo("LtiDeepLinkingRequest");
	}

	@Test
	void refusesMoodlesTokenOnceItsMinuteIsOver() {
		assertThatThrownBy(() -> validate("id_token-instructor", "E4Rii1Y6t4bzeHkPTqjhUA", 1795438476 + 60 + 11))
			.hasMessageStartingWith("token-expired");
	}

	@Test
	void refusesMoodlesTokenForAnotherNonce() {
		assertThatThrownBy(() -> validate("id_token-instructor", "not-the-nonce-we-issued", 1795438476))
			.hasMessageStartingWith("nonce-not-issued");
	}

	private MoodleFixtureAccess.Validated validate(String fixture, String nonce, long iat) {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(iat + 30), ZoneOffset.UTC);
		return MoodleFixtureAccess.validate(MoodleFixtures.read(fixture + ".jwt"), nonce, clock,
				"http://127.0.0.1:8081", "spring-lti-client", "1", moodle.baseUrl() + "/mod/lti/certs.php");
	}

}
