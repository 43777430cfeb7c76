package org.coachroom.pd;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district admin's program catalog: edits keep progress, bad input changes nothing,
 * imports are all or nothing.
 */
@LaunchTest
class CatalogTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	TestPlatform platform;

	Launched coach;

	Launched admin;

	long tenant;

	@BeforeEach
	void setUp() {
		platform = TestPlatform.start();
		platform.registerWith(registry, Map.of(), "coachroom_role");
		String course = "catalog-" + UUID.randomUUID();
		Launcher launcher = new Launcher(port, platform, jdbc);
		coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Coaching hub");
		admin = launcher.launch("admin-" + course, "Ada Admin", ADMINISTRATOR, course, "Coaching hub");
		tenant = coach.member().tenant().value();
		LaunchClient browser = coach.browser();
		browser.post("/pd/profile",
				Map.of("schoolLevel", "ELEMENTARY", "roleStartedOn", "2025-08-01", "_csrf", browser.csrfFrom("/pd")));
	}

	@AfterEach
	void tearDown() {
		platform.close();
	}

	@Test
	void anAdminEditsAProgramWhilePeopleAreInItAndTheirProgressIsKept() {
		LaunchClient browser = coach.browser();
		browser.post("/pd/programs/letrs/requirements/u1-assessment", Map.of("kind", "score", "value", "90", "on",
				LocalDate.now().toString(), "_csrf", browser.csrfFrom("/pd/programs/letrs")));

		LaunchClient office = admin.browser();
		String page = office.get("/pd/catalog/letrs").body();
		List<String[]> form = formFields(page, "program-form");
		set(form, "title", "LETRS (district cohort)");
		set(form, "requirements[0].remove", "true");
		int blank = firstBlankRequirement(form);
		set(form, "requirements[" + blank + "].title", "Cohort reflection");
		set(form, "requirements[" + blank + "].kind", "EVIDENCE");
		var saved = office.postPairs("/pd/catalog/letrs", form);
		assertThat(saved.status()).isEqualTo(302);

		String mine = browser.get("/pd/programs/letrs").body();
		assertThat(mine).contains("LETRS (district cohort)")
			.contains("Cohort reflection")
			.contains("best 90%")
			.contains("1 of 22 requirements met")
			.doesNotContain("Volume 1 pretest");
		assertThat(jdbc
			.sql("SELECT before_value, after_value FROM pd_catalog_change WHERE tenant_id = ? AND action = 'EDITED'")
			.param(tenant)
			.query((rs, i) -> rs.getString(1) + "|" + rs.getString(2))
			.single()).contains("LETRS (3rd edition)")
			.contains("LETRS (district cohort)")
			.contains("cohort-reflection");
		awaitTrue(() -> jdbc.sql("""
				SELECT COUNT(*) FROM pd_standing s JOIN pd_program p ON p.id = s.program
				WHERE s.user_ref = ? AND p.code = 'letrs' AND s.met = 1 AND s.total = 22""")
			.param(coach.member().userId())
			.query(Integer.class)
			.single() == 1, "the coach's standing follows the edit");
		assertThat(office.get("/pd/catalog").body()).contains("LETRS (district cohort)").contains("Edited");
	}

	@Test
	void badInputComesBackWithFieldErrorsAndNothingIsSaved() {
		LaunchClient office = admin.browser();
		int programs = programCount();
		List<String[]> form = formFields(office.get("/pd/catalog/new").body(), "program-form");
		set(form, "code", "Not A Code!");
		set(form, "title", "");
		set(form, "deadlineKind", "YEARS_AFTER_ROLE_START");
		set(form, "deadlineYears", "-2");
		set(form, "requirements[0].title", "Clock hours");
		set(form, "requirements[0].kind", "HOURS");
		set(form, "requirements[0].hours", "lots");
		set(form, "requirements[1].title", "Unit test");
		set(form, "requirements[1].kind", "UNIT");
		set(form, "requirements[1].threshold", "180");
		set(form, "rules[0].obligation", "REQUIRED");
		set(form, "rules[0].audience", "PRINCIPALS");
		var refused = office.postPairs("/pd/catalog/new", form);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("nothing was saved")
			.contains("Use up to 60 lower-case letters")
			.contains("Give a title")
			.contains("Give a whole number of years from 1 to 20")
			.contains("An hours requirement needs hours above 0")
			.contains("Give a percent from 0 to 100")
			.contains("Choose one.")
			.contains("value=\"Clock hours\"");
		assertThat(programCount()).isEqualTo(programs);
		assertThat(changeCount()).isZero();

		// the same code twice, and a program taken by the starter catalog
		List<String[]> twice = formFields(office.get("/pd/catalog/new").body(), "program-form");
		set(twice, "code", "letrs");
		set(twice, "title", "Another LETRS");
		set(twice, "requirements[0].title", "Part one");
		set(twice, "requirements[0].code", "part");
		set(twice, "requirements[0].kind", "COURSE");
		set(twice, "requirements[1].title", "Part two");
		set(twice, "requirements[1].code", "part");
		set(twice, "requirements[1].kind", "COURSE");
		var duplicated = office.postPairs("/pd/catalog/new", twice);
		assertThat(duplicated.status()).isEqualTo(400);
		assertThat(duplicated.body()).contains("Two requirements cannot share a code.");
		set(twice, "requirements[1].code", "part-two");
		assertThat(office.postPairs("/pd/catalog/new", twice).body())
			.contains("Another program already has this code.");
		assertThat(programCount()).isEqualTo(programs);
	}

	@Test
	void oddInputIsRefusedWithA400AndNeverA500() {
		LaunchClient office = admin.browser();
		String csrf = office.csrfFrom("/pd/catalog");
		int programs = programCount();
		// forms no page sends
		assertThat(office.post("/pd/catalog/new", Map.of("requirements[300].title", "x", "_csrf", csrf)).status())
			.isEqualTo(400);
		assertThat(office.post("/pd/catalog/new", Map.of("rules[abc].obligation", "x", "_csrf", csrf)).status())
			.isEqualTo(400);
		List<String[]> form = formFields(office.get("/pd/catalog/new").body(), "program-form");
		set(form, "code", "new");
		set(form, "title", "A program called new");
		set(form, "deadlineKind", "FIXED_DATE");
		set(form, "deadlineDate", "+10000-01-01");
		set(form, "requirements[0].title", "Step");
		set(form, "requirements[0].kind", "COURSE");
		var refused = office.postPairs("/pd/catalog/new", form);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Use up to 60 lower-case letters").contains("Give the date as a date.");

		// catalog files no export makes
		Map<String, String> files = new LinkedHashMap<>();
		for (String file : List.of("{\"programs\":[null]}", "{\"programs\":[1, \"x\"]}",
				"{\"programs\":[{\"code\":\"far\",\"title\":\"Far\",\"deadline\":{\"kind\":\"YEARS_AFTER_ROLE_START\",\"years\":2000000000},"
						+ "\"requirements\":[{\"code\":\"a\",\"title\":\"A\",\"kind\":\"COURSE\",\"attempts\":0,\"evidenceRequired\":false}],\"assignments\":[]}]}",
				"{\"programs\":[{\"code\":\"huge\",\"title\":\"Huge\",\"requirements\":[{\"code\":\"a\",\"title\":\"A\","
						+ "\"kind\":\"UNIT\",\"threshold\":\"1e99999999\",\"attempts\":2,\"evidenceRequired\":false}],\"assignments\":[]}]}",
				"{\"programs\":[{\"code\":\"import\",\"title\":\"Import\",\"requirements\":[{\"code\":\"a\",\"title\":\"A\","
						+ "\"kind\":\"COURSE\",\"attempts\":0,\"evidenceRequired\":false}],\"assignments\":[]}]}")) {
			var imported = office.postFile("/pd/catalog/import", Map.of("_csrf", csrf), "file", "catalog.json",
					"application/json", file.getBytes(StandardCharsets.UTF_8));
			assertThat(imported.status()).as(file).isEqualTo(400);
			files.put(file, imported.body());
		}
		assertThat(files.values()).allSatisfy(body -> assertThat(body).contains("Nothing was imported"));
		assertThat(String.join("\n", files.values())).contains("a program is an object")
			.contains("from 1 to 50")
			.contains("A threshold is a percent from 0 to 100")
			.contains("lower-case letters, digits and hyphens: import")
			.doesNotContain("Cannot map `null`");
		assertThat(programCount()).isEqualTo(programs);
	}

	@Test
	void aNewProgramReachesThePeopleItIsRequiredOf() {
		LaunchClient office = admin.browser();
		List<String[]> form = formFields(office.get("/pd/catalog/new").body(), "program-form");
		set(form, "code", "science-of-reading");
		set(form, "title", "Science of Reading refresher");
		set(form, "deadlineKind", "FIXED_DATE");
		set(form, "deadlineDate", LocalDate.now().plusYears(1).toString());
		set(form, "requirements[0].title", "Refresher clock hours");
		set(form, "requirements[0].kind", "HOURS");
		set(form, "requirements[0].hours", "12");
		set(form, "requirements[0].hoursUnit", "clock hours");
		set(form, "rules[0].obligation", "REQUIRED");
		set(form, "rules[0].audience", "COACH");
		set(form, "rules[0].schoolLevel", "ELEMENTARY");
		var created = office.postPairs("/pd/catalog/new", form);
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).endsWith("/pd/catalog/science-of-reading");

		assertThat(coach.browser().get("/pd").body()).contains("Science of Reading refresher");
		awaitTrue(() -> jdbc.sql("""
				SELECT COUNT(*) FROM pd_standing s JOIN pd_program p ON p.id = s.program
				WHERE s.user_ref = ? AND p.code = 'science-of-reading' AND s.obligation = 'REQUIRED'""")
			.param(coach.member().userId())
			.query(Integer.class)
			.single() == 1, "HR's view has the coach in the new program");
	}

	@Test
	void aFormOpenedBeforeSomeoneElseSavedIsRefusedAsAConflict() {
		LaunchClient office = admin.browser();
		List<String[]> first = formFields(office.get("/pd/catalog/esl-endorsement").body(), "program-form");
		List<String[]> second = formFields(office.get("/pd/catalog/esl-endorsement").body(), "program-form");
		set(first, "title", "ESL endorsement (first)");
		set(second, "title", "ESL endorsement (second)");
		assertThat(office.postPairs("/pd/catalog/esl-endorsement", first).status()).isEqualTo(302);
		var late = office.postPairs("/pd/catalog/esl-endorsement", second);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.body()).contains("Someone else saved this program");
		assertThat(jdbc.sql("SELECT title FROM pd_program WHERE tenant_id = ? AND code = 'esl-endorsement'")
			.param(tenant)
			.query(String.class)
			.single()).isEqualTo("ESL endorsement (first)");
	}

	@Test
	void anImportCreatesAndUpdatesProgramsAllOrNothing() {
		LaunchClient office = admin.browser();
		var exported = office.getBytes("/pd/catalog.json");
		assertThat(exported.status()).isEqualTo(200);
		String file = new String(exported.body(), StandardCharsets.UTF_8);
		assertThat(file).contains("\"code\" : \"letrs\"").contains("\"programs\"");

		String changed = file.replace("\"ESL endorsement\"", "\"ESL endorsement (2027)\"")
			.replaceFirst("\"programs\" : \\[",
					"""
							"programs" : [ {
							  "code" : "mentor-training", "title" : "Mentor training", "description" : null,
							  "deadline" : { "kind" : "NONE", "fixedDate" : null, "years" : 0 },
							  "requirements" : [ { "code" : "sessions", "title" : "Mentor sessions", "part" : null, "kind" : "HOURS",
							    "threshold" : null, "attempts" : 0, "hours" : 10, "hoursUnit" : "clock hours", "evidenceRequired" : false } ],
							  "assignments" : [ ]
							},""");
		var imported = office.postFile("/pd/catalog/import", Map.of("_csrf", office.csrfFrom("/pd/catalog")), "file",
				"catalog.json", "application/json", changed.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).isEqualTo(302);
		assertThat(office.get("/pd/catalog").body()).contains("Imported: 1 programs added, 1 updated.")
			.contains("Mentor training")
			.contains("ESL endorsement (2027)");

		int programs = programCount();
		int changes = changeCount();
		String broken = changed.replace("\"ESL endorsement (2027)\"", "\"ESL endorsement (2028)\"")
			.replace("\"hours\" : 10,", "\"hours\" : -1,")
			.replace("\"kind\" : \"OBSERVATION\"", "\"kind\" : \"INTERVIEW\"");
		var refused = office.postFile("/pd/catalog/import", Map.of("_csrf", office.csrfFrom("/pd/catalog")), "file",
				"catalog.json", "application/json", broken.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Nothing was imported")
			.contains("programs[0]")
			.contains("programs[0].requirements[0]: An hours requirement needs hours above 0")
			.contains("INTERVIEW");
		assertThat(programCount()).isEqualTo(programs);
		assertThat(changeCount()).isEqualTo(changes);
		assertThat(office.get("/pd/catalog").body()).contains("ESL endorsement (2027)").doesNotContain("(2028)");

		var notJson = office.postFile("/pd/catalog/import", Map.of("_csrf", office.csrfFrom("/pd/catalog")), "file",
				"catalog.json", "application/json", "<programs/>".getBytes(StandardCharsets.UTF_8));
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.body()).contains("The file is not JSON");
	}

	@Test
	void anArchivedProgramLeavesPeoplesListsAndHrsViewUntilItIsRestored() {
		LaunchClient office = admin.browser();
		assertThat(coach.browser().get("/pd").body()).contains("LETRS (3rd edition)");
		var archived = office.post("/pd/catalog/letrs/archive",
				Map.of("archived", "true", "_csrf", office.csrfFrom("/pd/catalog")));
		assertThat(archived.status()).isEqualTo(302);
		assertThat(coach.browser().get("/pd").body()).doesNotContain("LETRS (3rd edition)");
		awaitTrue(() -> letrsStandings() == 0, "the coach's LETRS standing leaves HR's view");
		assertThat(office.get("/pd/catalog").body()).contains("Archived").contains("Restore");

		office.post("/pd/catalog/letrs/archive", Map.of("archived", "false", "_csrf", office.csrfFrom("/pd/catalog")));
		assertThat(coach.browser().get("/pd").body()).contains("LETRS (3rd edition)");
		awaitTrue(() -> letrsStandings() == 1, "and comes back on restore");
	}

	@Test
	void anotherDistrictsAdminFindsNoneOfThisDistrictsPrograms() {
		LaunchClient office = admin.browser();
		List<String[]> form = formFields(office.get("/pd/catalog/new").body(), "program-form");
		set(form, "code", "our-own");
		set(form, "title", "Our own program");
		set(form, "requirements[0].title", "Only step");
		set(form, "requirements[0].kind", "COURSE");
		assertThat(office.postPairs("/pd/catalog/new", form).status()).isEqualTo(302);

		try (TestPlatform other = TestPlatform.start()) {
			other.registerWith(registry, Map.of(), "coachroom_role");
			Launched theirs = new Launcher(port, other, jdbc).launch("admin-x", "Xavier Admin", ADMINISTRATOR,
					"x-course", "X");
			assertThat(theirs.browser().get("/pd/catalog/our-own").status()).isEqualTo(404);
			assertThat(theirs.browser().get("/pd/catalog").body()).doesNotContain("Our own program");
			assertThat(new String(theirs.browser().getBytes("/pd/catalog.json").body(), StandardCharsets.UTF_8))
				.doesNotContain("our-own");
		}
	}

	private int letrsStandings() {
		return jdbc.sql("""
				SELECT COUNT(*) FROM pd_standing s JOIN pd_program p ON p.id = s.program
				WHERE s.user_ref = ? AND p.code = 'letrs'""")
			.param(coach.member().userId())
			.query(Integer.class)
			.single();
	}

	private int programCount() {
		return jdbc.sql("SELECT COUNT(*) FROM pd_program WHERE tenant_id = ?")
			.param(tenant)
			.query(Integer.class)
			.single();
	}

	private int changeCount() {
		return jdbc.sql("SELECT COUNT(*) FROM pd_catalog_change WHERE tenant_id = ?")
			.param(tenant)
			.query(Integer.class)
			.single();
	}

	/**
	 * Standings follow catalog changes in the background: wait a few seconds for them.
	 */
	static void awaitTrue(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within 15 s: " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL);

	private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);

	private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);

	/**
	 * The fields a browser would send from the form with this id, as name and value
	 * pairs.
	 */
	static List<String[]> formFields(String html, String formId) {
		int start = html.indexOf("id=\"" + formId + "\"");
		assertThat(start).as("form " + formId).isPositive();
		String form = html.substring(start, html.indexOf("</form>", start));
		List<String[]> fields = new ArrayList<>();
		Matcher inputs = INPUT.matcher(form);
		while (inputs.find()) {
			String attrs = inputs.group(1);
			String name = attr(attrs, "name");
			if (name == null) {
				continue;
			}
			String type = attr(attrs, "type");
			if ("checkbox".equals(type) && !attrs.contains("checked")) {
				continue;
			}
			String value = attr(attrs, "value");
			fields.add(new String[] { name, value == null ? "" : value });
		}
		Matcher selects = SELECT.matcher(form);
		while (selects.find()) {
			String name = attr(selects.group(1), "name");
			Matcher chosen = Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected").matcher(selects.group(2));
			Matcher first = Pattern.compile("<option[^>]*value=\"([^\"]*)\"").matcher(selects.group(2));
			fields.add(new String[] { name, chosen.find() ? chosen.group(1) : first.find() ? first.group(1) : "" });
		}
		Matcher areas = TEXTAREA.matcher(form);
		while (areas.find()) {
			fields.add(new String[] { attr(areas.group(1), "name"), unescape(areas.group(2)) });
		}
		return fields;
	}

	private static String attr(String attrs, String name) {
		Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
		return m.find() ? unescape(m.group(1)) : null;
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	static void set(List<String[]> fields, String name, String value) {
		fields.removeIf(f -> f[0].equals(name));
		fields.add(new String[] { name, value });
	}

	private static int firstBlankRequirement(List<String[]> fields) {
		for (int i = 0;; i++) {
			String prefix = "requirements[" + i + "].";
			boolean present = fields.stream().anyMatch(f -> f[0].startsWith(prefix));
			boolean existing = fields.stream().anyMatch(f -> f[0].equals(prefix + "existing"));
			if (present && !existing) {
				return i;
			}
			if (!present) {
				throw new AssertionError("No blank requirement row");
			}
		}
	}

}
