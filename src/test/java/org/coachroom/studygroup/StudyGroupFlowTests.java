package org.coachroom.studygroup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.studygroup.CompletionRule.Basis;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.group.GroupEditing;
import org.coachroom.studygroup.membership.Membership;
import org.coachroom.studygroup.reflection.ReflectionWriting;
import org.coachroom.studygroup.session.AttendanceStatus;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.studygroup.session.SessionPlanning;
import org.coachroom.testsupport.HeardEvents;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A study group from creation to a member's completion, against the database. */
@LaunchTest
class StudyGroupFlowTests {

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
	GroupEditing groupEditing;

	@Autowired
	Membership membership;

	@Autowired
	ReflectionWriting reflectionWriting;

	@Autowired
	SessionPlanning sessionPlanning;

	@Autowired
	HeardEvents heard;

	Launched coach;

	Launched ana;

	Launched ben;

	Launched outsider;

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
		String course = "hub-" + UUID.randomUUID();
		coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course,
				"Lincoln coaching hub");
		ana = launcher.launch("ana-" + course, "Ana Ruiz", TestPlatform.LEARNER, course, "Lincoln coaching hub");
		ben = launcher.launch("ben-" + course, "Ben Ode", TestPlatform.LEARNER, course, "Lincoln coaching hub");
		outsider = launcher.launch("out-" + course, "Olga Other", TestPlatform.LEARNER, "other-" + course,
				"Other school");
	}

	private StudyGroup.Details details(StudyGroup.Visibility visibility) {
		return new StudyGroup.Details("The Reading League", "Grow our science of reading practice",
				"Grade 3 reading proficiency to 70%", StudyGroup.Kind.BOOK_STUDY, "Shifting the Balance",
				"Burkins & Yates", visibility, new BigDecimal("6.00"), "clock hours",
				List.of(new StudyGroup.Link("Publisher", "https://example.org/book")));
	}

	private GroupSession.Plan pastSession(int daysAgo) {
		Instant start = Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		return new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), "Room 12", null, "Chapter " + daysAgo,
				"Read chapter " + daysAgo, "What surprised you?",
				List.of(new StudyGroup.Link("Chapter " + daysAgo + " slides",
						"https://example.org/slides/" + daysAgo)));
	}

	@Test
	void aMemberWhoAttendsEnoughAndReflectsCompletesAndTheCompletionIsPublishedDurably() {
		StudyGroup group = management.create(coach.member(), details(StudyGroup.Visibility.CLOSED),
				new CompletionRule(Basis.COUNT, 2, false, true, 2, null));
		GroupSession first = management.planSession(coach.member(), group.getId(), pastSession(14));
		GroupSession second = management.planSession(coach.member(), group.getId(), pastSession(7));
		management.addMembers(coach.member(), group.getId(), List.of(ana.member().userId(), ben.member().userId()));

		management.recordAttendance(coach.member(), group.getId(), first.getId(), Map.of(ana.member().userId(),
				AttendanceStatus.PRESENT, ben.member().userId(), AttendanceStatus.ABSENT));
		management.recordAttendance(coach.member(), group.getId(), second.getId(), Map.of(ana.member().userId(),
				AttendanceStatus.PRESENT, ben.member().userId(), AttendanceStatus.PRESENT));
		assertThat(completed(group, ana)).isFalse();

		reflectionWriting.writeReflection(ana.member(), group.getId(), null, true,
				"I will use decodable texts in small groups.");

		assertThat(completed(group, ana)).isTrue();
		assertThat(completed(group, ben)).isFalse();
		await().untilAsserted(() -> assertThat(heard.studyGroupCompletions()).anySatisfy(e -> {
			assertThat(e.userRef()).isEqualTo(ana.member().userId());
			assertThat(e.studyGroupId()).isEqualTo(group.getId());
			assertThat(e.subject()).isEqualTo(ana.member().subject());
			assertThat(e.creditHours()).isEqualByComparingTo("6");
			assertThat(e.byHand()).isFalse();
		}));
		assertThat(heard.studyGroupCompletions()).noneMatch(e -> e.userRef() == ben.member().userId());
		// one publication per listener (PD credit listens too): the stand-in listener's
		// is recorded once
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE event_type LIKE '%StudyGroupCompleted' "
					+ "AND listener_id LIKE '%HeardEvents%' AND serialized_event LIKE ?")
			.param("%\"userRef\":" + ana.member().userId() + ",%")
			.query(Integer.class)
			.single()).isOne();
		var page = management.page(coach.member(), group.getId()).orElseThrow();
		assertThat(page.members()).extracting(r -> r.person().displayName()).containsExactly("Ana Ruiz", "Ben Ode");
		assertThat(page.members().get(0).membership().getCreditHours()).isEqualByComparingTo("6");
	}

	@Test
	void aFacilitatorMarksCompletionByHandWithReasonWhoAndWhen() {
		StudyGroup group = management.create(coach.member(), details(StudyGroup.Visibility.CLOSED),
				CompletionRule.DISTRICT_DEFAULT);
		management.addMembers(coach.member(), group.getId(), List.of(ben.member().userId()));

		management.completeByHand(coach.member(), group.getId(), ben.member().userId(),
				"Made up session 3 with the coach");

		var row = jdbc.sql(
				"SELECT completed_by, completion_reason, completed_at FROM study_group_member WHERE study_group = ? AND user_ref = ?")
			.params(group.getId(), ben.member().userId())
			.query((rs, i) -> List.of(rs.getLong(1), rs.getString(2), rs.getTimestamp(3)))
			.single();
		assertThat(row.get(0)).isEqualTo(coach.member().userId());
		assertThat(row.get(1)).isEqualTo("Made up session 3 with the coach");
		assertThat(row.get(2)).isNotNull();
	}

	@Test
	void aClosedGroupDoesNotExistForTeachersOutsideIt() {
		StudyGroup group = management.create(coach.member(), details(StudyGroup.Visibility.CLOSED),
				CompletionRule.DISTRICT_DEFAULT);
		management.addMembers(coach.member(), group.getId(), List.of(ana.member().userId()));

		assertThat(management.accessOf(ana.member(), group)).isEqualTo(Access.MEMBER);
		assertThat(management.page(ben.member(), group.getId())).isEmpty();
		assertThat(management.page(outsider.member(), group.getId())).isEmpty();
		assertThat(management.overview(ben.member()).open()).extracting(GroupSummary::id).doesNotContain(group.getId());
	}

	@Test
	void anOpenGroupIsListedToTheCoursesTeachersWhoMayJoinButNotToOtherCourses() {
		StudyGroup group = management.create(coach.member(), details(StudyGroup.Visibility.OPEN),
				CompletionRule.DISTRICT_DEFAULT);

		assertThat(management.overview(ben.member()).open()).extracting(GroupSummary::id).contains(group.getId());
		assertThat(management.overview(outsider.member()).open()).extracting(GroupSummary::id)
			.doesNotContain(group.getId());
		assertThat(management.page(outsider.member(), group.getId())).isEmpty();

		membership.join(ben.member(), group.getId());
		assertThat(management.overview(ben.member()).joined()).extracting(GroupSummary::id).contains(group.getId());
	}

	@Test
	void joiningTwiceAtOnceJoinsOnceAndRefusesNothing() throws Exception {
		StudyGroup group = management.create(coach.member(), details(StudyGroup.Visibility.OPEN),
				CompletionRule.DISTRICT_DEFAULT);
		var pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> clicks = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				clicks.add(pool.submit(() -> membership.join(ben.member(), group.getId())));
			}
			for (var click : clicks) {
				click.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(management.overview(ben.member()).joined()).extracting(GroupSummary::id)
			.containsOnlyOnce(group.getId());
	}

	@Test
	void onlyPeopleOfTheGroupsCourseCanBeAdded() {
		StudyGroup group = management.create(coach.member(), details(StudyGroup.Visibility.CLOSED),
				CompletionRule.DISTRICT_DEFAULT);
		assertThatThrownBy(
				() -> management.addMembers(coach.member(), group.getId(), List.of(outsider.member().userId())))
			.isInstanceOf(NotInCourseException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_member WHERE study_group = ?")
			.param(group.getId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aTeacherCannotManageAndAnArchivedGroupCannotChange() {
		StudyGroup group = management.create(coach.member(), details(StudyGroup.Visibility.OPEN),
				CompletionRule.DISTRICT_DEFAULT);
		assertThatThrownBy(() -> management.planSession(ana.member(), group.getId(), pastSession(1)))
			.isInstanceOf(GroupNotFoundException.class);

		groupEditing.archive(coach.member(), group.getId());
		assertThatThrownBy(() -> management.planSession(coach.member(), group.getId(), pastSession(1)))
			.isInstanceOf(GroupArchivedException.class);
		StudyGroup copy = groupEditing.copy(coach.member(), group.getId(), "The Reading League, spring cohort");
		assertThat(copy.isArchived()).isFalse();
		assertThat(copy.getRule()).isEqualTo(group.getRule());
		assertThat(copy.getLinks()).isEqualTo(group.getLinks());
	}

	@Test
	void aCoachOfTheCourseBecomesCoFacilitatorButATeacherCannot() {
		Launched cole = new Launcher(port, platform, jdbc).launch("cole-" + UUID.randomUUID(), "Cole Coach",
				TestPlatform.INSTRUCTOR, coach.member().context().contextId(), "Lincoln coaching hub");
		StudyGroup group = management.create(coach.member(), details(StudyGroup.Visibility.CLOSED),
				CompletionRule.DISTRICT_DEFAULT);
		assertThat(groupEditing.possibleFacilitators(coach.member(), group.getId()))
			.extracting(c -> c.person().displayName())
			.containsExactly("Cole Coach");
		assertThatThrownBy(() -> groupEditing.addFacilitator(coach.member(), group.getId(), ana.member().userId()))
			.isInstanceOf(NotInCourseException.class);
		groupEditing.addFacilitator(coach.member(), group.getId(), cole.member().userId());
		assertThat(management.overview(cole.member()).managed()).extracting(GroupSummary::id).contains(group.getId());
	}

	@Test
	void anArchivedGroupTakesNoMoreReflectionsOrAttendance() {
		StudyGroup group = management.create(coach.member(), details(StudyGroup.Visibility.CLOSED),
				CompletionRule.DISTRICT_DEFAULT);
		GroupSession session = management.planSession(coach.member(), group.getId(), pastSession(3));
		management.addMembers(coach.member(), group.getId(), List.of(ana.member().userId()));
		groupEditing.archive(coach.member(), group.getId());
		assertThatThrownBy(() -> reflectionWriting.writeReflection(ana.member(), group.getId(), null, true, "Late"))
			.isInstanceOf(GroupArchivedException.class);
		assertThatThrownBy(() -> management.recordAttendance(coach.member(), group.getId(), session.getId(),
				Map.of(ana.member().userId(), AttendanceStatus.PRESENT)))
			.isInstanceOf(GroupArchivedException.class);
	}

	@Test
	void attendanceCannotBeTakenAtACancelledSession() {
		StudyGroup group = management.create(coach.member(), details(StudyGroup.Visibility.CLOSED),
				CompletionRule.DISTRICT_DEFAULT);
		GroupSession session = management.planSession(coach.member(), group.getId(), pastSession(3));
		management.addMembers(coach.member(), group.getId(), List.of(ana.member().userId()));
		sessionPlanning.cancelSession(coach.member(), group.getId(), session.getId(), true);
		assertThatThrownBy(() -> management.recordAttendance(coach.member(), group.getId(), session.getId(),
				Map.of(ana.member().userId(), AttendanceStatus.PRESENT)))
			.isInstanceOf(NotInCourseException.class);
	}

	private boolean completed(StudyGroup group, Launched person) {
		return jdbc
			.sql("SELECT completed_at IS NOT NULL FROM study_group_member WHERE study_group = ? AND user_ref = ?")
			.params(group.getId(), person.member().userId())
			.query(Boolean.class)
			.single();
	}

}
