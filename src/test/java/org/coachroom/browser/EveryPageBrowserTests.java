package org.coachroom.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.studygroup.session.AttendanceStatus;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.shared.DistrictClock;
import org.coachroom.testsupport.BrowserSignIn;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people see, in headless Chromium: every role's main pages, at a phone's width (390
 * px) and a laptop's (1366 px), fit the screen (nothing wider than the viewport, or than
 * what its scrollbar leaves of it, so no sideways scrolling) and pass axe's WCAG 2 A/AA
 * checks; each page has the one navigation bar of the person's sections, the current one
 * marked, and every section it lists opens for them; progress bars draw their value (an
 * empty one is empty, a complete one full); the tables people use on a phone stack into
 * cards there. The pages include the create and edit forms, what is folded away in them
 * opened, and the operator's page (no launch: its token). Every page that fails is listed
 * together. Each page is opened once per width, for all the checks. Skipped where no
 * Chromium is installed.
 */
@LaunchTest
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageBrowserTests {

	private static final String STAFF = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Staff";

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	private static final List<Integer> WIDTHS = List.of(390, 1366);

	/** Who reaches the operator's page: no launch, the operator's token. */
	private static final String OPERATOR = "operator";

	private static final String PENDING_ISSUER = "https://moodle.lincoln-elementary-district.example.org/pending-";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudyGroupManagement management;

	@Autowired
	DistrictClock district;

	Chromium chromium;

	WebDriver driver;

	TestPlatform platform;

	BrowserSignIn signIn;

	/** The people by name: their LMS subject and their own HTTP session. */
	final Map<String, Launched> people = new LinkedHashMap<>();

	/** The pages each person is shown, by name: path. */
	final Map<String, Map<String, String>> pages = new LinkedHashMap<>();

	/** The section each person's page is in, by page name: the link's id. */
	final Map<String, String> sectionOf = new LinkedHashMap<>();

	/**
	 * What is done on a page once opened to reach what it shows (a form sent), by page
	 * name.
	 */
	final Map<String, Runnable> afterOpening = new LinkedHashMap<>();

	/**
	 * The tables people use on a phone, which stack into cards there, and a page of each:
	 * person/page name.
	 */
	static final Map<String, String> STACKED = Map.of("attendance", "coach/attendance", "compliance-rows",
			"HR/compliance", "catalog", "admin/program catalog", "requirements", "teacher/LETRS program", "pending",
			OPERATOR + "/operator's page");

	long group;

	@BeforeAll
	void buildADistrict(Chromium chromium) {
		this.chromium = chromium;
		this.driver = chromium.driver();
		signIn = new BrowserSignIn();
		platform = BrowserSignIn.startPlatform(signIn);
		platform.registerWith(registry, Map.of(), "coachroom_role");
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-type", "text/html; charset=utf-8")
				.withBody(MoodleFixtures.read("token-response.json"))));
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/services.php/2/lineitems/2/lineitem/scores"))
				.willReturn(aResponse().withStatus(200)));
		String run = UUID.randomUUID().toString().substring(0, 8);
		String course = "hub-" + run;
		String title = "Lincoln Elementary Coaching Hub";
		seat("teacher", "t-" + run, "Maria Guadalupe Fernández-Castellanos", TestPlatform.LEARNER, course, title,
				Map.of());
		seat("other teacher", "t2-" + run, "Ben Ode", TestPlatform.LEARNER, course, title, Map.of());
		seat("coach", "c-" + run, "Jordan Ellis", TestPlatform.INSTRUCTOR, course, title, Map.of());
		seat("principal", "p-" + run, "Ruth Park", STAFF, course, title, Map.of("coachroom_role", "Principal"));
		seat("HR", "h-" + run, "Sam Carter", STAFF, course, title, Map.of("coachroom_role", "HR"));
		seat("admin", "a-" + run, "Ada Admin", ADMINISTRATOR, course, title, Map.of());
		// a coach of a course without a team yet
		seat("new coach", "n-" + run, "Noor Haddad-Okonkwo", TestPlatform.INSTRUCTOR, "grade4-" + run,
				"Grade 4 at Lincoln Elementary", Map.of());
		Launched teacher = people.get("teacher");
		Launched coach = people.get("coach");

		// a study group with yesterday's session: the teacher attended (complete), the
		// other teacher not yet (nothing of the bar filled)
		StudyGroup created = management.create(coach.member(),
				new StudyGroup.Details("Shifting the Balance, grades K-2: six shifts for the reading block",
						"Read one shift a month and try it in the classroom.", null, StudyGroup.Kind.BOOK_STUDY,
						"Shifting the Balance", "Jan Burkins and Kari Yates", StudyGroup.Visibility.CLOSED,
						new BigDecimal("6"), "clock hours", List.of()),
				new CompletionRule(CompletionRule.Basis.COUNT, 1, false, false, 1, null));
		group = created.getId();
		Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
		GroupSession session = management.planSession(coach.member(), group,
				new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), "Library, room 114",
						"https://lincoln-district.zoom.us/j/98765432109?pwd=Q2hpY2tlblNvdXBGb3JUaGVTb3VsMTIzNDU2Nzg5MA",
						"Shift 1: from three-cueing to decoding", null, null, null));
		management.addMembers(coach.member(), group,
				List.of(teacher.member().userId(), people.get("other teacher").member().userId()));
		management.recordAttendance(coach.member(), group, session.getId(),
				Map.of(teacher.member().userId(), AttendanceStatus.PRESENT));

		// the teacher's PD profile; a team workspace of the course with a cycle begun
		LaunchClient own = teacher.browser();
		assertThat(own
			.post("/pd/profile",
					Map.of("schoolLevel", "ELEMENTARY", "roleStartedOn", "2025-08-01", "_csrf", own.csrfFrom("/pd")))
			.status()).isEqualTo(302);
		LaunchClient coaching = coach.browser();
		String workspace = coaching.post("/team", Map.of("title", "Grade 2 PLC", "_csrf", coaching.csrfFrom("/team")))
			.location()
			.replaceFirst("^https?://[^/]+", "");
		assertThat(workspace).matches("/team/\\d+");
		assertThat(own.get("/team").status()).isEqualTo(302);
		String cycle = own.post(workspace + "/cycles", Map.of("_csrf", own.csrfFrom(workspace)))
			.location()
			.replaceFirst("^https?://[^/]+", "")
			.replaceFirst("/learn$", "");
		assertThat(cycle).matches("/team/\\d+/cycles/\\d+.*");
		// the coach, who facilitates, walks it to the end and closes it: its sharing step
		// previews what the principal would see; the teacher begins the next one
		String closed = cycle;
		walkAndClose(coaching, closed, coach);
		cycle = own.post(workspace + "/cycles", Map.of("_csrf", own.csrfFrom(workspace)))
			.location()
			.replaceFirst("^https?://[^/]+", "")
			.replaceFirst("/learn$", "");
		assertThat(cycle).matches("/team/\\d+/cycles/\\d+.*").isNotEqualTo(closed);
		String meeting = coaching
			.post(workspace + "/meetings", Map.of("heldOn", LocalDate.now().toString(), "title",
					"Planning the fractions unit with the whole second-grade team", "agenda",
					"1. Exit ticket results\n2. Small groups", "notes", "", "_csrf", coaching.csrfFrom(workspace)))
			.location()
			.replaceFirst("^https?://[^/]+", "");
		assertThat(meeting).matches("/team/\\d+/meetings/\\d+");
		assertThat(coaching
			.post(workspace + "/norms", Map.of("norms", "We start on time.\nWe assume good intentions.", "version",
					hidden(coaching.get(workspace).body(), "/norms", "version"), "_csrf", coaching.csrfFrom(workspace)))
			.status()).isEqualTo(302);
		assertThat(coaching.post(workspace + "/actions",
				Map.of("text", "Bring three student work samples from the fractions exit ticket", "owner",
						String.valueOf(teacher.member().userId()), "dueOn", LocalDate.now().plusDays(7).toString(),
						"meeting", meeting.replaceFirst(".*/", ""), "_csrf", coaching.csrfFrom(meeting)))
			.status()).isEqualTo(302);
		// a coaching cycle of the coach with the teacher: a move planned, a contact
		// logged,
		// an observation written up
		String coachingCycle = coaching.post("/coaching/cycles", Map.of("teacher",
				String.valueOf(teacher.member().userId()), "goal",
				"Más conversación entre estudiantes durante la lectura guiada: students explain their thinking to a partner",
				"schoolGoal", "Every reader on grade level by the end of grade 3", "_csrf",
				coaching.csrfFrom("/coaching/cycles/new")))
			.location()
			.replaceFirst("^https?://[^/]+", "");
		assertThat(coachingCycle).matches("/coaching/cycles/\\d+");
		coaching.post(coachingCycle + "/moves",
				Map.of("kind", "MODEL_LESSON", "plannedOn", LocalDate.now().plusDays(3).toString(), "note",
						"Partner talk with sentence frames", "_csrf", coaching.csrfFrom(coachingCycle)));
		coaching.post("/coaching/contacts",
				Map.of("teacher", String.valueOf(teacher.member().userId()), "support", "CO_TEACHING", "minutes", "45",
						"heldOn", LocalDate.now().minusDays(1).toString(), "note", "", "_csrf",
						coaching.csrfFrom("/coaching")));
		String observation = coaching
			.postPairs(coachingCycle + "/observations",
					List.of(new String[] { "kind", "OBSERVATION" },
							new String[] { "observedOn", LocalDate.now().minusDays(1).toString() },
							new String[] { "lookFor", "Students explain their thinking" },
							new String[] { "seen", "Six of eight pairs used the sentence frames without a prompt." },
							new String[] { "_csrf", coaching.csrfFrom(coachingCycle) }))
			.location()
			.replaceFirst("^https?://[^/]+", "");
		assertThat(observation).matches("/coaching/cycles/\\d+/observations/\\d+");
		// an LMS waiting for the operator's approval
		jdbc.sql("""
				INSERT INTO lti_platform (issuer, client_id, name, authorization_endpoint, jwks_uri, source,
				  created_at, updated_at, version, status)
				VALUES (?, ?, ?, ?, ?, 'DYNAMIC_REGISTRATION', NOW(3), NOW(3), 0, 'PENDING')""")
			.params(PENDING_ISSUER + run, "a-long-client-id-from-the-registration-0123456789abcdef",
					"Moodle at moodle.lincoln-elementary-district.example.org",
					PENDING_ISSUER + run + "/mod/lti/auth.php", PENDING_ISSUER + run + "/mod/lti/certs.php")
			.update();

		// the district's school, served by the coach, with a month of contacts: what the
		// principal's and the admin's coaching views count
		LaunchClient admin = people.get("admin").browser();
		assertThat(
				admin
					.post("/pd/schools",
							Map.of("name", "Lincoln Elementary", "level", "ELEMENTARY", "_csrf",
									admin.csrfFrom("/home")))
					.status())
			.isEqualTo(302);
		long school = jdbc.sql("SELECT id FROM pd_school WHERE tenant_id = ? AND name = 'Lincoln Elementary'")
			.param(coach.member().tenant().value())
			.query(Long.class)
			.single();
		assertThat(coaching
			.post("/coaching/schools", Map.of("school", Long.toString(school), "_csrf", coaching.csrfFrom("/coaching")))
			.status()).isEqualTo(302);
		for (int i = 0; i < 6; i++) {
			Launched with = i % 2 == 0 ? teacher : people.get("other teacher");
			assertThat(coaching
				.post("/coaching/contacts",
						Map.of("teacher", Long.toString(with.member().userId()), "support",
								i < 4 ? "CO_TEACHING" : "PLANNING", "minutes", "30", "heldOn",
								district.today().toString(), "note", "", "_csrf", coaching.csrfFrom("/coaching")))
				.status()).isEqualTo(302);
		}
		assertThat(coaching.post("/coaching/schools/" + school + "/goals",
				Map.of("text", "Every student reads every day, in every class", "_csrf",
						coaching.csrfFrom("/coaching/schools/" + school)))
			.status()).isEqualTo(302);

		page("teacher", "home", "/home", "nav-home");
		page("teacher", "study groups", "/groups", "nav-groups");
		page("teacher", "study group", "/groups/" + group, "nav-groups");
		page("teacher", "PD", "/pd", "nav-pd");
		page("teacher", "LETRS program", "/pd/programs/letrs", "nav-pd");
		page("teacher", "coaching cycles", "/coaching/cycles", "nav-coaching");
		page("teacher", "coaching cycle", coachingCycle, "nav-coaching");
		page("teacher", "observation", observation, "nav-coaching");
		page("teacher", "calendar", "/coaching/calendar", "nav-coaching");
		page("coach", "coaching log", "/coaching", "nav-coaching");
		page("coach", "coaching cycles", "/coaching/cycles", "nav-coaching");
		page("coach", "opening a coaching cycle", "/coaching/cycles/new", "nav-coaching");
		page("coach", "coaching cycle", coachingCycle, "nav-coaching");
		page("coach", "observation", observation, "nav-coaching");
		page("coach", "writing up an observation", coachingCycle + "/observations/new", "nav-coaching");
		page("teacher", "team workspace", workspace, "nav-team");
		page("teacher", "cycle step 1", cycle + "/learn", "nav-team");
		page("teacher", "cycle results", cycle + "/assess", "nav-team");
		page("teacher", "team meeting", meeting, "nav-team");
		page("other teacher", "study group, nothing attended", "/groups/" + group, "nav-groups");
		page("coach", "home", "/home", "nav-home");
		page("coach", "study groups", "/groups", "nav-groups");
		page("coach", "study group", "/groups/" + group, "nav-groups");
		page("coach", "attendance", "/groups/" + group + "/sessions/" + session.getId() + "/attendance", "nav-groups");
		page("coach", "gradebook of the group", "/gradebook/study-groups/" + group, null);
		page("coach", "PD", "/pd", "nav-pd");
		page("coach", "people supported", "/pd/people", "nav-people");
		page("coach", "a person's PD", "/pd/people/" + teacher.member().userId(), "nav-people");
		page("coach", "evidence review", "/pd/evidence", "nav-evidence");
		page("coach", "team workspace", workspace, "nav-team");
		page("coach", "new study group", "/groups/new", "nav-groups");
		page("coach", "editing the study group", "/groups/" + group + "/edit", "nav-groups");
		page("coach", "adding members", "/groups/" + group + "/members/add", "nav-groups");
		page("coach", "new session", "/groups/" + group + "/sessions/new", "nav-groups");
		page("coach", "editing the session", "/groups/" + group + "/sessions/" + session.getId() + "/edit",
				"nav-groups");
		page("coach", "team meeting", meeting, "nav-team");
		page("coach", "closed cycle, its sharing preview", closed + "/adjust", "nav-team");
		page("coach", "cycle summary", closed + "/summary", "nav-team");
		// the coach's staff report, with a contact and a story the teacher approved
		String storyCycle = coaching
			.post("/coaching/cycles",
					Map.of("teacher", Long.toString(teacher.member().userId()), "goal",
							"Student talk in reading groups", "_csrf", coaching.csrfFrom("/coaching/cycles/new")))
			.location()
			.replaceFirst("^https?://[^/]+", "");
		assertThat(storyCycle).matches("/coaching/cycles/\\d+");
		assertThat(coaching.post("/coaching/contacts",
				Map.of("teacher", Long.toString(teacher.member().userId()), "support", "CO_TEACHING", "minutes", "40",
						"_csrf", coaching.csrfFrom("/coaching"), "heldOn",
						LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
			.status()).isEqualTo(302);
		coaching.post(storyCycle + "/stories",
				Map.of("wording", "Readers lead their own book talks", "_csrf", coaching.csrfFrom(storyCycle)));
		long story = jdbc.sql("SELECT MAX(id) FROM coaching_story WHERE cycle = ?")
			.param(Long.parseLong(storyCycle.replaceFirst(".*/", "")))
			.query(Long.class)
			.single();
		assertThat(own.post(storyCycle + "/stories/" + story + "/approve",
				Map.of("wording", "My readers lead their own book talks", "story", Long.toString(story), "_csrf",
						own.csrfFrom(storyCycle)))
			.status()).isEqualTo(302);
		page("teacher", "coaching cycle with a story", storyCycle, "nav-coaching");
		page("coach", "staff report", "/coaching/report", "nav-coaching");
		page("new coach", "new team", "/team", "nav-team");
		page("principal", "home", "/home", "nav-home");
		page("principal", "school overview", "/team/school", "nav-school");
		page("principal", "coaching at the school", "/coaching/school", "nav-coaching-school");
		page("principal", "compliance", "/pd/compliance", "nav-compliance");
		page("HR", "home", "/home", "nav-home");
		page("HR", "compliance", "/pd/compliance", "nav-compliance");
		page("HR", "a person's credentials", "/pd/compliance/people/" + teacher.member().userId(), "nav-compliance");
		page("HR", "evidence review", "/pd/evidence", "nav-evidence");
		page("admin", "home", "/home", "nav-home");
		page("admin", "study groups", "/groups", "nav-groups");
		page("admin", "program catalog", "/pd/catalog", "nav-catalog");
		page("admin", "LETRS in the catalog", "/pd/catalog/letrs", "nav-catalog");
		page("admin", "new program in the catalog", "/pd/catalog/new", "nav-catalog");
		page("admin", "reminder outbox", "/pd/reminders", "nav-catalog");
		page("admin", "compliance", "/pd/compliance", "nav-compliance");
		page("admin", "coaching in the district", "/coaching/district", "nav-coaching-district");
		page("admin", "district gradebook", "/gradebook", "nav-gradebook");
		page("admin", "LMS registrations", "/lti/registrations", "nav-registrations");
		// the operator has no launch: their token opens the page
		page(OPERATOR, "operator's sign-in", "/lti/operator", null);
		page(OPERATOR, "operator's page", "/lti/operator", null);
		afterOpening.put(OPERATOR + "/operator's page", () -> {
			driver.findElement(By.id("token")).sendKeys(LaunchTest.OPERATOR_TOKEN);
			driver.findElement(By.id("token")).submit();
			new WebDriverWait(driver, Chromium.WAIT)
				.until(ExpectedConditions.presenceOfElementLocated(By.id("pending")));
		});
	}

	@AfterAll
	void closePlatform() {
		jdbc.sql("DELETE FROM lti_platform WHERE issuer LIKE ?").param(PENDING_ISSUER + "%").update();
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void everyPageFitsAPhoneAndALaptopAndPassesAxe() throws IOException {
		Walk walk = walk();
		SoftAssertions.assertSoftly(softly -> {
			softly.assertThat(walk.overflows())
				.as("Pages wider than the screen (sideways scrolling):%n%s", String.join("\n", walk.overflows()))
				.isEmpty();
			softly.assertThat(walk.violations())
				.as("axe WCAG 2 A/AA violations:%n%s", String.join("\n", walk.violations()))
				.isEmpty();
		});
	}

	/**
	 * The tables people use on a phone (attendance, compliance, the catalog, a program's
	 * requirements, the LMSs waiting for the operator) are cards at 390 px, each person
	 * or row one card with every cell in it and its column's name, nothing scrolling
	 * sideways; at 1366 px they are tables.
	 */
	@Test
	void tablesUsedOnAPhoneStackIntoCardsThereAndStayTablesOnALaptop() throws IOException {
		Walk walk = walk();
		SoftAssertions.assertSoftly(softly -> {
			softly.assertThat(walk.tables())
				.as("Tables people use on a phone that do not stack into cards there, or do not stay tables on a laptop:%n%s",
						String.join("\n", walk.tables()))
				.isEmpty();
			STACKED.forEach((id, page) -> WIDTHS
				.forEach(width -> softly.assertThat(walk.stacking().getOrDefault(id + " at " + width, List.of()))
					.as("the pages showing the table #%s that stacks on a phone, at %d px", id, width)
					.contains(page)));
		});
	}

	@Test
	void everyPageHasTheNavigationOfThePersonsSectionsWithTheCurrentOneMarked() throws IOException {
		List<String> problems = new ArrayList<>(walk().navigation());
		// pages without a launch list no sections
		driver.manage().deleteAllCookies();
		for (String path : List.of("/", "/session-ended")) {
			driver.get(base() + path);
			if (!driver.findElements(By.cssSelector("header nav")).isEmpty()) {
				problems.add(path + " without a session shows sections");
			}
		}
		assertThat(problems).as("Navigation:%n%s", String.join("\n", problems)).isEmpty();
	}

	/** What the walk through every page found, by kind. */
	record Walk(List<String> overflows, List<String> violations, List<String> tables,
			Map<String, List<String>> stacking, List<String> navigation) {
	}

	private Walk walked;

	/**
	 * Every person's pages opened once at each width (the browser is the slow part, so
	 * the tests share one walk): what overflows, what axe finds, the tables that stack
	 * and how, and, at the laptop's width, each page's navigation bar.
	 */
	private Walk walk() throws IOException {
		if (walked != null) {
			return walked;
		}
		Walk walk = new Walk(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(),
				new ArrayList<>());
		for (var person : pages.entrySet()) {
			signInAs(person.getKey());
			for (int width : WIDTHS) {
				resize(width);
				for (var page : person.getValue().entrySet()) {
					String name = person.getKey() + "'s " + page.getKey() + " at " + width + " px";
					open(person.getKey(), page.getKey());
					if (width == WIDTHS.get(WIDTHS.size() - 1)) {
						checkNavigation(person.getKey(), page.getKey(), walk.navigation());
					}
					// what is folded away (a form behind "Edit the norms") is measured
					// too
					((JavascriptExecutor) driver)
						.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
					for (Object problem : stackedTableProblems()) {
						walk.tables().add("- " + name + ": " + problem);
					}
					for (Object id : (List<?>) ((JavascriptExecutor) driver)
						.executeScript("return [...document.querySelectorAll('table.stack-narrow')].map(t => t.id)")) {
						walk.stacking()
							.computeIfAbsent(id + " at " + width, t -> new ArrayList<>())
							.add(person.getKey() + "/" + page.getKey());
					}
					long innerWidth = number("return window.innerWidth");
					assertThat(innerWidth).as("the viewport of " + name).isEqualTo(width);
					long scrollWidth = number("return document.documentElement.scrollWidth");
					// where scrollbars take room (a desktop's), the page is as wide as
					// what is left of the viewport
					long clientWidth = number("return document.documentElement.clientWidth");
					if (width < 500) {
						chromium.screenshot(
								("narrow " + person.getKey() + " " + page.getKey()).replaceAll("[^A-Za-z0-9]+", "-"));
					}
					if (scrollWidth > innerWidth || scrollWidth > clientWidth) {
						walk.overflows()
							.add("- " + name + " (" + page.getValue() + "): " + scrollWidth + " px wide for "
									+ clientWidth + " px; widest: " + widest(clientWidth));
						chromium.screenshot(("overflow " + person.getKey() + " " + page.getKey() + " " + width)
							.replaceAll("[^A-Za-z0-9]+", "-"));
					}
					Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(driver);
					assertThat(results.getErrorMessage()).as("axe run on " + name).isNull();
					results.getViolations()
						.forEach(rule -> walk.violations()
							.add("- " + name + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp()
									+ " at "
									+ rule.getNodes()
										.stream()
										.map(node -> String.valueOf(node.getTarget()))
										.collect(Collectors.joining(", "))));
				}
			}
			checkSectionsOpen(person.getKey(), walk.navigation());
		}
		resize(1280);
		walked = walk;
		return walk;
	}

	/** The sections each person's navigation bar lists, in order. */
	private static final Map<String, List<String>> SECTIONS = Map.of("teacher",
			List.of("nav-home", "nav-groups", "nav-pd", "nav-team", "nav-coaching"), "other teacher",
			List.of("nav-home", "nav-groups", "nav-pd", "nav-team", "nav-coaching"), "coach",
			List.of("nav-home", "nav-groups", "nav-pd", "nav-team", "nav-coaching", "nav-people", "nav-evidence"),
			"new coach",
			List.of("nav-home", "nav-groups", "nav-pd", "nav-team", "nav-coaching", "nav-people", "nav-evidence"),
			"principal", List.of("nav-home", "nav-school", "nav-coaching-school", "nav-compliance"), "HR",
			List.of("nav-home", "nav-evidence", "nav-compliance"), "admin",
			List.of("nav-home", "nav-groups", "nav-evidence", "nav-coaching-district", "nav-compliance", "nav-catalog",
					"nav-gradebook", "nav-registrations"),
			OPERATOR, List.of());

	/**
	 * The page shown has the one navigation bar of the person's sections, the page's own
	 * marked current (none without a launch).
	 */
	private void checkNavigation(String who, String page, List<String> problems) {
		String name = who + "'s " + page;
		List<WebElement> navs = driver.findElements(By.cssSelector("header nav"));
		if (OPERATOR.equals(who)) {
			if (!navs.isEmpty()) {
				problems.add(name + ": sections shown without a launch");
			}
			return;
		}
		if (navs.size() != 1) {
			problems.add(name + ": " + navs.size() + " navigation bars in the header");
			return;
		}
		List<String> ids = navs.get(0).findElements(By.tagName("a")).stream().map(a -> a.getAttribute("id")).toList();
		if (!ids.equals(SECTIONS.get(who))) {
			problems.add(name + ": sections " + ids + ", not " + SECTIONS.get(who));
		}
		List<String> current = navs.get(0)
			.findElements(By.cssSelector("a[aria-current=page]"))
			.stream()
			.map(a -> a.getAttribute("id"))
			.toList();
		String section = sectionOf.get(who + "/" + page);
		if (!current.equals(section == null ? List.of() : List.of(section))) {
			problems.add(name + ": marked current " + current + ", not " + section);
		}
	}

	/**
	 * Every section the person's bar lists opens for them: none is a 404 one click from
	 * home.
	 */
	private void checkSectionsOpen(String who, List<String> problems) {
		if (OPERATOR.equals(who)) {
			return;
		}
		LaunchClient own = people.get(who).browser();
		for (String id : SECTIONS.get(who)) {
			List<WebElement> link = driver.findElements(By.id(id));
			if (link.isEmpty()) {
				continue;
			}
			String path = link.get(0).getAttribute("href").replaceFirst("^https?://[^/]+", "");
			int status = own.get(path).status();
			if (status != 200 && status != 302) {
				problems.add(who + "'s section " + id + " (" + path + ") answers " + status);
			}
		}
	}

	/**
	 * What is wrong with the page's tables that stack on a phone: at a phone's width, the
	 * table is cards (not a table), its box does not scroll sideways, each cell lies
	 * inside the box with nothing of it cut off, and each cell shows its column's name
	 * (before it, from its data-label, or as its own words); at a laptop's width it is a
	 * table.
	 */
	private List<?> stackedTableProblems() {
		return (List<?>) ((JavascriptExecutor) driver).executeScript(
				"""
						const problems = [];
						const narrow = window.innerWidth < 500;
						for (const table of document.querySelectorAll('table.stack-narrow')) {
						  const id = '#' + table.id;
						  const display = getComputedStyle(table).display;
						  if (!narrow) {
						    if (display !== 'table') problems.push(id + ' is drawn as ' + display + ', not a table');
						    continue;
						  }
						  if (display === 'table') { problems.push(id + ' is a table, not cards'); continue; }
						  const box = table.closest('.table-scroll') || table.parentElement;
						  if (box.scrollWidth > box.clientWidth) {
						    problems.push(id + ' scrolls sideways in its box: ' + box.scrollWidth + ' px for ' + box.clientWidth);
						  }
						  const edge = box.getBoundingClientRect();
						  // a column named for screen readers only (its buttons say what they do) shows no name
						const headers = [...table.querySelectorAll('thead th')].map(th => th.querySelector('.visually-hidden')
						    && th.querySelector('.visually-hidden').textContent.trim() === th.textContent.trim() ? '' : th.textContent.trim());
						  for (const row of table.tBodies[0].rows) {
						    for (const cell of row.cells) {
						      const where = id + ' row ' + (row.sectionRowIndex + 1) + ' column ' + (cell.cellIndex + 1);
						      const rect = cell.getBoundingClientRect();
						      if (rect.width < 1 || rect.height < 1) { problems.push(where + ' is not shown'); continue; }
						      if (rect.left < edge.left - 0.5 || rect.right > edge.right + 0.5) {
						        problems.push(where + ' reaches outside the table (' + Math.round(rect.left) + ' to ' + Math.round(rect.right) + ')');
						      }
						      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(where + ' is cut off');
						      const header = headers[cell.cellIndex];
						      if (cell.tagName === 'TH' || !header || !cell.textContent.trim() && !cell.querySelector('input, button, select, a')) continue;
						      const before = getComputedStyle(cell, '::before').content;
						      const shown = [...cell.querySelectorAll('*')].some(e => e.textContent.trim() === header
						          && e.getBoundingClientRect().width > 1 && getComputedStyle(e).clip === 'auto');
						      if (!before.includes(header) && !shown) problems.push(where + ' does not say it is "' + header + '"');
						    }
						  }
						}
						return problems;
						""");
	}

	/**
	 * The bar of a study group's attendance: nothing drawn for the teacher who attended
	 * none of the one session needed, all of it for the teacher who did; LETRS begun,
	 * nothing met: empty. Measured on the pixels the browser draws.
	 */
	@Test
	void progressBarsDrawTheirValue() throws IOException {
		resize(390);
		signInAs("other teacher");
		open("/groups/" + group);
		assertThat(filled(By.id("my-progress-bar"))).as("0 of 1 sessions attended").isLessThan(0.05);
		signInAs("teacher");
		open("/groups/" + group);
		assertThat(filled(By.id("my-progress-bar"))).as("1 of 1 sessions attended").isGreaterThan(0.95);
		open("/pd/programs/letrs");
		assertThat(filled(By.id("program-progress"))).as("LETRS, nothing met").isLessThan(0.05);
		resize(1366);
		open("/groups/" + group);
		assertThat(filled(By.id("my-progress-bar"))).as("1 of 1 sessions attended, wide").isGreaterThan(0.95);
		open("/pd/programs/letrs");
		assertThat(filled(By.id("program-progress"))).as("LETRS, nothing met, wide").isLessThan(0.05);
		resize(1280);
	}

	/**
	 * How much of a progress bar is drawn in the accent colour (#1f5fae), along its
	 * middle row, inside its border; its value and max are checked against it.
	 */
	private double filled(By bar) throws IOException {
		WebElement element = driver.findElement(bar);
		double value = Double.parseDouble(element.getAttribute("value"));
		double max = Double.parseDouble(element.getAttribute("max"));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(element.getScreenshotAs(OutputType.BYTES)));
		assertThat(image.getWidth()).as("the bar's width").isGreaterThan(100);
		int y = image.getHeight() / 2;
		int accent = 0;
		int inner = 0;
		for (int x = 3; x < image.getWidth() - 3; x++) {
			int rgb = image.getRGB(x, y);
			int r = (rgb >> 16) & 0xff;
			int g = (rgb >> 8) & 0xff;
			int b = rgb & 0xff;
			inner++;
			if (Math.abs(r - 0x1f) < 40 && Math.abs(g - 0x5f) < 40 && Math.abs(b - 0xae) < 40) {
				accent++;
			}
		}
		double drawn = (double) accent / inner;
		// the bar says what it draws
		assertThat(drawn).as("drawn share of a bar of %s of %s", value, max).isCloseTo(value / max, Offset.offset(0.1));
		return drawn;
	}

	private void seat(String who, String sub, String name, String ltiRole, String course, String title,
			Map<String, String> custom) {
		people.put(who, new Launcher(port, platform, jdbc).launch(sub, name, ltiRole, course, title, custom));
		signIn.seat(new BrowserSignIn.Seat(sub, name, ltiRole, course, title, custom));
	}

	private void page(String who, String name, String path, String section) {
		pages.computeIfAbsent(who, w -> new LinkedHashMap<>()).put(name, path);
		sectionOf.put(who + "/" + name, section);
	}

	/**
	 * Walks a cycle through its five steps as its facilitator, the results of three
	 * classes before and after, and closes it.
	 */
	private void walkAndClose(LaunchClient browser, String cycle, Launched facilitator) {
		LocalDate today = LocalDate.now();
		saveStep(browser, cycle, "learn", "learn",
				Map.of("standard", "Students will compare fractions with unlike denominators."));
		saveStep(browser, cycle, "assess", "assess",
				Map.of("assessment", "Exit ticket, 6 items", "assessedOn", today.minusDays(14).toString(), "band-0",
						"Beginning", "band-1", "Developing", "band-2", "Proficient", "band-3", "Advanced",
						"proficientFrom", "2"));
		saveStep(browser, cycle, "assess", "results",
				grid("baseline", new Object[] { "Room 12, Ms. Fernández-Castellanos", 24, 6, 8, 7, 3 },
						new Object[] { "Room 14, Mr. Ode", 22, 5, 9, 6, 2 },
						new Object[] { "Small group", 6, 3, 2, 1, 0 }));
		saveStep(browser, cycle, "goal", "goal",
				Map.of("strengths", "Most can order unit fractions.", "obstacles", "Common denominators.", "goal",
						"By next month, 70% of our students will be proficient.", "target", "70", "goalBy",
						today.plusDays(30).toString()));
		saveStep(browser, cycle, "respond", "respond", Map.of("strategies", "Fraction strips daily.", "intervention",
				"Small group Tue/Thu.", "extension", "Fraction puzzles.", "responsibilities", "Maria: strips"));
		saveStep(browser, cycle, "adjust", "results",
				grid("reassessment", new Object[] { "Room 12, Ms. Fernández-Castellanos", 24, 1, 5, 12, 6 },
						new Object[] { "Room 14, Mr. Ode", 22, 2, 4, 10, 6 },
						new Object[] { "Small group", 6, 1, 2, 2, 1 }));
		saveStep(browser, cycle, "adjust", "close",
				Map.of("participant", String.valueOf(facilitator.member().userId())));
		assertThat(browser.get(cycle + "/adjust").body()).as("the closed cycle's sharing preview")
			.contains("id=\"share-preview-letters\"");
	}

	/** Posts a step's form with the version and CSRF token of its page. */
	private void saveStep(LaunchClient browser, String cycle, String step, String action, Map<String, String> fields) {
		String page = cycle + "/" + step;
		String body = browser.get(page).body();
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("version", body.replaceAll("(?s).*?name=\"version\" value=\"(\\d+)\".*", "$1"));
		form.put("_csrf", body.replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1"));
		assertThat(browser.post(cycle + "/" + action, form).status()).as(action + " of " + page).isEqualTo(302);
	}

	/** A results grid: each class as name, size, counts per level. */
	private static Map<String, String> grid(String round, Object[]... classes) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("round", round);
		form.put("rows", String.valueOf(classes.length));
		for (int i = 0; i < classes.length; i++) {
			form.put("class-" + i + "-name", (String) classes[i][0]);
			form.put("class-" + i + "-size", String.valueOf(classes[i][1]));
			for (int j = 2; j < classes[i].length; j++) {
				form.put("class-" + i + "-count-" + (j - 2), String.valueOf(classes[i][j]));
			}
		}
		return form;
	}

	/** The value of a hidden field of the form whose action ends so. */
	private static String hidden(String page, String action, String name) {
		Matcher field = Pattern
			.compile("(?s)action=\"[^\"]*" + Pattern.quote(action) + "\".*?name=\"" + name + "\" value=\"([^\"]*)\"")
			.matcher(page);
		assertThat(field.find()).as(name + " of the form " + action).isTrue();
		return field.group(1);
	}

	private void signInAs(String who) {
		if (OPERATOR.equals(who)) {
			driver.manage().deleteAllCookies();
			return;
		}
		driver.get(signIn.loginInitiation(base(), people.get(who).member().subject()));
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.urlToBe(base() + "/home"));
	}

	private void open(String path) {
		driver.get(base() + path);
		new WebDriverWait(driver, Chromium.WAIT)
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/** A person's page opened, and what it takes to reach what it shows done. */
	private void open(String who, String page) {
		open(pages.get(who).get(page));
		Runnable then = afterOpening.get(who + "/" + page);
		if (then != null) {
			then.run();
		}
	}

	/**
	 * The viewport this many CSS pixels wide (a window cannot be made narrower than about
	 * 500 px, so the device metrics are set).
	 */
	private void resize(int width) {
		((HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
	}

	private long number(String script) {
		return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
	}

	/**
	 * The innermost elements that reach past the viewport's right edge, for the report.
	 */
	private String widest(long innerWidth) {
		return String.valueOf(((JavascriptExecutor) driver).executeScript(
				"""
						const limit = arguments[0];
						const over = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > limit + 0.5);
						const innermost = over.filter(e => !over.some(o => o !== e && e.contains(o)));
						return innermost.slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
						  + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
						  + ' (right ' + Math.round(e.getBoundingClientRect().right) + ')').join(', ');
						""",
				innerWidth));
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
