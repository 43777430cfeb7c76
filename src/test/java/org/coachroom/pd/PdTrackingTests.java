package org.coachroom.pd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.studygroup.session.AttendanceStatus;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.testsupport.CourseFixture;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.OfficeFiles;
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
 * A person's own PD, through the pages: the starter catalog, profile facts, recording,
 * refusals, the audit trail.
 */
@LaunchTest
class PdTrackingTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	CourseFixture fixture;

	TestPlatform platform;

	Launched coach;

	Launched teacher;

	@BeforeEach
	void setUp() {
		// its custom role parameter lets a test launch HR and principals into the course
		fixture = CourseFixture.start(port, registry, jdbc, "pd", "Coaching hub");
		platform = fixture.platform();
		coach = fixture.coach();
		teacher = fixture.teacher();
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	private LaunchClient.Response profile(LaunchClient browser, String level, String start) {
		return browser.post("/pd/profile",
				Map.of("schoolLevel", level, "roleStartedOn", start, "_csrf", browser.csrfFrom("/pd")));
	}

	private LaunchClient.Response record(LaunchClient browser, String program, String requirement, String kind,
			String value, String on) {
		return browser.post("/pd/programs/" + program + "/requirements/" + requirement,
				Map.of("kind", kind, "value", value, "on", on, "_csrf", browser.csrfFrom("/pd/programs/" + program)));
	}

	@Test
	void bracesInAProgramOrRequirementCodeAreAPlainRefusalNotAServerError() {
		var browser = teacher.browser();
		String csrf = browser.csrfFrom("/pd");
		// a redirect built from these codes once read them as a URI template: a 500
		var evidence = browser.post("/pd/programs/%7Bx%7D/requirements/%7By%7D/evidence", Map.of("_csrf", csrf));
		assertThat(evidence.status()).isLessThan(500);
		if (evidence.status() == 302) {
			assertThat(evidence.location()).contains("/pd/programs/%7Bx%7D");
		}
		var recorded = browser.post("/pd/programs/%7Bx%7D/requirements/%7By%7D",
				Map.of("kind", "hours", "value", "x", "on", "2026-01-01", "_csrf", csrf));
		assertThat(recorded.status()).isLessThan(500);
	}

	@Test
	void eachPdNotFoundPageSaysWhatWasNotFoundInItsOwnWords() {
		profile(teacher.browser(), "SECONDARY", "2025-08-01");
		Launched principal = new Launcher(port, platform, jdbc).launch("p-" + UUID.randomUUID(), "Pat Principal",
				TestPlatform.INSTRUCTOR, coach.member().context().contextId(), "Coaching hub",
				Map.of("coachroom_role", "Principal"));
		var people = principal.browser().get("/pd/people");
		assertThat(people.status()).isEqualTo(404);
		assertThat(people.body()).contains("There is no such page for you here: it is for people in another role.")
			.doesNotContain("There is no such program");
		var evidence = teacher.browser().get("/pd/evidence/999999999");
		assertThat(evidence.status()).isEqualTo(404);
		assertThat(evidence.body()).contains("There is no such evidence for you to open");
		var certificate = teacher.browser().get("/pd/programs/esl-endorsement/certificate.pdf");
		assertThat(certificate.status()).isEqualTo(404);
		assertThat(certificate.body()).contains("There is a certificate only for a program that is complete.");
		var person = coach.browser().get("/pd/people/999999999");
		assertThat(person.status()).isEqualTo(404);
		assertThat(person.body()).contains("There is no such person among those whose PD you may see");
		assertThat(teacher.browser().get("/pd/programs/no-such-program").body())
			.contains("There is no such program in your district.");
	}

	@Test
	void anElementaryCoachFindsLetrsRequiredWithADeadlineThreeYearsAfterTheirStart() {
		var browser = coach.browser();
		assertThat(browser.get("/pd").body()).contains("Tell us the level of your school");
		assertThat(profile(browser, "ELEMENTARY", "2025-08-01").status()).isEqualTo(302);

		String page = browser.get("/pd").body();
		assertThat(page).contains("LETRS (3rd edition)")
			.contains("Required")
			.contains("Due 1 Aug 2028")
			.contains("State instructional coaching endorsement")
			.contains("Recommended")
			.doesNotContain("Entry Years Enhancement");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_program WHERE tenant_id = ?")
			.param(coach.member().tenant().value())
			.query(Integer.class)
			.single()).as("the starter catalog, once").isEqualTo(5);
	}

	@Test
	void aNewTeacherHasInductionRequiredAndASecondaryCoachHasNoLetrs() {
		profile(teacher.browser(), "SECONDARY", LocalDate.now().minusMonths(3).toString());
		assertThat(teacher.browser().get("/pd").body()).contains("Entry Years Enhancement (EYE) induction")
			.contains("ESL endorsement")
			.doesNotContain("LETRS");
		profile(coach.browser(), "SECONDARY", "2020-01-01");
		assertThat(coach.browser().get("/pd").body()).doesNotContain("LETRS").contains("ESL endorsement");
	}

	@Test
	void aUnitScoreIsRecordedAsMasteryAndAThirdAttemptIsRefusedWithNothingSaved() {
		var browser = coach.browser();
		profile(browser, "ELEMENTARY", "2025-08-01");
		String today = LocalDate.now().toString();
		assertThat(record(browser, "letrs", "u1-assessment", "score", "70", today).status()).isEqualTo(302);
		assertThat(record(browser, "letrs", "u1-assessment", "score", "90", today).status()).isEqualTo(302);
		String page = browser.get("/pd/programs/letrs").body();
		assertThat(page).contains("Mastery")
			.contains("best 90%")
			.contains("no attempts left")
			.contains("1 of 22 requirements met");

		var refused = record(browser, "letrs", "u1-assessment", "score", "95", today);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Every attempt allowed has been recorded").contains("best 90%");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_audit WHERE user_ref = ? AND action = 'SCORE'")
			.param(coach.member().userId())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aProgressBarShowsTheRequirementsMetWithoutAnInlineStyleTheCspBlocks() {
		var browser = coach.browser();
		profile(browser, "ELEMENTARY", "2025-08-01");
		String list = browser.get("/pd").body();
		// style-src 'self' drops an inline width, which left every bar full
		assertThat(list).doesNotContain(" style=").containsPattern("<progress[^>]* value=\"0\" max=\"22\"");
		record(browser, "letrs", "u1-assessment", "score", "90", LocalDate.now().toString());
		String program = browser.get("/pd/programs/letrs").body();
		assertThat(program).doesNotContain(" style=").containsPattern("<progress[^>]* value=\"1\" max=\"22\"");
	}

	@Test
	void badInputComesBackAsAMessageAndNothingIsRecorded() {
		var browser = coach.browser();
		profile(browser, "ELEMENTARY", "2025-08-01");
		String tomorrow = LocalDate.now().plusDays(2).toString();
		assertThat(record(browser, "letrs", "v1-f2f", "hours", "six", LocalDate.now().toString()).body())
			.contains("Give a number and a date.");
		assertThat(record(browser, "letrs", "v1-f2f", "hours", "6", tomorrow).body())
			.contains("The date cannot be in the future.");
		assertThat(record(browser, "letrs", "v1-f2f", "score", "50", LocalDate.now().toString()).body())
			.contains("This requirement takes no score.");
		assertThat(profile(browser, "MIDDLE", "someday").status()).isEqualTo(302);
		assertThat(browser.get("/pd").body()).contains("Choose a school level");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_audit WHERE user_ref = ?")
			.param(coach.member().userId())
			.query(Integer.class)
			.single()).isZero();
		assertThat(browser.get("/pd/programs/no-such-program").status()).isEqualTo(404);
		assertThat(record(browser, "letrs", "no-such-requirement", "done", "", LocalDate.now().toString()).status())
			.isEqualTo(404);
	}

	@Test
	void hoursAddUpToTheFaceToFaceRequirement() {
		var browser = coach.browser();
		profile(browser, "ELEMENTARY", "2025-08-01");
		String today = LocalDate.now().toString();
		record(browser, "letrs", "v1-f2f", "hours", "6", today);
		assertThat(browser.get("/pd/programs/letrs").body()).contains("6 of 12 clock hours");
		record(browser, "letrs", "v1-f2f", "hours", "6", today);
		assertThat(browser.get("/pd/programs/letrs").body()).contains("12 of 12 clock hours");
	}

	@Test
	void nineHundredNinetyNineOfTwelveHoursIsRefusedBesideItsFieldWithA400AndNothingSaved() {
		var browser = coach.browser();
		profile(browser, "ELEMENTARY", "2025-08-01");
		String today = LocalDate.now().toString();
		var refused = record(browser, "letrs", "v1-f2f", "hours", "999", today);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).containsPattern(
				"(?s)id=\"req-v1-f2f\".*aria-describedby=\"value-error-v1-f2f\".*id=\"value-error-v1-f2f\"[^>]*>One entry holds at most 24 clock hours")
			.contains("0 of 12 clock hours");
		assertThat(record(browser, "letrs", "v1-f2f", "hours", "-5", today).body())
			.contains("Hours are a number above 0.");
		assertThat(record(browser, "letrs", "v1-f2f", "hours", "0", today).status()).isEqualTo(400);
		assertThat(record(browser, "letrs", "v1-f2f", "hours", "10", today).status()).isEqualTo(302);
		var beyond = record(browser, "letrs", "v1-f2f", "hours", "6", today);
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.body())
			.contains("That is more than this requirement takes: 2 of its 12 clock hours are left to record.")
			.contains("10 of 12 clock hours");
		assertThat(record(browser, "letrs", "u1-assessment", "score", "-1", today).body())
			.contains("A score is a percent from 0 to 100.");
		assertThat(record(browser, "letrs", "u1-assessment", "score", "101", today).status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT action FROM pd_audit WHERE user_ref = ?")
			.param(coach.member().userId())
			.query(String.class)
			.list()).containsExactly("HOURS");
	}

	private LaunchClient.Response correct(LaunchClient browser, String program, String requirement, String kind,
			String value, String on) {
		return browser.post("/pd/programs/" + program + "/requirements/" + requirement + "/correction",
				Map.of("kind", kind, "value", value, "on", on, "_csrf", browser.csrfFrom("/pd")));
	}

	@Test
	void aWrongScoreOrHoursEntryIsCorrectedByItsOwnerShownOnThePageAndKeptInTheAuditTrail() {
		var browser = coach.browser();
		profile(browser, "ELEMENTARY", "2025-08-01");
		String today = LocalDate.now().toString();
		record(browser, "letrs", "v1-f2f", "hours", "6", today);
		record(browser, "letrs", "u1-assessment", "score", "70", today);
		assertThat(browser.get("/pd/programs/letrs").body()).contains("id=\"correct-v1-f2f\"")
			.contains("id=\"correct-u1-assessment\"");

		assertThat(correct(browser, "letrs", "v1-f2f", "hours", "4", today).status()).isEqualTo(302);
		assertThat(correct(browser, "letrs", "u1-assessment", "score", "75", today).status()).isEqualTo(302);
		String page = browser.get("/pd/programs/letrs").body();
		String on = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(LocalDate.now());
		assertThat(page).contains("4 of 12 clock hours")
			.contains("best 75%")
			.contains("Corrected on " + on + " from 6 clock hours to 4 clock hours")
			.contains("Corrected on " + on + " from 70% to 75%")
			.contains("1 attempt left");
		assertThat(jdbc.sql("""
				SELECT CONCAT(requirement_code, ': ', before_value, ' -> ', after_value) FROM pd_audit
				WHERE user_ref = ? AND action = 'CORRECTED' ORDER BY id""")
			.param(coach.member().userId())
			.query(String.class)
			.list()).containsExactly("v1-f2f: 6 clock hours -> 4 clock hours", "u1-assessment: 70% -> 75%");

		var tooMany = correct(browser, "letrs", "v1-f2f", "hours", "13", today);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("Hours so far are a number from 0 to 12 clock hours.");
		assertThat(correct(browser, "letrs", "u1-sessions", "done", "", today).body())
			.contains("There is nothing recorded here to correct.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_audit WHERE user_ref = ? AND action = 'CORRECTED'")
			.param(coach.member().userId())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anEntryWhoseEvidenceWaitsOrIsVerifiedCannotBeCorrectedByItsOwner() {
		var browser = teacher.browser();
		profile(browser, "SECONDARY", "2025-08-01");
		String today = LocalDate.now().toString();
		record(browser, "esl-endorsement", "coursework", "hours", "18", today);
		upload(browser, "esl-endorsement", "coursework", "transcript.pdf", PDF);
		var waiting = correct(browser, "esl-endorsement", "coursework", "hours", "12", today);
		assertThat(waiting.status()).isEqualTo(400);
		assertThat(waiting.body()).contains("waits for a coach or HR to review it");
		Launched hr = new Launcher(port, platform, jdbc).launch("hr-" + UUID.randomUUID(), "Helen HR", ADMINISTRATOR,
				coach.member().context().contextId(), "Coaching hub", Map.of("coachroom_role", "HR"));
		review(hr, waitingEvidence(), "verify", "");
		assertThat(browser.get("/pd/programs/esl-endorsement").body()).doesNotContain("id=\"correct-coursework\"");
		var verified = correct(browser, "esl-endorsement", "coursework", "hours", "12", today);
		assertThat(verified.status()).isEqualTo(400);
		assertThat(verified.body()).contains("This entry is verified: only HR can change it now.")
			.contains("18 of 18 semester hours");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_audit WHERE user_ref = ? AND action = 'CORRECTED'")
			.param(teacher.member().userId())
			.query(Integer.class)
			.single()).isZero();
	}

	/** The teacher's 18 ESL semester hours, with a transcript HR verified. */
	private record Verified(Launched hr, long evidence) {
	}

	private Verified verifiedEslHours() {
		var browser = teacher.browser();
		profile(browser, "SECONDARY", "2025-08-01");
		record(browser, "esl-endorsement", "coursework", "hours", "18", LocalDate.now().toString());
		upload(browser, "esl-endorsement", "coursework", "transcript.pdf", PDF);
		Launched hr = new Launcher(port, platform, jdbc).launch("hr-" + UUID.randomUUID(), "Helen HR", ADMINISTRATOR,
				coach.member().context().contextId(), "Coaching hub", Map.of("coachroom_role", "HR"));
		long evidence = waitingEvidence();
		assertThat(review(hr, evidence, "verify", "").status()).isEqualTo(302);
		return new Verified(hr, evidence);
	}

	private LaunchClient.Response correctVerified(Launched who, long evidence, String value, String on, String reason) {
		var browser = who.browser();
		String csrf = null;
		for (String page : List.of("/pd/evidence", "/pd", "/home")) {
			try {
				csrf = browser.csrfFrom(page);
				break;
			}
			catch (AssertionError noFormThere) {
				// a principal has no form on the PD pages: try the next page
			}
		}
		return browser.post("/pd/evidence/" + evidence + "/correction",
				Map.of("value", value, "on", on, "reason", reason, "page", "0", "_csrf", csrf));
	}

	private boolean eslComplete() {
		return jdbc.sql("""
				SELECT s.complete FROM pd_standing s JOIN pd_program p ON p.id = s.program
				WHERE s.user_ref = ? AND p.code = 'esl-endorsement'""")
			.param(teacher.member().userId())
			.query(Boolean.class)
			.single();
	}

	private int verifiedCorrections() {
		return jdbc.sql("SELECT COUNT(*) FROM pd_audit WHERE user_ref = ? AND action = 'CORRECTED_VERIFIED'")
			.param(teacher.member().userId())
			.query(Integer.class)
			.single();
	}

	@Test
	void hrCorrectsAVerifiedEntryWithAReasonThePersonSeesItAndTheStandingFollows() {
		Verified verified = verifiedEslHours();
		assertThat(eslComplete()).isTrue();
		String today = LocalDate.now().toString();
		String on = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(LocalDate.now());
		assertThat(verified.hr().browser().get("/pd/evidence").body())
			.contains("id=\"correct-" + verified.evidence() + "\"");

		var corrected = correctVerified(verified.hr(), verified.evidence(), "12", today,
				"The transcript shows 12 semester hours, not 18");
		assertThat(corrected.status()).isEqualTo(302);
		String said = "Corrected by Helen HR on " + on + " from 18 semester hours, " + today + " to 12 semester hours, "
				+ today + ". Reason: The transcript shows 12 semester hours, not 18";
		assertThat(teacher.browser().get("/pd/programs/esl-endorsement").body()).contains("12 of 18 semester hours")
			.contains(said);
		assertThat(verified.hr().browser().get("/pd/evidence").body()).contains(said);
		// no longer met: the standing follows
		assertThat(eslComplete()).isFalse();
		assertThat(jdbc.sql("""
				SELECT CONCAT(actor, ': ', before_value, ' -> ', after_value, ' / ', reason) FROM pd_audit
				WHERE user_ref = ? AND action = 'CORRECTED_VERIFIED'""")
			.param(teacher.member().userId())
			.query(String.class)
			.single())
			.isEqualTo(verified.hr().member().userId() + ": 18 semester hours, " + today + " -> 12 semester hours, "
					+ today + " / The transcript shows 12 semester hours, not 18");
		// the person still cannot change it themselves
		assertThat(correct(teacher.browser(), "esl-endorsement", "coursework", "hours", "18", today).body())
			.contains("This entry is verified: only HR can change it now.");

		// a district admin may too; back to 18, the requirement is met again
		Launched admin = new Launcher(port, platform, jdbc).launch("admin-" + UUID.randomUUID(), "Hal Admin",
				ADMINISTRATOR, coach.member().context().contextId(), "Coaching hub");
		assertThat(
				correctVerified(admin, verified.evidence(), "18", today, "A second transcript shows 6 more").status())
			.isEqualTo(302);
		assertThat(eslComplete()).isTrue();
		assertThat(teacher.browser().get("/pd/programs/esl-endorsement").body()).contains("18 of 18 semester hours")
			.contains("Corrected by Hal Admin on " + on);
	}

	@Test
	void aCoachAPrincipalOrThePersonCannotCorrectAVerifiedEntry() {
		Verified verified = verifiedEslHours();
		String today = LocalDate.now().toString();
		Launched principal = new Launcher(port, platform, jdbc).launch("p-" + UUID.randomUUID(), "Pat Principal",
				TestPlatform.INSTRUCTOR, coach.member().context().contextId(), "Coaching hub",
				Map.of("coachroom_role", "Principal"));
		// the coach supports the teacher and may review their evidence, but not change
		// what is verified
		assertThat(coach.browser().get("/pd/evidence").body()).contains("transcript.pdf")
			.doesNotContain("id=\"correct-" + verified.evidence() + "\"");
		for (Launched who : List.of(coach, principal, teacher)) {
			assertThat(correctVerified(who, verified.evidence(), "12", today, "Trying").status()).as(who.toString())
				.isEqualTo(404);
			// nor with a form that would be refused: no 400 says the evidence is there
			assertThat(correctVerified(who, verified.evidence(), "-1", today, "").status()).isEqualTo(404);
		}
		assertThat(verifiedCorrections()).isZero();
		assertThat(teacher.browser().get("/pd/programs/esl-endorsement").body()).contains("18 of 18 semester hours");
		assertThat(eslComplete()).isTrue();
	}

	@Test
	void aWrongCorrectionOfAVerifiedEntryIsRefusedByItsFieldWith400AndChangesNothing() {
		Verified verified = verifiedEslHours();
		String today = LocalDate.now().toString();
		long id = verified.evidence();
		var negative = correctVerified(verified.hr(), id, "-1", today, "Typo");
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.body()).contains("The correction was not saved: see the fields marked below.")
			.containsPattern("id=\"correct-value-error-" + id
					+ "\"[^>]*>Hours so far are a number from 0 to 18 semester hours.<");
		var beyond = correctVerified(verified.hr(), id, "19", today, "Typo");
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.body()).contains("Hours so far are a number from 0 to 18 semester hours.");
		var none = correctVerified(verified.hr(), id, "", today, "Typo");
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.body()).contains("Hours so far are a number from 0 to 18 semester hours.");
		var notANumber = correctVerified(verified.hr(), id, "twelve", today, "Typo");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.body()).contains("Write a number, like 12 or 12.5.");
		var noReason = correctVerified(verified.hr(), id, "12", today, "   ");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).containsPattern("id=\"correct-reason-error-" + id
				+ "\"[^>]*>Say why you correct the entry: the person reads your reason with the change.<");
		var longReason = correctVerified(verified.hr(), id, "12", today, "x".repeat(501));
		assertThat(longReason.status()).isEqualTo(400);
		assertThat(longReason.body()).contains("Keep the reason to 500 characters or fewer.");
		var future = correctVerified(verified.hr(), id, "12", LocalDate.now().plusDays(3).toString(), "Typo");
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.body()).containsPattern("id=\"correct-on-error-" + id + "\"");
		assertThat(verifiedCorrections()).isZero();
		assertThat(teacher.browser().get("/pd/programs/esl-endorsement").body()).contains("18 of 18 semester hours");
		assertThat(eslComplete()).isTrue();
	}

	@Test
	void someoneWhoIsNeitherTeacherNorCoachHasNoProgramsAndCannotRecord() {
		Launched admin = new Launcher(port, platform, jdbc).launch("admin-" + UUID.randomUUID(), "Hal Admin",
				ADMINISTRATOR, coach.member().context().contextId(), "Coaching hub");
		assertThat(admin.browser().get("/pd").body()).contains("PD programs are for teachers and coaches");
		assertThat(admin.browser().get("/pd/programs/letrs").status()).isEqualTo(404);
	}

	@Test
	void oneDistrictsProgressIsInvisibleToAnother() {
		profile(coach.browser(), "ELEMENTARY", "2025-08-01");
		record(coach.browser(), "letrs", "u1-sessions", "done", "", LocalDate.now().toString());
		try (TestPlatform other = TestPlatform.start()) {
			other.registerWith(registry);
			Launched elsewhere = new Launcher(port, other, jdbc).launch(coach.member().subject(), "Carla Coach",
					TestPlatform.INSTRUCTOR, coach.member().context().contextId(), "Coaching hub");
			profile(elsewhere.browser(), "ELEMENTARY", "2025-08-01");
			assertThat(elsewhere.browser().get("/pd/programs/letrs").body()).contains("0 of 22 requirements met");
		}
		assertThat(coach.browser().get("/pd/programs/letrs").body()).contains("1 of 22 requirements met");
	}

	@Autowired
	StudyGroupManagement studyGroups;

	@Test
	void studyGroupHoursCountWhereTheMemberChoosesAndComeOffWhenTheCompletionIsWithdrawn() {
		var browser = teacher.browser();
		profile(browser, "ELEMENTARY", "2025-08-01");
		var group = studyGroups.create(coach.member(),
				new StudyGroup.Details("Shifting the Balance", "Six shifts", null, StudyGroup.Kind.BOOK_STUDY, null,
						null, StudyGroup.Visibility.CLOSED, new BigDecimal("6"), "clock hours", List.of()),
				new CompletionRule(CompletionRule.Basis.COUNT, 1, false, false, 1, null));
		Instant start = Instant.now().minus(Duration.ofDays(1));
		var session = studyGroups.planSession(coach.member(), group.getId(),
				new GroupSession.Plan(start, start.plus(Duration.ofHours(1)), null, null, null, null, null, null));
		studyGroups.addMembers(coach.member(), group.getId(), List.of(teacher.member().userId()));
		studyGroups.recordAttendance(coach.member(), group.getId(), session.getId(),
				Map.of(teacher.member().userId(), AttendanceStatus.PRESENT));

		// the credit comes from an event handled after the completion commits, on another
		// thread: wait until that handler is done (not for a page within a few seconds,
		// which a busy build can miss), then look
		awaitCreditsHandled("StudyGroupCompleted", teacher.member().userId());
		assertThat(browser.get("/pd").body()).contains("6 clock hours from the study group");
		long credit = jdbc.sql("SELECT id FROM pd_credit WHERE user_ref = ?")
			.param(teacher.member().userId())
			.query(Long.class)
			.single();
		var applied = browser.post("/pd/credits/" + credit,
				Map.of("target", "letrs/v1-f2f", "_csrf", browser.csrfFrom("/pd")));
		assertThat(applied.status()).isEqualTo(302);
		assertThat(browser.get("/pd").body()).contains("counts toward LETRS (3rd edition): Volume 1 face-to-face days");
		assertThat(browser.get("/pd/programs/letrs").body()).contains("6 of 12 clock hours");
		// counted once: a second try is refused
		browser.post("/pd/credits/" + credit, Map.of("target", "letrs/v2-f2f", "_csrf", browser.csrfFrom("/pd")));
		assertThat(browser.get("/pd").body()).contains("That credit already counts toward a requirement.");
		// another person cannot place it
		assertThat(coach.browser()
			.post("/pd/credits/" + credit, Map.of("target", "letrs/v1-f2f", "_csrf", coach.browser().csrfFrom("/pd")))
			.status()).isEqualTo(404);

		studyGroups.withdrawCompletion(coach.member(), group.getId(), teacher.member().userId(), "Marked by mistake");
		awaitCreditsHandled("StudyGroupCompletionWithdrawn", teacher.member().userId());
		assertThat(browser.get("/pd/programs/letrs").body()).contains("0 of 12 clock hours");
		assertThat(browser.get("/pd").body()).doesNotContain("from the study group");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_audit WHERE user_ref = ? AND action = 'CREDIT_WITHDRAWN'")
			.param(teacher.member().userId())
			.query(Integer.class)
			.single()).isOne();
	}

	/**
	 * Waits until PD's listener for a study group event about this person has run to
	 * completion (Spring Modulith marks its publication complete after the listener's
	 * transaction commits), however long a loaded build takes to get to it.
	 */
	private void awaitCreditsHandled(String event, long userRef) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.sql("""
					SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE listener_id LIKE '%StudyGroupCredits%'
					AND event_type LIKE ? AND serialized_event LIKE ? AND completion_date IS NOT NULL""")
				.params("%." + event, "%\"userRef\":" + userRef + ",%")
				.query(Integer.class)
				.single() > 0);
	}

	static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	private LaunchClient.Response upload(LaunchClient browser, String program, String requirement, String name,
			byte[] content) {
		return browser.postFile("/pd/programs/" + program + "/requirements/" + requirement + "/evidence",
				Map.of("_csrf", browser.csrfFrom("/pd/programs/" + program)), "file", name, "application/pdf", content);
	}

	private long waitingEvidence() {
		return jdbc.sql("SELECT id FROM pd_evidence WHERE user_ref = ? AND state = 'SUBMITTED'")
			.param(teacher.member().userId())
			.query(Long.class)
			.single();
	}

	private LaunchClient.Response review(Launched reviewer, long evidenceId, String decision, String comment) {
		var browser = reviewer.browser();
		String csrf;
		try {
			csrf = browser.csrfFrom("/pd/evidence");
		}
		catch (AssertionError nothingWaitingForThem) {
			csrf = browser.csrfFrom("/pd");
		}
		return browser.post("/pd/evidence/" + evidenceId + "/review",
				Map.of("decision", decision, "comment", comment, "_csrf", csrf));
	}

	@Test
	void evidenceIsReturnedWithACommentThenVerifiedAndTheRequirementIsMet() {
		var browser = teacher.browser();
		profile(browser, "SECONDARY", "2025-08-01");
		record(browser, "esl-endorsement", "coursework", "hours", "18", LocalDate.now().toString());
		assertThat(browser.get("/pd/programs/esl-endorsement").body()).contains("In progress")
			.contains("Evidence needed");

		assertThat(upload(browser, "esl-endorsement", "coursework", "../transcript.pdf", PDF).status()).isEqualTo(302);
		assertThat(browser.get("/pd/programs/esl-endorsement").body()).contains("Waiting for verification")
			.contains("transcript.pdf");
		long first = waitingEvidence();

		// the coach of the teacher's course sees it, downloads it safely, and returns it
		// saying why
		assertThat(coach.browser().get("/pd/evidence").body()).contains("Maria Lopez").contains("transcript.pdf");
		var file = coach.browser().get("/pd/evidence/" + first);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		review(coach, first, "return", "");
		assertThat(coach.browser().get("/pd/evidence").body()).contains("Say what is missing");
		review(coach, first, "return", "The transcript has no grades page");
		assertThat(browser.get("/pd/programs/esl-endorsement").body())
			.contains("Returned: The transcript has no grades page");

		upload(browser, "esl-endorsement", "coursework", "transcript-full.pdf", PDF);
		Launched hr = new Launcher(port, platform, jdbc).launch("hr-" + UUID.randomUUID(), "Helen HR", ADMINISTRATOR,
				coach.member().context().contextId(), "Coaching hub", Map.of("coachroom_role", "HR"));
		long second = waitingEvidence();
		assertThat(review(hr, second, "verify", "").status()).isEqualTo(302);
		String page = browser.get("/pd/programs/esl-endorsement").body();
		assertThat(page).contains("1 of 1 requirements met").contains("Complete");
		assertThat(jdbc.sql("SELECT action FROM pd_audit WHERE user_ref = ? ORDER BY id")
			.param(teacher.member().userId())
			.query(String.class)
			.list()).containsExactly("HOURS", "EVIDENCE_SUBMITTED", "EVIDENCE_RETURNED", "EVIDENCE_SUBMITTED",
					"EVIDENCE_VERIFIED");

		// the completed program's certificate: a well-formed PDF naming the person and
		// the program
		var pdf = browser.getBytes("/pd/programs/esl-endorsement/certificate.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertWellFormedPdf(pdf.body(), "Maria Lopez", "ESL endorsement");
		assertThat(hr.browser()
			.getBytes(
					"/pd/compliance/people/" + teacher.member().userId() + "/programs/esl-endorsement/certificate.pdf")
			.status()).isEqualTo(200);
		assertThat(browser.get("/pd/programs/letrs/certificate.pdf").status()).as("not complete").isEqualTo(404);

		// in the language of the page it is downloaded from
		assertWellFormedPdf(pdf.body(), "Certificate of completion", "This certifies that");
		Launched hrInSpanish = new Launcher(port, platform, jdbc).inLanguage("es_mx")
			.launch("hr-" + UUID.randomUUID(), "Helena RH", ADMINISTRATOR, coach.member().context().contextId(),
					"Coaching hub", Map.of("coachroom_role", "HR"));
		assertWellFormedPdf(
				hrInSpanish.browser()
					.getBytes("/pd/compliance/people/" + teacher.member().userId()
							+ "/programs/esl-endorsement/certificate.pdf")
					.body(),
				"Certificado de finalización", "Se certifica que", "Maria Lopez", "ESL endorsement",
				"Cumplió su único requisito");
	}

	static byte[] zip(String... names) {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			for (String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	@Test
	void theIlpUploadIsLabelledAsThePlanAndTakesAWordDocumentRecognisedByItsContent() {
		var browser = teacher.browser();
		profile(browser, "SECONDARY", LocalDate.now().minusMonths(2).toString());
		String page = browser.get("/pd/programs/eye-induction").body();
		assertThat(page)
			.containsPattern("(?s)id=\"req-y1-ilp\".*Your Year 1 Individual Learning Plan \\(PDF, Word or image\\)")
			.doesNotContain("Certificate or transcript");
		assertThat(page).contains(".docx");

		// a zip that is no Word document is refused, whatever its name says
		upload(browser, "eye-induction", "y1-ilp", "plan.docx", zip("notes.txt"));
		assertThat(browser.get("/pd/programs/eye-induction").body())
			.contains("This file has a Word name but is not a Word document.");
		assertThat(upload(browser, "eye-induction", "y1-ilp", "My plan.docx",
				zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"))
			.status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT CONCAT(file_name, ' ', media_type) FROM pd_evidence WHERE user_ref = ?")
			.param(teacher.member().userId())
			.query(String.class)
			.list())
			.containsExactly("My plan.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(browser.get("/pd/programs/eye-induction").body()).contains("My plan.docx");
	}

	@Test
	void anOldBinaryWordPlanIsTakenByItsContentAndServedBackAsAWordAttachment() {
		var browser = teacher.browser();
		profile(browser, "SECONDARY", LocalDate.now().minusMonths(2).toString());
		assertThat(browser.get("/pd/programs/eye-induction").body()).contains(".docx,.doc,")
			.contains("application/msword");

		assertThat(upload(browser, "eye-induction", "y1-ilp", "Old plan.doc", OfficeFiles.wordDocument()).status())
			.isEqualTo(302);
		record Stored(long id, String name, String type) {
		}
		Stored stored = jdbc.sql("SELECT id, file_name, media_type FROM pd_evidence WHERE user_ref = ?")
			.param(teacher.member().userId())
			.query((rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.single();
		assertThat(stored.name()).isEqualTo("Old plan.doc");
		assertThat(stored.type()).isEqualTo("application/msword");
		var file = browser.get("/pd/evidence/" + stored.id());
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/msword");
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
	}

	@Test
	void aFileNamedDocThatIsNotWordIsRefusedSayingSoAndAnOldExcelFileIsNotTakenAsWord() {
		var browser = teacher.browser();
		profile(browser, "SECONDARY", LocalDate.now().minusMonths(2).toString());
		upload(browser, "eye-induction", "y1-ilp", "plan.doc",
				"My plan for this year, typed in a text editor".getBytes(StandardCharsets.UTF_8));
		assertThat(browser.get("/pd/programs/eye-induction").body())
			.contains("This file has a Word name but is not a Word document. Open it and save it again as a Word"
					+ " document (.docx or .doc) or as a PDF, then upload it.");
		// an OLE2 compound file that is an Excel 97-2003 workbook: no Word document
		upload(browser, "eye-induction", "y1-ilp", "budget.xls", OfficeFiles.excelWorkbook());
		assertThat(browser.get("/pd/programs/eye-induction").body())
			.contains("Upload a PDF or an image (PNG, JPEG or GIF), or a Word document (.docx or .doc).");
		upload(browser, "eye-induction", "y1-ilp", "budget.doc", OfficeFiles.excelWorkbook());
		assertThat(browser.get("/pd/programs/eye-induction").body())
			.contains("This file has a Word name but is not a Word document.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_evidence WHERE user_ref = ?")
			.param(teacher.member().userId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void evidenceThatIsNotADocumentOrImageIsRefused() {
		var browser = teacher.browser();
		profile(browser, "SECONDARY", "2025-08-01");
		upload(browser, "esl-endorsement", "coursework", "transcript.pdf",
				"<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
		assertThat(browser.get("/pd/programs/esl-endorsement").body()).contains("Upload a PDF or an image");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_evidence WHERE user_ref = ?")
			.param(teacher.member().userId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aRefusedEvidenceUploadIsShownBesideItsFileFieldWhereTheRedirectLands() {
		var browser = teacher.browser();
		profile(browser, "SECONDARY", "2025-08-01");
		var refused = upload(browser, "esl-endorsement", "coursework", "transcript.pdf",
				"<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.location()).endsWith("#req-coursework");
		String page = browser.get("/pd/programs/esl-endorsement").body();
		// the page lands at the requirement: the refusal sits by its file field, not at
		// the top out of view
		assertThat(page).doesNotContain("id=\"record-error\"");
		assertThat(page).containsPattern("(?s)id=\"req-coursework\".*aria-describedby=\"file-error-coursework\""
				+ ".*id=\"file-error-coursework\"[^>]*>Upload a PDF or an image");
	}

	@Test
	void onlyTheOwnerTheirCoachHrAndAdminsSeeEvidenceNeverAPrincipalOrACoachElsewhere() {
		profile(teacher.browser(), "SECONDARY", "2025-08-01");
		upload(teacher.browser(), "esl-endorsement", "coursework", "transcript.pdf", PDF);
		long evidence = waitingEvidence();
		Launcher launcher = new Launcher(port, platform, jdbc);
		Launched principal = launcher.launch("p-" + UUID.randomUUID(), "Pat Principal", TestPlatform.INSTRUCTOR,
				coach.member().context().contextId(), "Coaching hub", Map.of("coachroom_role", "Principal"));
		Launched otherCoach = launcher.launch("c2-" + UUID.randomUUID(), "Other Coach", TestPlatform.INSTRUCTOR,
				"elsewhere-" + UUID.randomUUID(), "Another school");

		assertThat(teacher.browser().get("/pd/evidence/" + evidence).status()).isEqualTo(200);
		assertThat(principal.browser().get("/pd/evidence").status()).isEqualTo(404);
		assertThat(principal.browser().get("/pd/evidence/" + evidence).status()).isEqualTo(404);
		assertThat(otherCoach.browser().get("/pd/evidence").body()).doesNotContain("Maria Lopez");
		assertThat(otherCoach.browser().get("/pd/evidence/" + evidence).status()).isEqualTo(404);
		assertThat(review(otherCoach, evidence, "verify", "").status()).isEqualTo(404);
		assertThat(teacher.browser().get("/pd/evidence").status()).as("a teacher reviews no one").isEqualTo(404);
		assertThat(jdbc.sql("SELECT state FROM pd_evidence WHERE id = ?").param(evidence).query(String.class).single())
			.isEqualTo("SUBMITTED");
	}

	/**
	 * Every object where the cross-reference table says, the table where startxref says,
	 * the text inside.
	 */
	/**
	 * A PDF a reader opens: one A4 landscape page, every font embedded, the texts in it
	 * as text.
	 */
	static void assertWellFormedPdf(byte[] pdf, String... texts) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isOne();
			assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(842f);
			assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(595f);
			var resources = document.getPage(0).getResources();
			for (var font : resources.getFontNames()) {
				assertThat(resources.getFont(font).isEmbedded()).as(font.getName()).isTrue();
			}
			String text = new PDFTextStripper().getText(document);
			for (String expected : texts) {
				assertThat(text).contains(expected);
			}
		}
		catch (IOException e) {
			throw new AssertionError("Not a PDF a reader can open", e);
		}
	}

	@Test
	void theEvidenceReviewPageKeepsAHistoryOfWhatWasVerifiedOrReturnedByWhomAndWhenNewestFirst() {
		var browser = teacher.browser();
		profile(browser, "SECONDARY", "2025-08-01");
		record(browser, "esl-endorsement", "coursework", "hours", "18", LocalDate.now().toString());
		upload(browser, "esl-endorsement", "coursework", "transcript.pdf", PDF);
		assertThat(coach.browser().get("/pd/evidence").body())
			.contains("No evidence has been verified or returned yet.");
		review(coach, waitingEvidence(), "return", "The transcript has no grades page");
		upload(browser, "esl-endorsement", "coursework", "transcript-full.pdf", PDF);
		Launcher launcher = new Launcher(port, platform, jdbc);
		Launched hr = launcher.launch("hr-" + UUID.randomUUID(), "Helen HR", ADMINISTRATOR,
				coach.member().context().contextId(), "Coaching hub", Map.of("coachroom_role", "HR"));
		review(hr, waitingEvidence(), "verify", "");

		String history = hr.browser().get("/pd/evidence").body();
		assertThat(history).contains("id=\"review-history\"")
			.containsPattern(
					"(?s)id=\"review-history\".*Maria Lopez.*ESL endorsement.*ESL coursework.*transcript-full.pdf"
							+ ".*Verified.*Helen HR.*Maria Lopez.*transcript.pdf.*Returned: The transcript has no grades page"
							+ ".*Carla Coach");
		assertThat(coach.browser().get("/pd/evidence").body()).contains("Returned: The transcript has no grades page")
			.contains("Helen HR");
		Launched principal = launcher.launch("p-" + UUID.randomUUID(), "Pat Principal", TestPlatform.INSTRUCTOR,
				coach.member().context().contextId(), "Coaching hub", Map.of("coachroom_role", "Principal"));
		assertThat(principal.browser().get("/pd/evidence").status()).isEqualTo(404);
		Launched otherCoach = launcher.launch("c2-" + UUID.randomUUID(), "Other Coach", TestPlatform.INSTRUCTOR,
				"elsewhere-" + UUID.randomUUID(), "Another school");
		assertThat(otherCoach.browser().get("/pd/evidence").body()).doesNotContain("Maria Lopez");
	}

}
