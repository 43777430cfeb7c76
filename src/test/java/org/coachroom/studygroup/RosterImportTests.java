package org.coachroom.studygroup;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.LaunchDetails;
import org.coachroom.lti.Member;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.lti.ServiceUnavailableException;
import org.coachroom.studygroup.membership.GroupRosterImports;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Importing the course roster through NRPS from a WireMock platform that answers as
 * Moodle 4.5 does: token endpoint JSON labelled text/html, short role names, a
 * {@code Link: rel="next"} page.
 */
@LaunchTest
class RosterImportTests {

	private static final String MEMBERSHIPS = "/mod/lti/services.php/CourseSection/2/bindings/1/memberships";

	private static final String NRPS_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json; charset=utf-8";

	/** A platform per test, so each starts without a cached service token. */
	TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudyGroupManagement management;

	@Autowired
	GroupRosterImports rosterImports;

	Launched coach;

	String course;

	@AfterEach
	void stop() {
		platform.close();
	}

	@BeforeEach
	void launchCoach() {
		platform = TestPlatform.start();
		platform.registerWith(registry);
		course = "roster-" + UUID.randomUUID();
		coach = new Launcher(port, platform, jdbc).launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR,
				course, "Hub");
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-type", "text/html; charset=utf-8")
				.withBody(MoodleFixtures.read("token-response.json"))));
	}

	private StudyGroup group() {
		return management.create(coach.member(),
				new StudyGroup.Details("Roster study " + course, "Purpose", null, StudyGroup.Kind.TEXT_STUDY, null,
						null, StudyGroup.Visibility.CLOSED, new BigDecimal("3"), "clock hours", List.of()),
				CompletionRule.DISTRICT_DEFAULT);
	}

	private static String member(String id, String name, String role, String status) {
		return """
				{"status":"%s","roles":["%s"],"user_id":"%s","lis_person_sourcedid":"","name":"%s","given_name":"%s","family_name":"X","email":"%s@example.com","ext_user_username":"u%s"}"""
			.formatted(status, role, id, name, name.split(" ")[0], id, id);
	}

	private void rosterPages(String first, String second) {
		String base = platform.issuer();
		platform.wireMock()
			.stubFor(get(urlPathEqualTo(MEMBERSHIPS)).withQueryParam("from", WireMock.absent())
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", NRPS_TYPE)
					.withHeader("Link", "<" + base + MEMBERSHIPS + "?limit=2&from=2>; rel=\"next\"")
					.withBody(
							"{\"id\":\"x\",\"context\":{\"id\":\"2\",\"label\":\"LTI101\",\"title\":\"LTI 101\"},\"members\":["
									+ first + "]}")));
		platform.wireMock()
			.stubFor(get(urlPathEqualTo(MEMBERSHIPS)).withQueryParam("from", WireMock.equalTo("2"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", NRPS_TYPE)
					.withBody(
							"{\"id\":\"x\",\"context\":{\"id\":\"2\",\"label\":\"LTI101\",\"title\":\"LTI 101\"},\"members\":["
									+ second + "]}")));
	}

	@Test
	void aPrincipalOnTheRosterIsNotImportedIntoTheGroup() throws Exception {
		// this district's LMS gives principals a role of their own, mapped to a teacher's
		// and a principal's
		platform.close();
		platform = TestPlatform.start();
		platform.registerWith(registry, Map.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
				Set.of(CoachroomRole.TEACHER, CoachroomRole.PRINCIPAL)), null);
		coach = new Launcher(port, platform, jdbc).launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR,
				course, "Hub");
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-type", "text/html; charset=utf-8")
				.withBody(MoodleFixtures.read("token-response.json"))));
		rosterPages(
				member(course + "-1", "Ana Ruiz", "Learner", "Active") + ","
						+ member(course + "-p", "Pat Principal", "Mentor", "Active"),
				member("coach-" + course, "Carla Coach", "Instructor", "Active"));
		StudyGroup group = group();
		var imported = rosterImports.importRoster(coach.member(), group.getId(), true);
		assertThat(imported.added()).isEqualTo(2);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM study_group_member m JOIN lti_user u ON u.id = m.user_ref "
					+ "WHERE m.study_group = ? AND u.subject = ?")
			.params(group.getId(), course + "-p")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void everyPageIsImportedTeachersOnlyByDefaultAndNobodyTwice() throws Exception {
		rosterPages(
				member(course + "-1", "Ana Ruiz", "Learner", "Active") + ","
						+ member(course + "-2", "Ben Ode", "Learner", "Active"),
				member(course + "-3", "Cy Dana", "Learner", "Active") + ","
						+ member("coach-" + course, "Carla Coach", "Instructor", "Active") + ","
						+ member(course + "-4", "Dee Gone", "Learner", "Inactive"));
		StudyGroup group = group();

		var first = rosterImports.importRoster(coach.member(), group.getId(), false);
		assertThat(first.added()).isEqualTo(3);
		var again = rosterImports.importRoster(coach.member(), group.getId(), true);
		assertThat(again.added()).isEqualTo(1);
		assertThat(again.alreadyMembers()).isEqualTo(3);

		assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_member WHERE study_group = ?")
			.param(group.getId())
			.query(Integer.class)
			.single()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lti_user WHERE tenant_id = ? AND subject = ?")
			.params(coach.member().tenant().value(), "coach-" + course)
			.query(Integer.class)
			.single()).isOne();
		assertThat(jdbc.sql(
				"SELECT lms_role FROM study_group_member m JOIN lti_user u ON u.id = m.user_ref WHERE m.study_group = ? AND u.subject = ?")
			.params(group.getId(), "coach-" + course)
			.query(String.class)
			.single()).isEqualTo("INSTRUCTOR");

		// the token request is a private_key_jwt client assertion signed by our published
		// key, for the token endpoint
		LoggedRequest tokenRequest = platform.wireMock()
			.findAll(postRequestedFor(urlPathEqualTo("/mod/lti/token.php")))
			.get(0);
		String assertion = URLDecoder.decode(
				tokenRequest.getBodyAsString().replaceAll(".*client_assertion=([^&]+).*", "$1"),
				StandardCharsets.UTF_8);
		SignedJWT jwt = SignedJWT.parse(assertion);
		JWKSet ours = JWKSet.load(URI.create("http://localhost:" + port + "/.well-known/jwks.json").toURL());
		RSAKey key = (RSAKey) ours.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(platform.issuer() + "/mod/lti/token.php");
		assertThat(tokenRequest.getBodyAsString()).contains("grant_type=client_credentials")
			.contains("contextmembership.readonly");
		assertThat(platform.wireMock().findAll(postRequestedFor(urlPathEqualTo("/mod/lti/token.php")))).hasSize(1);
	}

	@Test
	void someoneWhoLeftTheCourseIsFlaggedNotDeletedAndUnflaggedWhenBack() {
		String ana = member(course + "-1", "Ana Ruiz", "Learner", "Active");
		String ben = member(course + "-2", "Ben Ode", "Learner", "Active");
		rosterPages(ana, ben);
		StudyGroup group = group();
		rosterImports.importRoster(coach.member(), group.getId(), false);

		rosterPages(ana, member(course + "-2", "Ben Ode", "Learner", "Inactive"));
		var afterLeaving = rosterImports.importRoster(coach.member(), group.getId(), false);
		assertThat(afterLeaving.leftCourse()).isEqualTo(1);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM study_group_member WHERE study_group = ? AND left_course_at IS NOT NULL")
					.param(group.getId())
					.query(Integer.class)
					.single())
			.isOne();

		rosterPages(ana, ben);
		assertThat(rosterImports.importRoster(coach.member(), group.getId(), false).returned()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_member WHERE study_group = ?")
			.param(group.getId())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aRosterSwitchedOffInTheLmsIsReportedAsRefusedAndChangesNothing() {
		platform.wireMock()
			.stubFor(get(urlPathEqualTo(MEMBERSHIPS)).willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody(MoodleFixtures.read("lineitems-401.json"))));
		StudyGroup group = group();
		assertThatThrownBy(() -> rosterImports.importRoster(coach.member(), group.getId(), false))
			.isInstanceOfSatisfying(ServiceUnavailableException.class,
					e -> assertThat(e.reason()).isEqualTo(ServiceUnavailableException.Reason.REFUSED));
		// a 401 gets one fresh token and one more try before giving up
		assertThat(platform.wireMock().findAll(WireMock.getRequestedFor(urlPathEqualTo(MEMBERSHIPS)))).hasSize(2);
		assertThat(platform.wireMock().findAll(postRequestedFor(urlPathEqualTo("/mod/lti/token.php")))).hasSize(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_member WHERE study_group = ?")
			.param(group.getId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aRosterAddressThatIsNotAWebAddressIsRefusedUnread() {
		StudyGroup group = group();
		for (String url : List.of("not a url", "ftp://lms.example/roster", "file:///etc/passwd")) {
			var details = coach.member().launch();
			var odd = new LaunchDetails(details.issuer(), details.clientId(), details.deploymentId(),
					details.messageType(), details.targetLinkUri(), details.resourceLinkId(),
					details.resourceLinkTitle(), details.lineItemsUrl(), details.lineItemUrl(), details.agsScopes(),
					url, details.custom(), null, null, null, "en");
			var m = coach.member();
			var member = new Member(m.tenant(), m.userId(), m.subject(), m.name(), m.email(), m.roles(), m.context(),
					m.platformName(), odd);
			assertThatThrownBy(() -> rosterImports.importRoster(member, group.getId(), false)).as(url)
				.isInstanceOfSatisfying(ServiceUnavailableException.class,
						e -> assertThat(e.reason()).isEqualTo(ServiceUnavailableException.Reason.INVALID));
		}
		assertThat(platform.wireMock().findAll(postRequestedFor(urlPathEqualTo("/mod/lti/token.php")))).isEmpty();
	}

	@Test
	void aSlowLmsIsReportedAsUnreachable() {
		platform.wireMock()
			.stubFor(get(urlPathEqualTo(MEMBERSHIPS)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", NRPS_TYPE)
				.withFixedDelay(3_000)
				.withBody("{\"members\":[]}")));
		StudyGroup group = group();
		assertThatThrownBy(() -> rosterImports.importRoster(coach.member(), group.getId(), false))
			.isInstanceOfSatisfying(ServiceUnavailableException.class,
					e -> assertThat(e.reason()).isEqualTo(ServiceUnavailableException.Reason.UNREACHABLE));
	}

	@Test
	void theImportButtonShowsWhatChangedOrWhyNot() {
		rosterPages(member(course + "-1", "Ana Ruiz", "Learner", "Active"), "");
		StudyGroup group = group();
		var browser = coach.browser();
		var answer = browser.post("/groups/" + group.getId() + "/members/import",
				Map.of("_csrf", browser.csrfFrom("/groups/" + group.getId())));
		assertThat(answer.status()).isEqualTo(302);
		assertThat(browser.get("/groups/" + group.getId()).body()).contains("1 added, 0 already members")
			.contains("Ana Ruiz");

		platform.wireMock().stubFor(get(urlPathEqualTo(MEMBERSHIPS)).willReturn(aResponse().withStatus(403)));
		browser.post("/groups/" + group.getId() + "/members/import",
				Map.of("_csrf", browser.csrfFrom("/groups/" + group.getId())));
		assertThat(browser.get("/groups/" + group.getId()).body())
			.contains("The LMS refused to share the course roster");
	}

}
