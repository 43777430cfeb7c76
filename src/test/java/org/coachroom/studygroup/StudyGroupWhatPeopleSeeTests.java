package org.coachroom.studygroup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.studygroup.reflection.ReflectionWriting;
import org.coachroom.studygroup.session.AttendanceStatus;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.Launcher.Launched;
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
 * What coaches and teachers see on the study group pages ("What people see"): a new-group
 * form posted twice, archiving undone, reflections in session order, "mark all present",
 * and the gradebook page of a group placed in no course.
 */
@LaunchTest
class StudyGroupWhatPeopleSeeTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudyGroupManagement management;

	@Autowired
	ReflectionWriting reflectionWriting;

	Launched coach;

	Launched ana;

	Launched ben;

	Launched cy;

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
		String course = "see-" + UUID.randomUUID();
		coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Hub");
		ana = launcher.launch("ana-" + course, "Ana Ruiz", TestPlatform.LEARNER, course, "Hub");
		ben = launcher.launch("ben-" + course, "Ben Ode", TestPlatform.LEARNER, course, "Hub");
		cy = launcher.launch("cy-" + course, "Cy Park", TestPlatform.LEARNER, course, "Hub");
	}

	private StudyGroup group(String title) {
		return management.create(coach.member(),
				new StudyGroup.Details(title, "Purpose", null, StudyGroup.Kind.TEXT_STUDY, null, null,
						StudyGroup.Visibility.CLOSED, new BigDecimal("3"), "clock hours", List.of()),
				new CompletionRule(CompletionRule.Basis.COUNT, 1, false, false, 1, null));
	}

	private GroupSession session(StudyGroup group, int daysAgo) {
		Instant start = Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		return management.planSession(coach.member(), group.getId(),
				new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), null, null, null, null, null, null));
	}

	private int groupsTitled(String title) {
		return jdbc.sql("SELECT COUNT(*) FROM study_group WHERE title = ?").param(title).query(Integer.class).single();
	}

	@Test
	void theNewGroupFormPostedTwiceMakesOneGroupAndTheSecondPostLandsOnIt() {
		LaunchClient c = coach.browser();
		String title = "Twice " + UUID.randomUUID();
		String page = c.get("/groups/new").body();
		String token = page.replaceAll("(?s).*name=\"formToken\" value=\"([^\"]+)\".*", "$1");
		assertThat(token).hasSizeBetween(8, 64);
		List<String[]> form = new ArrayList<>(StudyGroupPagesTests.groupForm(c.csrfFrom("/groups/new"), title, "OPEN"));
		form.add(new String[] { "formToken", token });

		var first = c.postPairs("/groups", form);
		var second = c.postPairs("/groups", form);

		assertThat(first.status()).isEqualTo(302);
		assertThat(second.status()).isEqualTo(302);
		assertThat(second.location()).isEqualTo(first.location());
		assertThat(groupsTitled(title)).isEqualTo(1);
		// a new form is a new group, even with the same title
		List<String[]> again = new ArrayList<>(
				StudyGroupPagesTests.groupForm(c.csrfFrom("/groups/new"), title, "OPEN"));
		again.add(new String[] { "formToken",
				c.get("/groups/new").body().replaceAll("(?s).*name=\"formToken\" value=\"([^\"]+)\".*", "$1") });
		assertThat(c.postPairs("/groups", again).location()).isNotEqualTo(first.location());
		assertThat(groupsTitled(title)).isEqualTo(2);
	}

	@Test
	void anArchivedGroupOffersUndoAndItsCoachRestoresIt() {
		StudyGroup group = group("Archive me " + UUID.randomUUID());
		management.addMembers(coach.member(), group.getId(), List.of(ana.member().userId()));
		LaunchClient c = coach.browser();
		String path = "/groups/" + group.getId();
		var archived = c.post(path + "/archive", Map.of("_csrf", c.csrfFrom(path)));
		assertThat(archived.status()).isEqualTo(302);
		String after = c.get(archived.location()).body();
		assertThat(after).contains("Group archived.")
			.contains("id=\"undo-archive\"")
			.contains("action=\"" + path + "/restore\"");

		var restored = c.post(path + "/restore", Map.of("_csrf", c.csrfFrom(path)));
		assertThat(restored.status()).isEqualTo(302);
		assertThat(c.get(restored.location()).body()).contains("Group restored").doesNotContain("id=\"restore\"");
		assertThat(jdbc.sql("SELECT archived_at IS NULL FROM study_group WHERE id = ?")
			.param(group.getId())
			.query(Boolean.class)
			.single()).isTrue();

		// later, without the flash, the group page itself offers the restore
		var again = c.post(path + "/archive", Map.of("_csrf", c.csrfFrom(path)));
		assertThat(c.get(again.location()).body()).contains("id=\"undo-archive\"");
		assertThat(c.get(path).body()).contains("id=\"restore\"").doesNotContain("id=\"undo-archive\"");
		// a member cannot restore it
		LaunchClient a = ana.browser();
		assertThat(a.post(path + "/restore", Map.of("_csrf", a.csrfFrom("/home"))).status()).isEqualTo(404);
		assertThat(a.get(path).body()).doesNotContain("id=\"restore\"");
	}

	@Test
	void reflectionsAreListedBySessionInSessionOrderWithTheFinalReflectionLast() {
		StudyGroup group = group("Reflect " + UUID.randomUUID());
		GroupSession early = session(group, 20);
		GroupSession late = session(group, 5);
		management.addMembers(coach.member(), group.getId(), List.of(ana.member().userId(), ben.member().userId()));
		// written out of order: the final first, then the late session's, then the early
		// one's
		reflectionWriting.writeReflection(ana.member(), group.getId(), null, true, "ANA-FINAL");
		reflectionWriting.writeReflection(ana.member(), group.getId(), late.getId(), false, "ANA-LATE");
		reflectionWriting.writeReflection(ben.member(), group.getId(), late.getId(), false, "BEN-LATE");
		reflectionWriting.writeReflection(ana.member(), group.getId(), early.getId(), false, "ANA-EARLY");

		String mine = ana.browser().get("/groups/" + group.getId()).body();
		assertThat(mine.indexOf("ANA-EARLY")).isPositive()
			.isLessThan(mine.indexOf("ANA-LATE"))
			.isLessThan(mine.indexOf("ANA-FINAL"));
		assertThat(mine.indexOf("ANA-LATE")).isLessThan(mine.indexOf("ANA-FINAL"));

		String coachView = coach.browser().get("/groups/" + group.getId()).body();
		int early1 = coachView.indexOf("ANA-EARLY");
		int late1 = coachView.indexOf("ANA-LATE");
		int late2 = coachView.indexOf("BEN-LATE");
		int fin = coachView.indexOf("ANA-FINAL");
		assertThat(early1).isPositive().isLessThan(late1).isLessThan(late2);
		assertThat(Math.max(late1, late2)).isLessThan(fin);
		// one heading per session, one for the final reflections
		assertThat(coachView.split("class=\"reflection-session\"", -1)).hasSize(4);
		assertThat(coachView).contains("Final reflections");
	}

	@Test
	void markAllPresentMarksEveryoneNotYetMarkedAsPresentInOnePost() {
		StudyGroup group = group("Present " + UUID.randomUUID());
		GroupSession held = session(group, 1);
		management.addMembers(coach.member(), group.getId(),
				List.of(ana.member().userId(), ben.member().userId(), cy.member().userId()));
		management.recordAttendance(coach.member(), group.getId(), held.getId(),
				Map.of(ben.member().userId(), AttendanceStatus.EXCUSED));
		LaunchClient c = coach.browser();
		String page = "/groups/" + group.getId() + "/sessions/" + held.getId() + "/attendance";
		assertThat(c.get(page).body()).contains("id=\"all-present\"");
		var marked = c.postPairs(page,
				List.of(new String[] { "_csrf", c.csrfFrom(page) },
						new String[] { "mark-" + ana.member().userId(), "ABSENT" },
						new String[] { "mark-" + ben.member().userId(), "EXCUSED" },
						new String[] { "mark-" + cy.member().userId(), "" }, new String[] { "all-present", "true" }));
		assertThat(marked.status()).isEqualTo(302);
		assertThat(status(held, ana)).isEqualTo("ABSENT");
		assertThat(status(held, ben)).isEqualTo("EXCUSED");
		assertThat(status(held, cy)).isEqualTo("PRESENT");

		// a session ahead takes no attendance, all present or not
		Instant ahead = Instant.now().plus(3, ChronoUnit.DAYS);
		GroupSession future = management.planSession(coach.member(), group.getId(),
				new GroupSession.Plan(ahead, ahead.plus(1, ChronoUnit.HOURS), null, null, null, null, null, null));
		String futurePage = "/groups/" + group.getId() + "/sessions/" + future.getId() + "/attendance";
		assertThat(c.get(futurePage).body()).doesNotContain("id=\"all-present\"");
		var refused = c.postPairs(futurePage,
				List.of(new String[] { "_csrf", c.csrfFrom(futurePage) }, new String[] { "all-present", "true" }));
		assertThat(refused.status()).isGreaterThanOrEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_attendance WHERE session_id = ?")
			.param(future.getId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aSessionDatedFarOffIsToldTheRangeOfDatesNotThatItIsNoDate() {
		StudyGroup group = group("Dates " + UUID.randomUUID());
		LaunchClient c = coach.browser();
		String path = "/groups/" + group.getId();
		var farOff = c.postPairs(path + "/sessions",
				List.of(new String[] { "_csrf", c.csrfFrom(path) }, new String[] { "date", "1900-01-01" },
						new String[] { "startTime", "15:30" }, new String[] { "endTime", "16:30" }));
		assertThat(farOff.status()).isEqualTo(400);
		assertThat(farOff.body()).contains("Pick a date between 2000 and 2100.").doesNotContain("Enter a date, e.g.");
		var noDate = c.postPairs(path + "/sessions",
				List.of(new String[] { "_csrf", c.csrfFrom(path) }, new String[] { "date", "next week" },
						new String[] { "startTime", "15:30" }, new String[] { "endTime", "16:30" }));
		assertThat(noDate.status()).isEqualTo(400);
		assertThat(noDate.body()).contains("Enter a date, e.g.");
	}

	private String status(GroupSession session, Launched who) {
		return jdbc.sql("SELECT status FROM study_group_attendance WHERE session_id = ? AND user_ref = ?")
			.params(session.getId(), who.member().userId())
			.query(String.class)
			.single();
	}

	@Test
	void theGradebookPageOfAGroupPlacedInNoCourseSaysHowManyCompletedAndHowToSendThem() {
		StudyGroup group = group("Unplaced " + UUID.randomUUID());
		GroupSession held = session(group, 2);
		management.addMembers(coach.member(), group.getId(),
				List.of(ana.member().userId(), ben.member().userId(), cy.member().userId()));
		management.recordAttendance(coach.member(), group.getId(), held.getId(),
				Map.of(ana.member().userId(), AttendanceStatus.PRESENT, ben.member().userId(), AttendanceStatus.PRESENT,
						cy.member().userId(), AttendanceStatus.PRESENT));
		String page = coach.browser().get("/gradebook/study-groups/" + group.getId()).body();
		assertThat(page).doesNotContain("No completions to send yet")
			.contains("3 members completed")
			.contains("Place it in a course");

		StudyGroup empty = group("Nobody yet " + UUID.randomUUID());
		assertThat(coach.browser().get("/gradebook/study-groups/" + empty.getId()).body())
			.contains("No completions to send yet");
	}

}
