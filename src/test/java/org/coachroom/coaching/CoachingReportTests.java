package org.coachroom.coaching;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.shared.DistrictClock;
import org.coachroom.testsupport.CourseFixture;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff report and its good-news stories: a story prints only in the wording its
 * teacher approved, and only while they consent (a printed edition keeps what it
 * printed); no one outside the cycle reads or approves one; the figures are the coach's
 * own log, without a name; the PDF opens and holds them.
 */
@LaunchTest
class CoachingReportTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DistrictClock district;

	CourseFixture fixture;

	LocalDate today;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "report", "Lincoln coaching");
		today = district.today();
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	private long open(Launched teacher) {
		LaunchClient coach = fixture.coach().browser();
		LaunchClient.Response opened = coach.post("/coaching/cycles",
				Map.of("teacher", Long.toString(teacher.member().userId()), "goal", "Student talk in small groups",
						"_csrf", coach.csrfFrom("/coaching/cycles/new")));
		assertThat(opened.status()).as(opened.body()).isEqualTo(302);
		return Long.parseLong(opened.location().replaceAll(".*/coaching/cycles/", ""));
	}

	private long draft(long cycle, String wording) {
		LaunchClient coach = fixture.coach().browser();
		LaunchClient.Response drafted = coach.post("/coaching/cycles/" + cycle + "/stories",
				Map.of("wording", wording, "_csrf", coach.csrfFrom("/coaching/cycles/" + cycle)));
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(302);
		return jdbc.sql("SELECT MAX(id) FROM coaching_story WHERE cycle = ?").param(cycle).query(Long.class).single();
	}

	private LaunchClient.Response approve(Launched who, long cycle, long story, String wording) {
		LaunchClient browser = who.browser();
		return browser.post("/coaching/cycles/" + cycle + "/stories/" + story + "/approve",
				Map.of("wording", wording, "story", Long.toString(story), "_csrf", browser.csrfFrom("/home")));
	}

	private String report() {
		LaunchClient.Response page = fixture.coach().browser().get("/coaching/report");
		assertThat(page.status()).isEqualTo(200);
		return page.body();
	}

	private String pdfText() {
		LaunchClient.Bytes pdf = fixture.coach().browser().getBytes("/coaching/report.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(document.getNumberOfPages()).isOne();
			var resources = document.getPage(0).getResources();
			for (var font : resources.getFontNames()) {
				assertThat(resources.getFont(font).isEmbedded()).as(font.getName()).isTrue();
			}
			return new PDFTextStripper().getText(document);
		}
		catch (IOException e) {
			throw new AssertionError("Not a PDF a reader can open", e);
		}
	}

	private LaunchClient.Response logContact(Launched teacher, String support, String minutes) {
		LaunchClient coach = fixture.coach().browser();
		return coach.post("/coaching/contacts",
				Map.of("teacher", Long.toString(teacher.member().userId()), "support", support, "minutes", minutes,
						"heldOn", today.toString(), "note", "", "_csrf", coach.csrfFrom("/coaching")));
	}

	@Test
	void aStoryNeverPrintsBeforeItsTeacherApprovesIt() {
		long cycle = open(fixture.teacher());
		draft(cycle, "Maria's readers now lead their own book talks");

		assertThat(fixture.teacher().browser().get("/coaching/cycles/" + cycle).body())
			.contains("Maria&#39;s readers now lead their own book talks")
			.contains("Waiting for the teacher&#39;s approval");
		assertThat(report()).doesNotContain("book talks").contains("No story approved for this period.");
		assertThat(pdfText()).doesNotContain("book talks");
	}

	@Test
	void theTeacherRewordsTheStoryAndOnlyTheirWordingPrints() {
		long cycle = open(fixture.teacher());
		long story = draft(cycle, "Coach's draft: guided reading transformed");

		assertThat(
				approve(fixture.teacher(), cycle, story, "In my room, students now run guided reading groups").status())
			.isEqualTo(302);

		assertThat(report()).contains("In my room, students now run guided reading groups")
			.doesNotContain("guided reading transformed");
		assertThat(pdfText()).contains("In my room, students now run guided reading groups")
			.doesNotContain("transformed");
	}

	@Test
	void withdrawingRemovesTheStoryFromEveryNewCopyWhileThePrintedRecordKeepsIt() {
		long cycle = open(fixture.teacher());
		long story = draft(cycle, "Exit tickets now shape the next day's groups");
		approve(fixture.teacher(), cycle, story, "Exit tickets now shape the next day's groups");
		LaunchClient coach = fixture.coach().browser();
		assertThat(coach.post("/coaching/report/printed", Map.of("_csrf", coach.csrfFrom("/coaching/report"))).status())
			.isEqualTo(302);

		LaunchClient teacher = fixture.teacher().browser();
		assertThat(teacher
			.post("/coaching/cycles/" + cycle + "/stories/" + story + "/withdraw",
					Map.of("_csrf", teacher.csrfFrom("/coaching/cycles/" + cycle)))
			.status()).isEqualTo(302);

		assertThat(report()).contains("Exit tickets now shape the next day&#39;s groups").contains("printed");
		// the printed edition's record keeps what it printed; a new copy of it leaves the
		// withdrawn story out
		assertThat(pdfText()).doesNotContain("Exit tickets");
		assertThat(jdbc.sql("SELECT approved_wording FROM coaching_story WHERE id = ?")
			.param(story)
			.query(String.class)
			.optional()).isEmpty();

		assertThat(coach.post("/coaching/report/new-edition", Map.of("_csrf", coach.csrfFrom("/coaching/report")))
			.status()).isEqualTo(302);
		assertThat(report()).contains("Edition 2").doesNotContain("Exit tickets");
		assertThat(pdfText()).doesNotContain("Exit tickets");
	}

	@Test
	void noOneOutsideTheCycleReadsOrApprovesAStory() {
		long cycle = open(fixture.teacher());
		long story = draft(cycle, "A quiet story of progress");
		Launched principal = fixture.launch("p-" + fixture.course(), "Pat Principal", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "Principal"));
		Launched hr = fixture.launch("h-" + fixture.course(), "Helen HR", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "HR"));
		Launched otherCoach = fixture.launch("c2-" + fixture.course(), "Other Coach", TestPlatform.INSTRUCTOR);
		Launched otherTeacher = fixture.launch("t2-" + fixture.course(), "Noor Haddad", TestPlatform.LEARNER);
		long othersCycle = open(otherTeacher);

		for (Launched outsider : new Launched[] { principal, hr, otherCoach, otherTeacher, fixture.coach() }) {
			String who = outsider.member().userId() + "";
			if (outsider != fixture.coach()) {
				LaunchClient.Response page = outsider.browser().get("/coaching/cycles/" + cycle);
				assertThat(page.status()).as(who).isEqualTo(404);
				assertThat(page.body()).as(who).doesNotContain("A quiet story");
			}
			assertThat(approve(outsider, cycle, story, "Approved by someone else").status()).as(who).isEqualTo(404);
			LaunchClient browser = outsider.browser();
			assertThat(browser
				.post("/coaching/cycles/" + cycle + "/stories/" + story + "/withdraw",
						Map.of("_csrf", browser.csrfFrom("/home")))
				.status()).as(who).isEqualTo(404);
		}
		// the teacher of another cycle, through their own cycle's address
		assertThat(approve(otherTeacher, othersCycle, story, "Approved through my cycle").status()).isEqualTo(404);
		assertThat(principal.browser().get("/coaching/report").status()).isEqualTo(404);
		assertThat(hr.browser().get("/coaching/report.pdf").status()).isEqualTo(404);

		assertThat(jdbc.sql("SELECT status FROM coaching_story WHERE id = ?").param(story).query(String.class).single())
			.isEqualTo("DRAFT");
		assertThat(
				jdbc.sql("SELECT wording FROM coaching_story WHERE id = ?").param(story).query(String.class).single())
			.isEqualTo("A quiet story of progress");
	}

	@Test
	void theReportsFiguresAreTheCoachsLogWithoutAName() {
		Launched second = fixture.launch("t2-" + fixture.course(), "Noor Haddad", TestPlatform.LEARNER);
		logContact(fixture.teacher(), "CO_TEACHING", "30");
		logContact(fixture.teacher(), "PLANNING", "30");
		logContact(fixture.teacher(), "CO_TEACHING", "20");
		logContact(second, "MODEL_LESSON", "60");
		// another coach's contact is not this coach's report
		Launched otherCoach = fixture.launch("c2-" + fixture.course(), "Other Coach", TestPlatform.INSTRUCTOR);
		LaunchClient other = otherCoach.browser();
		other.post("/coaching/contacts", Map.of("teacher", Long.toString(second.member().userId()), "support", "VIDEO",
				"minutes", "15", "heldOn", today.toString(), "_csrf", other.csrfFrom("/coaching")));

		LocalDate start = today.getMonthValue() >= 8 ? LocalDate.of(today.getYear(), 8, 1)
				: LocalDate.of(today.getYear(), 1, 1);
		double weeks = Math.max(1.0, (ChronoUnit.DAYS.between(start, today) + 1) / 7.0);

		// the report goes to all staff: counts under five are "fewer than 5", and the
		// contacts a week would give the contacts away
		String page = report();
		assertThat(page).containsPattern("id=\"report-teachers\">fewer than 5<")
			.containsPattern("id=\"report-contacts\">fewer than 5<")
			.contains("id=\"report-per-week\">–<")
			.containsPattern("<th scope=\"row\">1</th>\\s*<td>fewer than 5</td>")
			.containsPattern("<th scope=\"row\">2–3</th>\\s*<td>fewer than 5</td>")
			.containsPattern("<th scope=\"row\">Co-teaching</th>\\s*<td>fewer than 5</td><td>–</td>")
			.containsPattern("<th scope=\"row\">Model lesson</th>\\s*<td>fewer than 5</td><td>–</td>")
			.doesNotContain("Video of teaching")
			.doesNotContain("Maria Lopez")
			.doesNotContain("Noor Haddad");
		assertThat(pdfText()).contains("fewer than 5 teachers worked with")
			.contains("fewer than 5 contacts")
			.contains("Co-teaching: fewer than 5 contacts")
			.doesNotContain("50 minutes")
			.doesNotContain("Maria Lopez")
			.doesNotContain("Noor Haddad");

		// from five on, the numbers themselves
		for (int i = 0; i < 4; i++) {
			Launched more = fixture.launch("t-more-" + i + "-" + fixture.course(), "Teacher " + i,
					TestPlatform.LEARNER);
			logContact(more, "CO_TEACHING", "30");
		}
		String perWeek = String.format(Locale.ENGLISH, "%.1f", 8 / weeks);
		assertThat(report()).containsPattern("id=\"report-teachers\">6<")
			.containsPattern("id=\"report-contacts\">8<")
			.contains("id=\"report-per-week\">" + perWeek + "<")
			// five teachers had one contact, one had three: the one hidden, and the five
			// with it (not shown), or the total of six would give the one away
			.containsPattern("<th scope=\"row\">1</th>\\s*<td>not shown[^<]*</td>")
			.containsPattern("<th scope=\"row\">2–3</th>\\s*<td>fewer than 5</td>")
			// co-teaching's 6 sits beside two small kinds: not shown, so the total of 8
			// does not tell them apart
			.containsPattern("<th scope=\"row\">Co-teaching</th>\\s*<td>not shown[^<]*</td>");
		assertThat(pdfText()).contains("6 teachers worked with").contains("8 contacts");
	}

	@Test
	void theCoachsWordsArePrintedAndAPrintedEditionKeepsThem() {
		LaunchClient coach = fixture.coach().browser();
		assertThat(coach
			.post("/coaching/report",
					Map.of("trends", "More student talk in every grade", "nextSupport", "Co-teaching in grade 3",
							"_csrf", coach.csrfFrom("/coaching/report")))
			.status()).isEqualTo(302);
		assertThat(report()).contains("More student talk in every grade").contains("Co-teaching in grade 3");
		assertThat(pdfText()).contains("More student talk in every grade").contains("Co-teaching in grade 3");

		// the download kept the edition as printed: its words no longer change
		String version = jdbc.sql("SELECT version FROM coaching_report WHERE coach_ref = ?")
			.param(fixture.coach().member().userId())
			.query(String.class)
			.single();
		assertThat(coach
			.post("/coaching/report", Map.of("trends", "Rewritten after printing", "version", version, "_csrf",
					coach.csrfFrom("/coaching/report")))
			.status()).isEqualTo(409);
		assertThat(report()).contains("More student talk in every grade").doesNotContain("Rewritten");
	}

	@Test
	void refusedInputIsA400WithItsMessageAndNothingIsSaved() {
		long cycle = open(fixture.teacher());
		LaunchClient coach = fixture.coach().browser();
		String csrf = coach.csrfFrom("/coaching/cycles/" + cycle);
		Map<String, String> stories = Map.of("   ", "Write the story.", "s".repeat(1501),
				"Keep the story to 1,500 characters.");
		stories.forEach((wording, message) -> {
			LaunchClient.Response refused = coach.post("/coaching/cycles/" + cycle + "/stories",
					Map.of("wording", wording, "_csrf", csrf));
			assertThat(refused.status()).as(message).isEqualTo(400);
			assertThat(refused.body()).contains(message);
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM coaching_story WHERE cycle = ?")
			.param(cycle)
			.query(Integer.class)
			.single()).isZero();

		long story = draft(cycle, "Drafted by the coach");
		LaunchClient.Response blankApproval = approve(fixture.teacher(), cycle, story, " ");
		assertThat(blankApproval.status()).isEqualTo(400);
		assertThat(blankApproval.body()).contains("Write the story.");
		assertThat(jdbc.sql("SELECT status FROM coaching_story WHERE id = ?").param(story).query(String.class).single())
			.isEqualTo("DRAFT");

		String reportCsrf = coach.csrfFrom("/coaching/report");
		LaunchClient.Response tooLong = coach.post("/coaching/report",
				Map.of("trends", "t".repeat(4001), "nextSupport", "", "_csrf", reportCsrf));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("Keep this to 4,000 characters");
		for (String period : new String[] { "1999-08-01", "someday", today.plusYears(1).toString() }) {
			LaunchClient.Response unknown = coach.post("/coaching/report",
					Map.of("period", period, "trends", "Fine words", "_csrf", reportCsrf));
			assertThat(unknown.status()).as(period).isEqualTo(400);
			assertThat(unknown.body()).contains("There is no report period starting on that day");
			LaunchClient.Response page = coach.get("/coaching/report?period=" + period);
			assertThat(page.status()).as(period).isEqualTo(400);
			assertThat(page.body()).contains("There is no report period starting on that day");
			assertThat(coach.getBytes("/coaching/report.pdf?period=" + period).status()).isEqualTo(400);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM coaching_report WHERE coach_ref = ?")
			.param(fixture.coach().member().userId())
			.query(Integer.class)
			.single()).isZero();
	}

}
