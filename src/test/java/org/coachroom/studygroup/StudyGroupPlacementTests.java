package org.coachroom.studygroup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach places a study group in an LMS course by deep linking (a signed ltiResourceLink
 * with a line item), and a later launch of that link opens the group and ties its
 * gradebook column to it.
 */
@LaunchTest
class StudyGroupPlacementTests {

	TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudyGroupManagement management;

	Launched coach;

	Launched teacher;

	StudyGroup group;

	@BeforeEach
	void setUp() {
		platform = TestPlatform.start();
		platform.registerWith(registry);
		Launcher launcher = new Launcher(port, platform, jdbc);
		// course "2" is the course of TestPlatform's deep linking request
		coach = launcher.launch("3", "Terry Teacher", TestPlatform.INSTRUCTOR, "2", "LTI 101");
		teacher = launcher.launch("4", "Sam Student", TestPlatform.LEARNER, "2", "LTI 101");
		group = management.create(coach.member(),
				new StudyGroup.Details("Grade 3 text study", "Read and discuss", null, StudyGroup.Kind.TEXT_STUDY, null,
						null, StudyGroup.Visibility.CLOSED, new BigDecimal("4"), "clock hours", List.of()),
				CompletionRule.DISTRICT_DEFAULT);
		management.addMembers(coach.member(), group.getId(), List.of(teacher.member().userId()));
	}

	@AfterEach
	void tearDown() {
		platform.close();
	}

	@Test
	void thePickerReturnsASignedLinkToTheGroupWithAGradebookColumn() throws Exception {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		assertThat(browser
			.launch(platform.sign(platform.deepLinkingClaims(auth.nonce(), "3", TestPlatform.INSTRUCTOR).build()),
					auth.state())
			.location()).isEqualTo("/deep-linking");
		String picker = browser.get("/deep-linking").body();
		assertThat(picker).contains("Grade 3 text study").contains("id=\"place-" + group.getId() + "\"");

		LaunchClient.Response answer = browser.post("/deep-linking/study-groups/" + group.getId(),
				Map.of("_csrf", browser.csrfFrom("/deep-linking")));
		assertThat(answer.status()).isEqualTo(200);
		String jwt = HtmlUtils.htmlUnescape(answer.body().replaceAll("(?s).*name=\"JWT\" value=\"([^\"]+)\".*", "$1"));
		SignedJWT response = SignedJWT.parse(jwt);
		RSAKey key = (RSAKey) JWKSet.parse(browser.get("/.well-known/jwks.json").body())
			.getKeyByKeyId(response.getHeader().getKeyID());
		assertThat(response.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(response.getJWTClaimsSet().getAudience()).containsExactly(platform.issuer());
		assertThat(response.getJWTClaimsSet().getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"))
			.isEqualTo("LtiDeepLinkingResponse");
		List<Object> items = response.getJWTClaimsSet()
			.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
		assertThat(items).singleElement().satisfies(item -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> link = (Map<String, Object>) item;
			assertThat(link).containsEntry("type", "ltiResourceLink").containsEntry("title", "Grade 3 text study");
			assertThat((String) link.get("url")).isEqualTo("http://localhost:" + port + "/lti/launch");
			assertThat(link.get("custom")).isEqualTo(
					Map.of("study_group", Long.toString(group.getId()), "coachroom_page", "/groups/" + group.getId()));
			@SuppressWarnings("unchecked")
			Map<String, Object> lineItem = (Map<String, Object>) link.get("lineItem");
			assertThat(((Number) lineItem.get("scoreMaximum")).intValue()).isEqualTo(100);
			assertThat(lineItem).containsEntry("label", "Grade 3 text study")
				.containsEntry("resourceId", "study-group-" + group.getId());
		});
	}

	@Test
	void aTeacherWhoPicksTheDeepLinkIsRefusedAGroupTheyDoNotManage() {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, "4");
		browser.launch(platform.sign(platform.deepLinkingClaims(auth.nonce(), "4", TestPlatform.LEARNER).build()),
				auth.state());
		assertThat(browser.get("/deep-linking").body()).doesNotContain("Grade 3 text study");
		LaunchClient.Response answer = browser.post("/deep-linking/study-groups/" + group.getId(),
				Map.of("_csrf", browser.csrfFrom("/home")));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body()).doesNotContain("name=\"JWT\"");
	}

	@Test
	void launchingThePlacedLinkOpensTheGroupAndTiesItsGradebookColumn() {
		LaunchClient browser = launchPlacedLink("4", TestPlatform.LEARNER, "2");
		assertThat(browser.get("/groups/" + group.getId()).body()).contains("Grade 3 text study")
			.contains("Your progress");
		assertThat(jdbc
			.sql("SELECT line_item_url FROM study_group_placement WHERE study_group = ? AND resource_link_id = ?")
			.params(group.getId(), "placed-link-" + group.getId())
			.query(String.class)
			.single()).isEqualTo(platform.issuer() + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1");
	}

	@Test
	void aLinkEditedToPointAtAGroupOfAnotherCourseTiesNothing() {
		new Launcher(port, platform, jdbc).launch("5", "Ed Itor", TestPlatform.LEARNER, "other", "Other course");
		launchPlacedLink("5", TestPlatform.LEARNER, "other");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_placement WHERE study_group = ?")
			.param(group.getId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aLinkCannotSendAnyoneToAnotherSite() {
		for (var target : List.of(Map.of("coachroom_page", "//evil.example/x"), Map.of("coachroom_page", "/lti/launch"),
				Map.of("coachroom_page", "https://evil.example/"), Map.of("coachroom_page", "/error"),
				Map.of("coachroom_page", "/session-ended"))) {
			LaunchClient browser = new LaunchClient("http://localhost:" + port);
			LaunchClient.AuthRequest auth = browser.login(platform, "4");
			var claims = platform.launchClaims(auth.nonce(), "4", TestPlatform.LEARNER)
				.claim("https://purl.imsglobal.org/spec/lti/claim/custom", target)
				.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri",
						"http://localhost:" + port + "//16909060")
				.build();
			LaunchClient.Response launch = browser.launch(platform.sign(claims), auth.state());
			assertThat(launch.landedAt()).as(target.toString()).isEqualTo("/home");
		}
	}

	@Test
	void onlyGroupsOfTheCourseBeingEditedCanBePlacedInIt() {
		Launched sameCoachElsewhere = new Launcher(port, platform, jdbc).launch("3", "Terry Teacher",
				TestPlatform.INSTRUCTOR, "other-course", "Other course");
		StudyGroup elsewhere = management.create(sameCoachElsewhere.member(),
				new StudyGroup.Details("Other course study", "Purpose", null, StudyGroup.Kind.OTHER, null, null,
						StudyGroup.Visibility.CLOSED, new BigDecimal("1"), "clock hours", List.of()),
				CompletionRule.DISTRICT_DEFAULT);
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		browser.launch(platform.sign(platform.deepLinkingClaims(auth.nonce(), "3", TestPlatform.INSTRUCTOR).build()),
				auth.state());
		assertThat(browser.get("/deep-linking").body()).contains("Grade 3 text study")
			.doesNotContain("Other course study");
		LaunchClient.Response answer = browser.post("/deep-linking/study-groups/" + elsewhere.getId(),
				Map.of("_csrf", browser.csrfFrom("/deep-linking")));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body()).doesNotContain("name=\"JWT\"");
	}

	/**
	 * A resource link launch of the placed link, as the LMS sends it with the content
	 * item's custom parameters.
	 */
	private LaunchClient launchPlacedLink(String sub, String role, String contextId) {
		LaunchClient browser = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest auth = browser.login(platform, sub);
		var claims = platform.launchClaims(auth.nonce(), sub, role)
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", contextId, "title", "Course " + contextId))
			.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link",
					Map.of("id", "placed-link-" + group.getId(), "title", "Grade 3 text study"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
					Map.of("study_group", Long.toString(group.getId()), "coachroom_page", "/groups/" + group.getId()))
			.build();
		LaunchClient.Response launch = browser.launch(platform.sign(claims), auth.state());
		// the group's page answers: opened, or not found from another course
		assertThat(launch.landedAt()).isEqualTo("/groups/" + group.getId());
		return browser;
	}

}
