package org.coachroom.pd.compliance;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.CourseFixture;
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
 * HR's compliance view: filters, the CSV export, extensions, and who may see names
 * (principals only counts).
 */
@LaunchTest
class ComplianceTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	CourseFixture fixture;

	TestPlatform platform;

	Launcher launcher;

	String course;

	Launched coach;

	Launched teacher;

	Launched hr;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "hr", "Lincoln coaching");
		platform = fixture.platform();
		launcher = fixture.launcher();
		course = fixture.course();
		coach = fixture.coach();
		teacher = fixture.teacher();
		hr = launcher.launch("hr-" + course, "Helen HR", ADMINISTRATOR, course, "Lincoln coaching",
				Map.of("coachroom_role", "HR"));
		// the coach started in 2023: LETRS was due 3 years later, so it is overdue now
		profile(coach.browser(), "ELEMENTARY", "2023-01-02");
		profile(teacher.browser(), "SECONDARY", LocalDate.now().minusMonths(2).toString());
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	private static void profile(LaunchClient browser, String level, String start) {
		browser.post("/pd/profile",
				Map.of("schoolLevel", level, "roleStartedOn", start, "_csrf", browser.csrfFrom("/pd")));
	}

	@Test
	void hrFiltersByStandingAndNameAndSeesCredentialFactsOnly() {
		var browser = hr.browser();
		String all = browser.get("/pd/compliance").body();
		assertThat(all).contains("Carla Coach")
			.contains("Maria Lopez")
			.contains("Entry Years Enhancement (EYE) induction");

		String overdue = browser.get("/pd/compliance?standing=OVERDUE").body();
		assertThat(overdue).contains("Carla Coach").contains("LETRS (3rd edition)").doesNotContain("Maria Lopez");
		assertThat(browser.get("/pd/compliance?name=lopez").body()).contains("Maria Lopez")
			.doesNotContain("Carla Coach");
		assertThat(browser.get("/pd/compliance?program=eye-induction&standing=NOT_STARTED").body())
			.contains("Maria Lopez");
		// a filter value no form offers is ignored, not an error
		assertThat(browser.get("/pd/compliance?standing=LATE&level=MIDDLE").status()).isEqualTo(200);

		long coachRef = coach.member().userId();
		String person = browser.get("/pd/compliance/people/" + coachRef).body();
		assertThat(person).contains("Carla Coach").contains("Overdue").contains("Credential facts only");
	}

	@Test
	void aCoachSeesTheProgramsOfTheTeachersTheySupportAndNoOneElses() {
		var browser = coach.browser();
		String list = browser.get("/pd/people").body();
		assertThat(list).contains("Maria Lopez")
			.contains("Entry Years Enhancement (EYE) induction")
			.doesNotContain("Carla Coach");
		String theirs = browser.get("/pd/people/" + teacher.member().userId()).body();
		assertThat(theirs).contains("Maria Lopez")
			.contains("Credential facts only")
			.contains("Entry Years Enhancement")
			.doesNotContain("Extend the due date")
			.doesNotContain("certificate.pdf");
		assertThat(browser.get("/pd/people/" + hr.member().userId()).status()).as("HR is no one the coach supports")
			.isEqualTo(404);
		assertThat(teacher.browser().get("/pd/people/" + coach.member().userId()).status()).isEqualTo(404);
	}

	@Test
	void theNameOfSomeoneWhoHasNotOpenedPdLinksNowhereAndTheirPageSaysNoSuchPersonNotNoSuchProgram() {
		Launched newcomer = launcher.launch("n-" + course, "Ben Ode", TestPlatform.LEARNER, course, "Lincoln coaching");
		String list = coach.browser().get("/pd/people").body();
		assertThat(list).contains("Ben Ode")
			.contains("href=\"/pd/people/" + teacher.member().userId() + "\"")
			.doesNotContain("href=\"/pd/people/" + newcomer.member().userId() + "\"")
			.containsPattern("(?s)Ben Ode.{0,300}Has not opened their PD yet");
		var page = coach.browser().get("/pd/people/" + newcomer.member().userId());
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("There is no such person among those whose PD you may see")
			.contains("have not opened their PD yet")
			.doesNotContain("There is no such program");
	}

	@Test
	void aRecommendedProgramIsNeverOverdueOrDueSoonInTheListTheTilesOrTheCsv() {
		// the coach started in 2023: the recommended coaching endorsement ("within three
		// years") is optional
		var browser = hr.browser();
		String csv = browser.get("/pd/compliance.csv").body();
		assertThat(csv).contains("State instructional coaching endorsement,Recommended,")
			.doesNotContain("State instructional coaching endorsement,Recommended,Overdue")
			.doesNotContain("State instructional coaching endorsement,Recommended,Due soon");
		assertThat(browser.get("/pd/compliance?standing=OVERDUE").body()).contains("LETRS (3rd edition)")
			.doesNotContain("<span>State instructional coaching endorsement</span>");
		assertThat(browser.get("/pd/compliance.csv?standing=OVERDUE").body().split("\r\n")).as("LETRS alone")
			.hasSize(2);
		String tiles = browser.get("/pd/compliance").body();
		assertThat(tiles).containsPattern("id=\"count-OVERDUE\">\\s*<strong>1</strong>");
		assertThat(coach.browser().get("/pd").body())
			.doesNotContainPattern("(?s)id=\"program-coaching-endorsement\".{0,400}Overdue");
	}

	@Test
	void aCsvCellStartingWithATabOrCarriageReturnIsNotReadAsAFormula() {
		assertThat(ComplianceCsv.csv("\t=2+5")).isEqualTo("'\t=2+5");
		assertThat(ComplianceCsv.csv("\r=1+1")).isEqualTo("\"'\r=1+1\"");
		assertThat(ComplianceCsv.csv("=1+1")).isEqualTo("'=1+1");
		assertThat(ComplianceCsv.csv("Maria Lopez")).isEqualTo("Maria Lopez");
	}

	@Test
	void aCoachsRightsComeFromTheCurrentLaunchNotFromACourseAnEarlierLaunchRecorded() {
		// the same coach, now launched from another course: the first course's teachers
		// are not theirs from here
		Launched elsewhere = new Launcher(port, platform, jdbc).launch(coach.member().subject(), "Carla Coach",
				TestPlatform.INSTRUCTOR, "other-" + UUID.randomUUID(), "Another course");
		assertThat(elsewhere.browser().get("/pd/people").body()).doesNotContain("Maria Lopez");
		assertThat(elsewhere.browser().get("/pd/people/" + teacher.member().userId()).status()).isEqualTo(404);
		// and launched as a learner somewhere, the coach supports no one at all
		Launched asLearner = new Launcher(port, platform, jdbc).launch(coach.member().subject(), "Carla Coach",
				TestPlatform.LEARNER, "learner-" + UUID.randomUUID(), "A course they take");
		assertThat(asLearner.browser().get("/pd/people/" + teacher.member().userId()).status()).isEqualTo(404);
		// from the course they coach, she is theirs
		assertThat(coach.browser().get("/pd/people").body()).contains("Maria Lopez");
	}

	@Test
	void hrAssignsANewTeacherAMentorWhoSeesTheirInductionAndEveryChangeIsAudited() {
		var browser = hr.browser();
		long teacherRef = teacher.member().userId();
		long coachRef = coach.member().userId();
		String page = "/pd/compliance/people/" + teacherRef;
		assertThat(browser.get(page).body()).contains("Mentor: none assigned yet.");
		assertThat(browser.get(page + "?for=eye-induction&mentor-search=carl").body()).contains("Carla Coach")
			.contains("id=\"mentor-" + coachRef + "\"")
			.doesNotContain("id=\"mentor-" + teacherRef + "\"");

		var assigned = browser.post(page + "/programs/eye-induction/mentor",
				Map.of("mentor", Long.toString(coachRef), "_csrf", browser.csrfFrom(page)));
		assertThat(assigned.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("Mentor assigned.").contains("Mentor: Carla Coach");
		assertThat(teacher.browser().get("/pd/programs/eye-induction").body()).contains("Your mentor: Carla Coach");
		assertThat(coach.browser().get("/pd").body()).contains("People you mentor").contains("Maria Lopez");

		// not themselves, not in a program without mentors, not by anyone but HR
		browser.post(page + "/programs/eye-induction/mentor",
				Map.of("mentor", Long.toString(teacherRef), "_csrf", browser.csrfFrom(page)));
		assertThat(browser.get(page).body()).contains("other than the person").contains("Mentor: Carla Coach");
		assertThat(browser
			.post(page + "/programs/letrs/mentor",
					Map.of("mentor", Long.toString(coachRef), "_csrf", browser.csrfFrom(page)))
			.status()).isEqualTo(404);
		assertThat(teacher.browser()
			.post(page + "/programs/eye-induction/mentor",
					Map.of("mentor", Long.toString(teacherRef), "_csrf", teacher.browser().csrfFrom("/pd")))
			.status()).isEqualTo(404);

		browser.post(page + "/programs/eye-induction/mentor", Map.of("_csrf", browser.csrfFrom(page)));
		assertThat(teacher.browser().get("/pd/programs/eye-induction").body()).contains("not assigned yet");
		assertThat(jdbc.sql(
				"SELECT CONCAT(before_value, ' > ', after_value) FROM pd_audit WHERE user_ref = ? AND action = 'MENTOR' ORDER BY id")
			.param(teacherRef)
			.query(String.class)
			.list()).containsExactly("no mentor > Carla Coach", "Carla Coach > no mentor");
	}

	@Test
	void anExtensionMovesAnOverduePersonToDueSoonWithTheReasonAudited() {
		var browser = hr.browser();
		long coachRef = coach.member().userId();
		String due = LocalDate.now().plusDays(10).toString();
		var granted = browser.post("/pd/compliance/people/" + coachRef + "/programs/letrs/extensions",
				Map.of("dueOn", due, "reason", "Medical leave in spring", "_csrf",
						browser.csrfFrom("/pd/compliance/people/" + coachRef)));
		assertThat(granted.status()).isEqualTo(302);
		assertThat(browser.get("/pd/compliance/people/" + coachRef).body()).contains("Due date extended.");
		assertThat(browser.get("/pd/compliance?program=letrs&standing=DUE_SOON").body()).contains("Carla Coach");
		assertThat(browser.get("/pd/compliance?program=letrs&standing=OVERDUE").body()).doesNotContain("Carla Coach");
		assertThat(coach.browser().get("/pd/programs/letrs").body()).contains("Due date moved to")
			.contains("Medical leave");
		assertThat(jdbc.sql("SELECT after_value FROM pd_audit WHERE user_ref = ? AND action = 'EXTENSION'")
			.param(coachRef)
			.query(String.class)
			.single()).contains("Medical leave in spring");

		browser.post("/pd/compliance/people/" + coachRef + "/programs/letrs/extensions",
				Map.of("dueOn", due, "reason", " ", "_csrf", browser.csrfFrom("/pd/compliance/people/" + coachRef)));
		assertThat(browser.get("/pd/compliance/people/" + coachRef).body())
			.contains("Give the reason for the extension.");
	}

	@Test
	void theCsvExportIsRfc4180AndNeutralisesFormulas() {
		launcher
			.launch("odd-" + course, "=HYPERLINK(\"http://x\"), Esq.", TestPlatform.LEARNER, course, "Lincoln coaching")
			.browser()
			.get("/pd");
		var csv = hr.browser().get("/pd/compliance.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		String body = csv.body();
		assertThat(body).as("a UTF-8 byte order mark, for Excel")
			.startsWith("\uFEFFperson_id,person,email,school,level,program,obligation,standing,due_on,"
					+ "requirements_met,requirements_total\r\n");
		// who, where, and words rather than internal codes (NOT_STARTED)
		assertThat(body)
			.containsPattern("\r\n" + coach.member().userId()
					+ ",Carla Coach,[^,]*,,Elementary,LETRS \\(3rd edition\\),Required,Overdue,2026-01-02,0,22\r\n")
			.contains(",Not started,")
			.doesNotContain("NOT_STARTED")
			.doesNotContain("REQUIRED");
		assertThat(body).contains("\"'=HYPERLINK(\"\"http://x\"\"), Esq.\",");
		assertThat(hr.browser().get("/pd/compliance.csv?program=letrs&standing=OVERDUE").body().split("\r\n"))
			.hasSize(2);
	}

	private long school(String name) {
		return jdbc.sql("SELECT id FROM pd_school WHERE tenant_id = ? AND name = ?")
			.params(hr.member().tenant().value(), name)
			.query(Long.class)
			.single();
	}

	@Test
	void peopleNameTheirSchoolAndHrAndPrincipalsLookAtOneSchool() {
		var office = hr.browser();
		office.post("/pd/schools",
				Map.of("name", "Lincoln Elementary", "level", "ELEMENTARY", "_csrf", office.csrfFrom("/pd/catalog")));
		office.post("/pd/schools",
				Map.of("name", "Roosevelt High", "level", "SECONDARY", "_csrf", office.csrfFrom("/pd/catalog")));
		// refused: a name taken, a blank one; nothing added
		office.post("/pd/schools", Map.of("name", " lincoln  elementary ", "level", "ELEMENTARY", "_csrf",
				office.csrfFrom("/pd/catalog")));
		assertThat(office.get("/pd/catalog").body()).contains("The district already has a school of that name.");
		office.post("/pd/schools", Map.of("name", " ", "level", "ELEMENTARY", "_csrf", office.csrfFrom("/pd/catalog")));
		assertThat(office.get("/pd/catalog").body()).contains("Give the school&#39;s name");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_school WHERE tenant_id = ?")
			.param(hr.member().tenant().value())
			.query(Integer.class)
			.single()).isEqualTo(2);

		long lincoln = school("Lincoln Elementary");
		long roosevelt = school("Roosevelt High");
		var coachPd = coach.browser();
		coachPd.post("/pd/profile", Map.of("schoolLevel", "ELEMENTARY", "roleStartedOn", "2023-01-02", "school",
				Long.toString(lincoln), "_csrf", coachPd.csrfFrom("/pd")));
		var teacherPd = teacher.browser();
		teacherPd.post("/pd/profile",
				Map.of("schoolLevel", "SECONDARY", "roleStartedOn", LocalDate.now().minusMonths(2).toString(), "school",
						Long.toString(roosevelt), "_csrf", teacherPd.csrfFrom("/pd")));
		assertThat(coachPd.get("/pd").body()).contains("Lincoln Elementary");

		assertThat(office.get("/pd/compliance?school=" + lincoln).body()).contains("Carla Coach")
			.doesNotContain("Maria Lopez");
		assertThat(office.get("/pd/compliance?school=" + roosevelt).body()).contains("Maria Lopez")
			.doesNotContain("Carla Coach");
		assertThat(office.get("/pd/compliance/people/" + coach.member().userId()).body())
			.contains("Lincoln Elementary");
		assertThat(office.get("/pd/compliance?school=999999999").body()).contains("No one matches");
		assertThat(office.get("/pd/compliance?school=abc").status()).isEqualTo(200);

		Launched principal = launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR, course,
				"Lincoln coaching", Map.of("coachroom_role", "Principal"));
		String counts = principal.browser().get("/pd/compliance?school=" + lincoln).body();
		assertThat(counts).contains("Lincoln Elementary").contains("fewer than 5").doesNotContain("Carla Coach");

		// a school of another district is no one's choice here
		coachPd.post("/pd/profile", Map.of("schoolLevel", "ELEMENTARY", "roleStartedOn", "2023-01-02", "school",
				"999999999", "_csrf", coachPd.csrfFrom("/pd")));
		assertThat(coachPd.get("/pd").body()).contains("Choose a school of the list.");
		assertThat(office.get("/pd/compliance?school=" + lincoln).body()).contains("Carla Coach");
	}

	@Test
	void aPrincipalSeesCountsOnlyAndSmallOnesAreNotExact() {
		Launched principal = launcher.launch("p-" + course, "Pat Principal", TestPlatform.INSTRUCTOR, course,
				"Lincoln coaching", Map.of("coachroom_role", "Principal"));
		String page = principal.browser().get("/pd/compliance?name=Carla").body();
		assertThat(page).doesNotContain("Carla Coach").doesNotContain("Maria Lopez").contains("fewer than 5");
		assertThat(principal.browser().get("/pd/compliance.csv").status()).isEqualTo(404);
		assertThat(principal.browser().get("/pd/compliance/people/" + coach.member().userId()).status()).isEqualTo(404);
		// an HR role beside the principal's does not open the names either
		Launched both = launcher.launch("ph-" + course, "Dual Role", ADMINISTRATOR, course, "Lincoln coaching",
				Map.of("coachroom_role", "Principal,HR"));
		assertThat(both.browser().get("/pd/compliance").body()).doesNotContain("Carla Coach");
	}

	@Test
	void teachersAndCoachesHaveNoComplianceViewAndAnotherDistrictSeesNoOne() {
		assertThat(teacher.browser().get("/pd/compliance").status()).isEqualTo(404);
		assertThat(coach.browser().get("/pd/compliance.csv").status()).isEqualTo(404);
		try (TestPlatform other = TestPlatform.start()) {
			other.registerWith(registry, Map.of(), "coachroom_role");
			Launched otherHr = new Launcher(port, other, jdbc).launch("hr-" + course, "Other HR", ADMINISTRATOR, course,
					"Lincoln coaching", Map.of("coachroom_role", "HR"));
			assertThat(otherHr.browser().get("/pd/compliance").body()).doesNotContain("Carla Coach")
				.contains("No one matches");
			assertThat(otherHr.browser().get("/pd/compliance/people/" + coach.member().userId()).status())
				.isEqualTo(404);
		}
	}

}
