package org.coachroom.access;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.coachroom.lti.People;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.lti.Rosters;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.testsupport.CourseFixture;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.MoodleFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moodle's site administrator opening a course's link: their launch carries Instructor in
 * every course (id_token-admin.json), which makes them the district's admin, not the
 * course's coach, and not someone offered as a co-facilitator. Enrolled as a teacher of
 * the course (the roster lists them), they are its coach.
 */
@LaunchTest
class SiteAdministratorTests {

	private static final String MEMBERSHIPS = "/mod/lti/services.php/CourseSection/2/bindings/1/memberships";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	People people;

	@Autowired
	Rosters rosters;

	@Autowired
	StudyGroupManagement management;

	CourseFixture course;

	@BeforeEach
	void setUp() {
		course = CourseFixture.start(port, registry, jdbc, "site-admin", "Hub");
	}

	@AfterEach
	void tearDown() {
		course.close();
	}

	/**
	 * The roles Moodle 4.5 sent for its site admin, who is not enrolled in the course.
	 */
	@SuppressWarnings("unchecked")
	static List<String> moodleSiteAdminRoles() {
		Map<String, Object> token = JsonMapper.builder()
			.build()
			.readValue(MoodleFixtures.read("id_token-admin.json"), Map.class);
		return (List<String>) ((Map<String, Object>) token.get("claims"))
			.get("https://purl.imsglobal.org/spec/lti/claim/roles");
	}

	private Set<String> rolesInCourse(Launched someone) {
		return people.rolesInCourse(someone.member().tenant(), someone.member().context().id(),
				someone.member().userId());
	}

	private long group() {
		return management
			.create(course.coach().member(),
					new StudyGroup.Details("Reading League " + UUID.randomUUID(), "Purpose", null,
							StudyGroup.Kind.BOOK_STUDY, null, null, StudyGroup.Visibility.CLOSED, new BigDecimal("3"),
							"clock hours", List.of()),
					CompletionRule.DISTRICT_DEFAULT)
			.getId();
	}

	@Test
	void aSiteAdminOpeningALinkIsTheDistrictsAdminAndNotTheCoursesCoach() {
		assertThat(moodleSiteAdminRoles()).as("the fixture's roles")
			.contains("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor");
		Launched admin = course.launch("2-" + course.course(), "Ada Admin", moodleSiteAdminRoles());

		assertThat(rolesInCourse(admin)).containsExactly(CoachroomRole.DISTRICT_ADMIN.name());
		assertThat(admin.browser().get("/groups/new").status()).as("a coach's page").isEqualTo(404);
		long groupId = group();
		String page = course.coach().browser().get("/groups/" + groupId).body();
		assertThat(page).contains("Reading League").doesNotContain("Ada Admin");
	}

	@Test
	void aSiteAdminEnrolledAsTheCoursesTeacherIsItsCoach() {
		Launched admin = course.launch("2-" + course.course(), "Ada Admin", moodleSiteAdminRoles());
		Launched otherCoach = course.launch("c2-" + course.course(), "Cody Coach",
				"http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor");
		course.platform()
			.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-type", "text/html; charset=utf-8")
				.withBody(MoodleFixtures.read("token-response.json"))));
		// Moodle's roster lists enrolled people only, an administrator among them with
		// the roles of the launch as short names
		course.platform()
			.wireMock()
			.stubFor(get(urlPathEqualTo(MEMBERSHIPS)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json; charset=utf-8")
				.withBody(
						"""
								{"id":"x","context":{"id":"2","label":"LTI101","title":"LTI 101"},"members":[
								{"status":"Active","roles":["Instructor","http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"],
								 "user_id":"%s","lis_person_sourcedid":"","name":"Ada Admin","given_name":"Ada","family_name":"Admin",
								 "email":"ada@example.com","ext_user_username":"admin"}]}"""
							.formatted(admin.member().subject()))));

		rosters.courseRoster(course.coach().member());

		assertThat(rolesInCourse(admin)).contains(CoachroomRole.DISTRICT_ADMIN.name(), CoachroomRole.COACH.name());
		assertThat(rolesInCourse(otherCoach)).containsExactly(CoachroomRole.COACH.name());
		long groupId = group();
		assertThat(course.coach().browser().get("/groups/" + groupId).body()).contains("Ada Admin");

		// and stays so when they launch again, in their own session too
		Launched again = course.launch("2-" + course.course(), "Ada Admin", moodleSiteAdminRoles());
		assertThat(rolesInCourse(again)).contains(CoachroomRole.COACH.name(), CoachroomRole.DISTRICT_ADMIN.name());
		assertThat(again.browser().get("/groups/new").status()).as("a coach's page").isEqualTo(200);
	}

}
