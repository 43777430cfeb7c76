package org.coachroom.studygroup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The study group pages as a coach and a teacher use them, through real launches and
 * forms.
 */
@LaunchTest
class StudyGroupPagesTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	Launched coach;

	Launched ana;

	Launched ben;

	@BeforeAll
	static void start() {
		platform = TestPlatform.start();
	}

	@AfterAll
	static void stop() {
		platform.close();
	}

	@BeforeEach
	void launchPeople() {
		platform.registerWith(registry);
		Launcher launcher = new Launcher(port, platform, jdbc);
		String course = "pages-" + UUID.randomUUID();
		coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course,
				"Lincoln coaching hub");
		ana = launcher.launch("ana-" + course, "Ana Ruiz", TestPlatform.LEARNER, course, "Lincoln coaching hub");
		ben = launcher.launch("ben-" + course, "Ben Ode", TestPlatform.LEARNER, course, "Lincoln coaching hub");
	}

	static List<String[]> groupForm(String csrf, String title, String visibility) {
		List<String[]> form = new ArrayList<>();
		form.add(new String[] { "_csrf", csrf });
		form.add(new String[] { "title", title });
		form.add(new String[] { "purpose", "Practise explicit phonics routines" });
		form.add(new String[] { "schoolGoal", "Grade 2 reading at benchmark" });
		form.add(new String[] { "kind", "BOOK_STUDY" });
		form.add(new String[] { "textTitle", "Speech to Print" });
		form.add(new String[] { "textAuthor", "Louisa Moats" });
		form.add(new String[] { "visibility", visibility });
		form.add(new String[] { "creditHours", "6" });
		form.add(new String[] { "creditUnit", "clock hours" });
		form.add(new String[] { "links",
				"Publisher | https://example.org/speech-to-print\nhttps://example.org/study-guide" });
		form.add(new String[] { "ruleBasis", "COUNT" });
		form.add(new String[] { "ruleMinimum", "1" });
		form.add(new String[] { "ruleFinalReflection", "true" });
		form.add(new String[] { "ruleMinimumMembers", "1" });
		form.add(new String[] { "ruleHoursCap", "" });
		return form;
	}

	/** Creates a group through the form and returns its id. */
	static long createGroup(LaunchClient coach, String title, String visibility) {
		var created = coach.postPairs("/groups", groupForm(coach.csrfFrom("/groups/new"), title, visibility));
		assertThat(created.status())
			.as(() -> "field errors: " + Pattern.compile("field-error[^>]*>([^<]*)<")
				.matcher(created.body())
				.results()
				.map(r -> r.group(1))
				.toList())
			.isEqualTo(302);
		return Long.parseLong(created.location().replaceAll(".*/groups/(\\d+).*", "$1"));
	}

	@Test
	void aFormsMistakesAreSaidInATeachersWordsNotTheValidatorsDefaults() {
		var browser = coach.browser();
		var answer = browser.post("/groups", Map.of("title", " ", "purpose", "", "creditUnit", "", "kind", "BOOK_STUDY",
				"visibility", "OPEN", "_csrf", browser.csrfFrom("/groups/new")));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("Fill this in.")
			.doesNotContain("must not be blank")
			.doesNotContain("size must be between");
	}

	@Test
	void aCoachRunsAGroupAndATeacherCompletesItByAttendingAndReflecting() {
		LaunchClient c = coach.browser();
		long id = createGroup(c, "Speech to Print", "CLOSED");
		assertThat(c.get("/groups/" + id).body()).contains("Speech to Print")
			.contains("Louisa Moats")
			.contains("href=\"https://example.org/speech-to-print\"")
			.contains(">Publisher<")
			.contains("href=\"https://example.org/study-guide\"");

		String yesterday = LocalDate.now().minusDays(1).toString();
		var session = c.postPairs("/groups/" + id + "/sessions",
				List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) }, new String[] { "date", yesterday },
						new String[] { "startTime", "15:30" }, new String[] { "endTime", "16:30" },
						new String[] { "location", "Library" }, new String[] { "agenda", "Chapter 1" },
						new String[] { "resources", "Chapter 1 slides | https://example.org/ch1" }));
		assertThat(session.status()).isEqualTo(302);
		// a session ahead shows its plan and resources to members
		c.postPairs("/groups/" + id + "/sessions", List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) },
				new String[] { "date", LocalDate.now().plusDays(6).toString() }, new String[] { "startTime", "15:30" },
				new String[] { "endTime", "16:30" }, new String[] { "agenda", "Chapter 2" },
				new String[] { "resources", "Chapter 2 slides | https://example.org/ch2" }));

		var added = c.postPairs("/groups/" + id + "/members",
				List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) },
						new String[] { "person", Long.toString(ana.member().userId()) },
						new String[] { "person", Long.toString(ben.member().userId()) }));
		assertThat(added.status()).isEqualTo(302);
		assertThat(c.get("/groups/" + id).body()).contains("Ana Ruiz").contains("Ben Ode");

		long sessionId = jdbc.sql("SELECT id FROM study_group_session WHERE study_group = ? ORDER BY starts_at LIMIT 1")
			.param(id)
			.query(Long.class)
			.single();
		String attendancePage = "/groups/" + id + "/sessions/" + sessionId + "/attendance";
		assertThat(c.get(attendancePage).status()).isEqualTo(200);
		var marked = c.postPairs(attendancePage,
				List.of(new String[] { "_csrf", c.csrfFrom(attendancePage) },
						new String[] { "mark-" + ana.member().userId(), "PRESENT" },
						new String[] { "mark-" + ben.member().userId(), "ABSENT" }));
		assertThat(marked.status()).isEqualTo(302);
		// the page opens again on the marks recorded
		String again = c.get(attendancePage).body();
		assertThat(again).containsPattern("id=\"mark-" + ana.member().userId() + "-PRESENT\"[^>]*checked")
			.containsPattern("id=\"mark-" + ben.member().userId() + "-ABSENT\"[^>]*checked")
			.doesNotContainPattern("id=\"mark-" + ana.member().userId() + "-ABSENT\"[^>]*checked");

		LaunchClient a = ana.browser();
		String anaView = a.get("/groups/" + id).body();
		assertThat(anaView).contains("Chapter 2").contains("href=\"https://example.org/ch2\"");
		assertThat(anaView).contains("Final reflection still to write").doesNotContain("Ben Ode");
		var reflected = a.postPairs("/groups/" + id + "/reflections",
				List.of(new String[] { "_csrf", a.csrfFrom("/groups/" + id) },
						new String[] { "sessionId", Long.toString(sessionId) },
						new String[] { "finalReflection", "true" },
						new String[] { "body", "Phoneme-grapheme mapping changed my small groups." }));
		assertThat(reflected.status()).isEqualTo(302);
		assertThat(a.get("/groups/" + id).body()).contains("id=\"my-completion\"")
			.contains("Complete: 6 clock hours earned.");
		assertThat(c.get("/groups/" + id).body()).contains("Phoneme-grapheme mapping changed my small groups.");
		assertThat(a.get("/home").body()).contains("Speech to Print");
	}

	@Test
	void anEmptyFormComesBackWithFieldErrorsAndSavesNothing() {
		LaunchClient c = coach.browser();
		int before = groupsInTenant();
		var answer = c.postPairs("/groups", groupForm(c.csrfFrom("/groups/new"), "", "OPEN"));
		// bad input is a 4xx, as on every other form: the page comes back with its
		// mistakes marked
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("Please correct the fields marked below").contains("aria-invalid=\"true\"");
		assertThat(groupsInTenant()).isEqualTo(before);
	}

	@Test
	void overLongAndMaliciousInputIsRefusedOrShownAsText() {
		LaunchClient c = coach.browser();
		var tooLong = c.postPairs("/groups", groupForm(c.csrfFrom("/groups/new"), "x".repeat(201), "OPEN"));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("aria-invalid=\"true\"");

		List<String[]> scriptLink = groupForm(c.csrfFrom("/groups/new"), "Links", "OPEN");
		scriptLink
			.replaceAll(f -> f[0].equals("links") ? new String[] { "links", "Click me | javascript:alert(1)" } : f);
		var refusedLink = c.postPairs("/groups", scriptLink);
		assertThat(refusedLink.status()).isEqualTo(400);
		assertThat(refusedLink.body()).contains("Each line needs a web address");

		long id = createGroup(c, "<script>alert(1)</script>", "OPEN");
		assertThat(c.get("/groups/" + id).body()).doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");

		var noEnd = c.postPairs("/groups/" + id + "/sessions",
				List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) }, new String[] { "date", "2026-12-01" },
						new String[] { "startTime", "15:30" }, new String[] { "endTime", "" }));
		assertThat(noEnd.status()).isEqualTo(400);
		assertThat(noEnd.body()).contains("aria-invalid=\"true\"");

		var badMark = c.postPairs("/groups/" + id + "/sessions",
				List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) }, new String[] { "date", "not-a-date" },
						new String[] { "startTime", "15:30" }, new String[] { "endTime", "14:00" }));
		assertThat(badMark.status()).isEqualTo(400);
		assertThat(badMark.body()).contains("aria-invalid=\"true\"");
	}

	@Test
	void aMistypedAddressOrAMissingFieldIsAPageNotJson() {
		LaunchClient c = coach.browser();
		LaunchClient.Response wrongId = c.get("/groups/abc");
		assertThat(wrongId.status()).isEqualTo(400);
		assertThat(wrongId.body()).contains("Coachroom could not understand that request").doesNotContain("Exception");
		LaunchClient.Response noPerson = c.post("/groups/1/facilitators", Map.of("_csrf", c.csrfFrom("/home")));
		// a client that does not ask for HTML gets the refusal as JSON
		assertThat(noPerson.status()).isEqualTo(400);
		assertThat(noPerson.body()).contains("\"status\":400").doesNotContain("Exception");
	}

	@Test
	void aTeacherJoinsAnOpenGroupFromTheList() {
		long id = createGroup(coach.browser(), "Lesson study: fractions", "OPEN");
		LaunchClient b = ben.browser();
		assertThat(b.get("/groups").body()).contains("Lesson study: fractions");
		var joined = b.post("/groups/" + id + "/join", Map.of("_csrf", b.csrfFrom("/groups/" + id)));
		assertThat(joined.status()).isEqualTo(302);
		assertThat(b.get("/groups/" + id).body()).contains("Your progress");
	}

	@Test
	void aNewMembersProgressBarIsEmptyAndDrawnWithoutAnInlineStyleTheCspBlocks() {
		long id = createGroup(coach.browser(), "Lesson study: ratios", "OPEN");
		LaunchClient b = ben.browser();
		b.post("/groups/" + id + "/join", Map.of("_csrf", b.csrfFrom("/groups/" + id)));
		String page = b.get("/groups/" + id).body();
		// style-src 'self' drops an inline width, which left every bar full
		assertThat(page).doesNotContain(" style=");
		assertThat(page).containsPattern("<progress[^>]* value=\"0\" max=\"1\"");
	}

	@Test
	void attendanceForASessionThatHasNotStartedIsRefusedWithAMessageAndNothingIsRecorded() {
		LaunchClient c = coach.browser();
		long id = createGroup(c, "Lesson study: area", "CLOSED");
		c.postPairs("/groups/" + id + "/sessions",
				List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) },
						new String[] { "date", LocalDate.now().plusDays(6).toString() },
						new String[] { "startTime", "15:30" }, new String[] { "endTime", "16:30" }));
		c.postPairs("/groups/" + id + "/members", List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) },
				new String[] { "person", Long.toString(ana.member().userId()) }));
		long sessionId = jdbc.sql("SELECT id FROM study_group_session WHERE study_group = ?")
			.param(id)
			.query(Long.class)
			.single();
		String attendancePage = "/groups/" + id + "/sessions/" + sessionId + "/attendance";
		var marked = c.postPairs(attendancePage, List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) },
				new String[] { "mark-" + ana.member().userId(), "PRESENT" }));
		assertThat(marked.status()).isEqualTo(409);
		assertThat(marked.body()).contains("Attendance opens when the session starts");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_attendance WHERE session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM study_group_member WHERE study_group = ? AND completed_at IS NOT NULL")
					.param(id)
					.query(Integer.class)
					.single())
			.isZero();
	}

	@Test
	void anAttendanceMarkThatIsNoMarkComesBackWithItsMessageAnd400AndNothingIsRecorded() {
		LaunchClient c = coach.browser();
		long id = createGroup(c, "Lesson study: marks", "CLOSED");
		long sessionId = heldSessionWithAna(c, id);
		String attendancePage = "/groups/" + id + "/sessions/" + sessionId + "/attendance";
		var marked = c.postPairs(attendancePage, List.of(new String[] { "_csrf", c.csrfFrom(attendancePage) },
				new String[] { "mark-" + ana.member().userId(), "LATE" }));
		assertThat(marked.status()).isEqualTo(400);
		assertThat(marked.body()).contains("Choose Present, Absent, Excused or Not recorded.").contains("Ana Ruiz");
		assertThat(attendanceRows(sessionId)).isZero();
	}

	@Test
	void hostileAttendanceFieldsAreRefusedWithA4xxNotAnError() {
		LaunchClient c = coach.browser();
		long id = createGroup(c, "Lesson study: hostile marks", "CLOSED");
		long sessionId = heldSessionWithAna(c, id);
		String attendancePage = "/groups/" + id + "/sessions/" + sessionId + "/attendance";
		for (String[] field : List.of(new String[] { "mark-ana", "PRESENT" },
				new String[] { "mark-99999999999999999999999", "PRESENT" },
				new String[] { "mark-" + ana.member().userId(), "present'); DROP TABLE x;--" },
				new String[] { "mark-", "ABSENT" })) {
			var marked = c.postPairs(attendancePage,
					List.of(new String[] { "_csrf", c.csrfFrom(attendancePage) }, field));
			assertThat(marked.status()).as(field[0] + "=" + field[1]).isBetween(400, 499);
		}
		assertThat(attendanceRows(sessionId)).isZero();
	}

	private long heldSessionWithAna(LaunchClient c, long id) {
		c.postPairs("/groups/" + id + "/sessions",
				List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) },
						new String[] { "date", LocalDate.now().minusDays(1).toString() },
						new String[] { "startTime", "15:30" }, new String[] { "endTime", "16:30" }));
		c.postPairs("/groups/" + id + "/members", List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) },
				new String[] { "person", Long.toString(ana.member().userId()) }));
		return jdbc.sql("SELECT id FROM study_group_session WHERE study_group = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private int attendanceRows(long sessionId) {
		return jdbc.sql("SELECT COUNT(*) FROM study_group_attendance WHERE session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

	@Test
	void afterAWithdrawalTheStandingNoLongerSaysComplete() {
		LaunchClient c = coach.browser();
		long id = createGroup(c, "Lesson study: volume", "CLOSED");
		c.postPairs("/groups/" + id + "/sessions",
				List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) },
						new String[] { "date", LocalDate.now().minusDays(1).toString() },
						new String[] { "startTime", "15:30" }, new String[] { "endTime", "16:30" }));
		c.postPairs("/groups/" + id + "/members", List.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) },
				new String[] { "person", Long.toString(ana.member().userId()) }));
		long sessionId = jdbc.sql("SELECT id FROM study_group_session WHERE study_group = ?")
			.param(id)
			.query(Long.class)
			.single();
		String attendancePage = "/groups/" + id + "/sessions/" + sessionId + "/attendance";
		c.postPairs(attendancePage, List.of(new String[] { "_csrf", c.csrfFrom(attendancePage) },
				new String[] { "mark-" + ana.member().userId(), "PRESENT" }));
		LaunchClient a = ana.browser();
		a.postPairs("/groups/" + id + "/reflections",
				List.of(new String[] { "_csrf", a.csrfFrom("/groups/" + id) },
						new String[] { "sessionId", Long.toString(sessionId) },
						new String[] { "finalReflection", "true" }, new String[] { "body", "Done." }));
		assertThat(a.get("/groups/" + id).body()).contains("id=\"my-completion\"");

		var withdrawn = c.postPairs("/groups/" + id + "/members/" + ana.member().userId() + "/withdraw-completion", List
			.of(new String[] { "_csrf", c.csrfFrom("/groups/" + id) }, new String[] { "reason", "Marked by mistake" }));
		assertThat(withdrawn.status()).isEqualTo(302);
		String mine = a.get("/groups/" + id).body();
		String progress = mine.substring(mine.indexOf("id=\"my-progress\""),
				mine.indexOf("</section>", mine.indexOf("id=\"my-progress\"")));
		assertThat(progress).contains("Marked by mistake")
			.doesNotContain(">Complete<")
			.contains("Completion withdrawn");
		String members = c.get("/groups/" + id).body();
		assertThat(members).doesNotContain(">Complete<").contains("Completion withdrawn");
		assertThat(c.get(attendancePage).body()).doesNotContain(">Complete<").contains("Completion withdrawn");
	}

	private int groupsInTenant() {
		return jdbc.sql("SELECT COUNT(*) FROM study_group WHERE tenant_id = ?")
			.param(coach.member().tenant().value())
			.query(Integer.class)
			.single();
	}

}
