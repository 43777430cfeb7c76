package org.coachroom.pd;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches which PD page, tried for every kind of person: a teacher only their own; a
 * coach the evidence of the people of their courses; HR and admins their district;
 * principals counts only; a coach elsewhere and another district's HR nothing. Everything
 * refused is the same 404.
 */
@LaunchTest
class PdAuthorizationTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	TestPlatform platform;

	TestPlatform otherDistrict;

	@AfterEach
	void tearDown() {
		platform.close();
		otherDistrict.close();
	}

	record Get(String path) {
	}

	@Test
	void everyPdPageAnswersOnlyThoseWhoMaySeeIt() {
		platform = TestPlatform.start();
		platform.registerWith(registry, Map.of(), "coachroom_role");
		otherDistrict = TestPlatform.start();
		otherDistrict.registerWith(registry, Map.of(), "coachroom_role");
		String course = "authz-" + UUID.randomUUID();
		Launcher launcher = new Launcher(port, platform, jdbc);
		Launched teacher = launcher.launch("t-" + course, "Maria Lopez", TestPlatform.LEARNER, course, "Hub");
		Map<String, Launched> people = new LinkedHashMap<>();
		people.put("teacher", teacher);
		people.put("other teacher", launcher.launch("t2-" + course, "Ben Ode", TestPlatform.LEARNER, course, "Hub"));
		people.put("coach", launcher.launch("c-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Hub"));
		people.put("coach elsewhere", launcher.launch("c2-" + course, "Other Coach", TestPlatform.INSTRUCTOR,
				"elsewhere-" + course, "Elsewhere"));
		people.put("principal", launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR, course, "Hub",
				Map.of("coachroom_role", "Principal")));
		people.put("HR", launcher.launch("hr-" + course, "Helen HR", ADMINISTRATOR, course, "Hub",
				Map.of("coachroom_role", "HR")));
		people.put("admin", launcher.launch("a-" + course, "Ada Admin", ADMINISTRATOR, course, "Hub"));
		people.put("other district's HR", new Launcher(port, otherDistrict, jdbc).launch("hr-" + course, "Helen HR",
				ADMINISTRATOR, course, "Hub", Map.of("coachroom_role", "HR")));

		// the teacher's evidence, waiting, in a program with a requirement that takes it
		LaunchClient own = teacher.browser();
		own.post("/pd/profile",
				Map.of("schoolLevel", "SECONDARY", "roleStartedOn", "2025-08-01", "_csrf", own.csrfFrom("/pd")));
		own.postFile("/pd/programs/esl-endorsement/requirements/coursework/evidence",
				Map.of("_csrf", own.csrfFrom("/pd/programs/esl-endorsement")), "file", "t.pdf", "application/pdf",
				PdTrackingTests.PDF);
		long evidence = jdbc.sql("SELECT id FROM pd_evidence WHERE user_ref = ?")
			.param(teacher.member().userId())
			.query(Long.class)
			.single();
		long person = teacher.member().userId();

		Map<String, List<String>> allowed = new LinkedHashMap<>();
		allowed.put("/pd/evidence/" + evidence, List.of("teacher", "coach", "HR", "admin"));
		allowed.put("/pd/evidence", List.of("coach", "coach elsewhere", "HR", "admin", "other district's HR"));
		allowed.put("/pd/compliance", List.of("principal", "HR", "admin", "other district's HR"));
		allowed.put("/pd/compliance.csv", List.of("HR", "admin", "other district's HR"));
		allowed.put("/pd/compliance/people/" + person, List.of("HR", "admin"));
		allowed.put("/pd/programs/esl-endorsement", List.of("teacher", "other teacher", "coach", "coach elsewhere"));
		allowed.put("/pd/people", List.of("coach", "coach elsewhere"));
		allowed.put("/pd/people/" + person, List.of("coach"));
		// HR here holds the LMS's Administrator role too, so it is a district admin: each
		// district its own catalog
		allowed.put("/pd/catalog", List.of("HR", "admin", "other district's HR"));
		allowed.put("/pd/catalog/new", List.of("HR", "admin", "other district's HR"));
		allowed.put("/pd/catalog/esl-endorsement", List.of("HR", "admin", "other district's HR"));
		allowed.put("/pd/catalog.json", List.of("HR", "admin", "other district's HR"));
		// the district's reminder outbox: a district admin's page
		allowed.put("/pd/reminders", List.of("HR", "admin", "other district's HR"));

		for (Map.Entry<String, List<String>> page : allowed.entrySet()) {
			for (Map.Entry<String, Launched> who : people.entrySet()) {
				int status = who.getValue().browser().get(page.getKey()).status();
				if (page.getValue().contains(who.getKey())) {
					assertThat(status).as(who.getKey() + " GET " + page.getKey()).isEqualTo(200);
				}
				else {
					assertThat(status).as(who.getKey() + " GET " + page.getKey()).isEqualTo(404);
				}
			}
		}

		// reviewing and extending: only those who may, and a refusal changes nothing
		for (Map.Entry<String, Launched> who : people.entrySet()) {
			LaunchClient browser = who.getValue().browser();
			var reviewed = browser.post("/pd/evidence/" + evidence + "/review",
					Map.of("decision", "return", "comment", "Tried by " + who.getKey(), "_csrf", csrf(browser)));
			var extended = browser.post("/pd/compliance/people/" + person + "/programs/esl-endorsement/extensions",
					Map.of("dueOn", "2030-01-01", "reason", "Tried by " + who.getKey(), "_csrf", csrf(browser)));
			if (!List.of("coach", "HR", "admin").contains(who.getKey())) {
				assertThat(reviewed.status()).as(who.getKey() + " reviews").isIn(404);
			}
			if (!List.of("HR", "admin").contains(who.getKey())) {
				assertThat(extended.status()).as(who.getKey() + " extends").isEqualTo(404);
			}
			if (!List.of("HR", "admin", "other district's HR").contains(who.getKey())) {
				var archived = browser.post("/pd/catalog/esl-endorsement/archive",
						Map.of("archived", "true", "_csrf", csrf(browser)));
				var edited = browser.post("/pd/catalog/esl-endorsement",
						Map.of("title", "Taken over", "deadlineKind", "NONE", "requirements[0].title", "x",
								"requirements[0].kind", "COURSE", "_csrf", csrf(browser)));
				var school = browser.post("/pd/schools",
						Map.of("name", "Tried by " + who.getKey(), "level", "ELEMENTARY", "_csrf", csrf(browser)));
				assertThat(school.status()).as(who.getKey() + " adds a school").isEqualTo(404);
				var imported = browser.postFile("/pd/catalog/import", Map.of("_csrf", csrf(browser)), "file", "c.json",
						"application/json", "{\"programs\":[]}".getBytes(StandardCharsets.UTF_8));
				assertThat(List.of(archived.status(), edited.status(), imported.status()))
					.as(who.getKey() + " edits the catalog")
					.containsOnly(404);
			}
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_program WHERE archived OR title = 'Taken over'")
			.query(Integer.class)
			.single()).as("no refused catalog change was made").isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_audit WHERE user_ref = ? AND (after_value LIKE '%teacher%' "
				+ "OR after_value LIKE '%principal%' OR after_value LIKE '%elsewhere%' OR after_value LIKE '%district%')")
			.param(person)
			.query(Integer.class)
			.single()).as("no refused change was made").isZero();
	}

	/**
	 * Any page of the person's session carries its CSRF token; take the first that has a
	 * form.
	 */
	private static String csrf(LaunchClient browser) {
		for (String page : List.of("/home", "/pd", "/pd/evidence")) {
			try {
				return browser.csrfFrom(page);
			}
			catch (AssertionError noFormThere) {
				// try the next page
			}
		}
		throw new AssertionError("No page with a form");
	}

}
