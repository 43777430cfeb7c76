package org.coachroom.studygroup;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.studygroup.files.FileSharing;
import org.coachroom.studygroup.group.GroupEditing;
import org.coachroom.studygroup.membership.Membership;
import org.coachroom.studygroup.reflection.ReflectionWriting;
import org.coachroom.studygroup.session.GroupSession;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every study group endpoint, tried by every kind of person: the facilitator, another
 * coach of the course, a coach of another course, a member, a teacher of the course who
 * is not a member, a teacher of another course, and a district administrator in the
 * course. Anyone without access gets the same 404 as for a group that does not exist, and
 * never its title.
 */
@LaunchTest
class StudyGroupAuthorizationTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

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
	FileSharing fileSharing;

	@Autowired
	GroupEditing groupEditing;

	@Autowired
	Membership membership;

	@Autowired
	ReflectionWriting reflectionWriting;

	Launcher launcher;

	String course;

	@BeforeAll
	static void start() {
		platform = TestPlatform.start();
	}

	@AfterAll
	static void stop() {
		platform.close();
	}

	@BeforeEach
	void register() {
		platform.registerWith(registry);
		launcher = new Launcher(port, platform, jdbc);
		course = "authz-" + UUID.randomUUID();
	}

	enum Expect {

		ALLOWED, HIDDEN

	}

	record Endpoint(String method, String path) {
	}

	/** A group set up for one visitor: a past session, one member with a reflection. */
	record Setup(long groupId, long sessionId, long reflectionId, long memberRef, String title, long facilitatorRef,
			long fileId) {
	}

	private Setup groupFor(Launched facilitator, Launched member, StudyGroup.Visibility visibility) {
		String title = "Secret study " + UUID.randomUUID();
		StudyGroup group = management.create(
				facilitator.member(), new StudyGroup.Details(title, "Purpose", null, StudyGroup.Kind.TEXT_STUDY, null,
						null, visibility, new BigDecimal("3"), "clock hours", List.of()),
				CompletionRule.DISTRICT_DEFAULT);
		Instant start = Instant.now().minus(2, ChronoUnit.DAYS);
		GroupSession session = management.planSession(facilitator.member(), group.getId(),
				new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), null, null, null, null, null, null));
		management.addMembers(facilitator.member(), group.getId(), List.of(member.member().userId()));
		reflectionWriting.writeReflection(member.member(), group.getId(), session.getId(), false,
				"My private thoughts");
		long reflectionId = jdbc.sql("SELECT id FROM study_group_reflection WHERE study_group = ?")
			.param(group.getId())
			.query(Long.class)
			.single();
		long fileId = fileSharing.shareFile(facilitator.member(), group.getId(), "reading.pdf",
				"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		return new Setup(group.getId(), session.getId(), reflectionId, member.member().userId(), title,
				facilitator.member().userId(), fileId);
	}

	private static Map<Endpoint, List<String[]>> endpoints(Setup s) {
		String g = "/groups/" + s.groupId();
		Map<Endpoint, List<String[]>> all = new LinkedHashMap<>();
		all.put(new Endpoint("GET", g), List.of());
		all.put(new Endpoint("GET", g + "/edit"), List.of());
		all.put(new Endpoint("POST", g + "/edit"),
				StudyGroupPagesTests.groupForm("", "Renamed", "CLOSED").stream().skip(1).toList());
		all.put(new Endpoint("GET", g + "/sessions/new"), List.of());
		all.put(new Endpoint("POST", g + "/sessions"), List.of(new String[] { "date", "2026-12-01" },
				new String[] { "startTime", "15:00" }, new String[] { "endTime", "16:00" }));
		all.put(new Endpoint("GET", g + "/sessions/" + s.sessionId() + "/edit"), List.of());
		all.put(new Endpoint("POST", g + "/sessions/" + s.sessionId() + "/edit"),
				List.of(new String[] { "date", "2026-12-02" }, new String[] { "startTime", "15:00" },
						new String[] { "endTime", "16:00" }));
		all.put(new Endpoint("GET", g + "/members/add"), List.of());
		all.put(new Endpoint("POST", g + "/members"),
				List.<String[]>of(new String[] { "person", Long.toString(s.memberRef()) }));
		all.put(new Endpoint("GET", g + "/sessions/" + s.sessionId() + "/attendance"), List.of());
		all.put(new Endpoint("POST", g + "/sessions/" + s.sessionId() + "/attendance"),
				List.<String[]>of(new String[] { "mark-" + s.memberRef(), "PRESENT" }));
		all.put(new Endpoint("POST", g + "/reflections/" + s.reflectionId() + "/replies"),
				List.<String[]>of(new String[] { "body", "Thank you" }));
		all.put(new Endpoint("POST", g + "/members/" + s.memberRef() + "/complete"),
				List.<String[]>of(new String[] { "reason", "Make-up session" }));
		all.put(new Endpoint("POST", g + "/members/" + s.memberRef() + "/withdraw-completion"),
				List.<String[]>of(new String[] { "reason", "Marked by mistake" }));
		all.put(new Endpoint("POST", g + "/sessions/" + s.sessionId() + "/cancel"), List.of());
		all.put(new Endpoint("POST", g + "/facilitators"),
				List.<String[]>of(new String[] { "person", Long.toString(s.facilitatorRef()) }));
		all.put(new Endpoint("POST", g + "/members/import"), List.of());
		all.put(new Endpoint("POST", g + "/files/" + s.fileId() + "/delete"), List.of());
		all.put(new Endpoint("POST", g + "/copy"), List.of());
		all.put(new Endpoint("POST", g + "/archive"), List.of());
		all.put(new Endpoint("POST", g + "/restore"), List.of());
		return all;
	}

	private static Endpoint download(Setup s) {
		return new Endpoint("GET", "/groups/" + s.groupId() + "/files/" + s.fileId());
	}

	/** What a member may do beyond seeing: reflect. */
	private static Endpoint reflect(Setup s) {
		return new Endpoint("POST", "/groups/" + s.groupId() + "/reflections");
	}

	private void check(Launched visitor, Setup setup, Map<Endpoint, Expect> expectations, List<String> failures,
			String who) {
		LaunchClient browser = visitor.browser();
		String csrf = browser.csrfFrom("/home");
		for (var e : expectations.entrySet()) {
			Endpoint endpoint = e.getKey();
			LaunchClient.Response answer;
			if (endpoint.method().equals("GET")) {
				answer = browser.get(endpoint.path());
			}
			else {
				List<String[]> form = new ArrayList<>();
				form.add(new String[] { "_csrf", csrf });
				form.addAll(endpoints(setup).getOrDefault(endpoint,
						List.<String[]>of(new String[] { "body", "A reflection" })));
				answer = browser.postPairs(endpoint.path(), form);
			}
			boolean allowed = answer.status() == 200 || answer.status() == 302;
			boolean hidden = answer.status() == 404 && !answer.body().contains(setup.title());
			if (e.getValue() == Expect.ALLOWED ? !allowed : !hidden) {
				failures.add(who + " " + endpoint.method() + " " + endpoint.path() + " answered " + answer.status()
						+ ", expected " + e.getValue());
			}
		}
	}

	@Test
	void aClosedGroupIsManagedOnlyByItsCoachesSeenByItsMembersAndHiddenFromEveryoneElse() {
		Launched facilitator = launcher.launch("fac-" + course, "Fay Facilitator", TestPlatform.INSTRUCTOR, course,
				"Hub");
		Launched otherCoach = launcher.launch("coach2-" + course, "Cole Coach", TestPlatform.INSTRUCTOR, course, "Hub");
		Launched member = launcher.launch("mem-" + course, "Mia Member", TestPlatform.LEARNER, course, "Hub");
		Launched teacher = launcher.launch("tea-" + course, "Tom Teacher", TestPlatform.LEARNER, course, "Hub");
		Launched admin = launcher.launch("adm-" + course, "Ada Admin", ADMINISTRATOR, course, "Hub");
		Launched farCoach = launcher.launch("far-" + course, "Fred Far", TestPlatform.INSTRUCTOR, "x" + course,
				"Other hub");
		Launched farTeacher = launcher.launch("fart-" + course, "Fran Far", TestPlatform.LEARNER, "x" + course,
				"Other hub");

		List<String> failures = new ArrayList<>();
		Map<String, Launched> managers = Map.of("facilitator", facilitator, "coach of the course", otherCoach);
		for (var m : managers.entrySet()) {
			Setup s = groupFor(facilitator, member, StudyGroup.Visibility.CLOSED);
			Map<Endpoint, Expect> expect = new LinkedHashMap<>();
			expect.put(download(s), Expect.ALLOWED);
			endpoints(s).keySet().forEach(ep -> expect.put(ep, Expect.ALLOWED));
			expect.put(reflect(s), Expect.HIDDEN);
			check(m.getValue(), s, expect, failures, m.getKey());
		}
		{
			Setup s = groupFor(facilitator, member, StudyGroup.Visibility.CLOSED);
			Map<Endpoint, Expect> expect = new LinkedHashMap<>();
			endpoints(s).keySet().forEach(ep -> expect.put(ep, Expect.HIDDEN));
			expect.put(new Endpoint("GET", "/groups/" + s.groupId()), Expect.ALLOWED);
			expect.put(reflect(s), Expect.ALLOWED);
			expect.put(download(s), Expect.ALLOWED);
			check(member, s, expect, failures, "member");
		}
		Map<String, Launched> outsiders = Map.of("teacher of the course", teacher, "district admin in the course",
				admin, "coach of another course", farCoach, "teacher of another course", farTeacher);
		for (var o : outsiders.entrySet()) {
			Setup s = groupFor(facilitator, member, StudyGroup.Visibility.CLOSED);
			Map<Endpoint, Expect> expect = new LinkedHashMap<>();
			endpoints(s).keySet().forEach(ep -> expect.put(ep, Expect.HIDDEN));
			expect.put(reflect(s), Expect.HIDDEN);
			expect.put(download(s), Expect.HIDDEN);
			expect.put(new Endpoint("POST", "/groups/" + s.groupId() + "/join"), Expect.HIDDEN);
			check(o.getValue(), s, expect, failures, o.getKey());
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void aPrincipalWhoIsAlsoInstructorOfTheCourseNeverManagesOrReadsReflections() {
		try (TestPlatform withCustomRoles = TestPlatform.start()) {
			withCustomRoles.registerWith(registry, Map.of(), "coachroom_role");
			Launcher custom = new Launcher(port, withCustomRoles, jdbc);
			Launched facilitator = custom.launch("fac-" + course, "Fay Facilitator", TestPlatform.INSTRUCTOR, course,
					"Hub");
			Launched member = custom.launch("mem-" + course, "Mia Member", TestPlatform.LEARNER, course, "Hub");
			Launched principal = custom.launch("pri-" + course, "Pat Principal", TestPlatform.INSTRUCTOR, course, "Hub",
					Map.of("coachroom_role", "Principal"));
			assertThat(CoachroomRole.of(principal.member())).contains(CoachroomRole.COACH, CoachroomRole.PRINCIPAL);
			Setup s = groupFor(facilitator, member, StudyGroup.Visibility.CLOSED);
			List<String> failures = new ArrayList<>();
			Map<Endpoint, Expect> expect = new LinkedHashMap<>();
			endpoints(s).keySet().forEach(ep -> expect.put(ep, Expect.HIDDEN));
			expect.put(download(s), Expect.HIDDEN);
			expect.put(new Endpoint("GET", "/groups/new"), Expect.HIDDEN);
			check(principal, s, expect, failures, "principal who is instructor of the course");
			assertThat(failures).isEmpty();
			assertThat(groupEditing.possibleFacilitators(facilitator.member(), s.groupId()))
				.noneMatch(c -> c.person().userRef() == principal.member().userId());
			assertThatThrownBy(
					() -> groupEditing.addFacilitator(facilitator.member(), s.groupId(), principal.member().userId()))
				.isInstanceOf(NotInCourseException.class);
		}
	}

	@Test
	void aPrincipalOrHrIsNeverAMemberOfAStudyGroupAndOneAddedEarlierSeesNoMembersContent() {
		try (TestPlatform withCustomRoles = TestPlatform.start()) {
			withCustomRoles.registerWith(registry, Map.of(), "coachroom_role");
			Launcher custom = new Launcher(port, withCustomRoles, jdbc);
			Launched facilitator = custom.launch("fac-" + course, "Fay Facilitator", TestPlatform.INSTRUCTOR, course,
					"Hub");
			Launched member = custom.launch("mem-" + course, "Mia Member", TestPlatform.LEARNER, course, "Hub");
			Launched principal = custom.launch("pri-" + course, "Pat Principal", TestPlatform.LEARNER, course, "Hub",
					Map.of("coachroom_role", "Principal"));
			Launched hr = custom.launch("hr-" + course, "Helen HR", TestPlatform.LEARNER, course, "Hub",
					Map.of("coachroom_role", "HR"));
			Setup s = groupFor(facilitator, member, StudyGroup.Visibility.OPEN);

			// not offered, refused by hand, and no joining
			assertThat(membership.candidates(facilitator.member(), s.groupId())).extracting(c -> c.person().userRef())
				.doesNotContain(principal.member().userId(), hr.member().userId());
			for (Launched evaluative : List.of(principal, hr)) {
				assertThatThrownBy(() -> management.addMembers(facilitator.member(), s.groupId(),
						List.of(evaluative.member().userId())))
					.isInstanceOf(NotInCourseException.class);
				LaunchClient browser = evaluative.browser();
				browser.post("/groups/" + s.groupId() + "/join", Map.of("_csrf", browser.csrfFrom("/home")));
			}
			assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_member WHERE study_group = ? AND user_ref IN (?, ?)")
				.params(s.groupId(), principal.member().userId(), hr.member().userId())
				.query(Integer.class)
				.single()).isZero();

			// added before this rule held: a member's sessions, files, attendance and
			// reflection form stay closed
			for (Launched evaluative : List.of(principal, hr)) {
				jdbc.sql(
						"INSERT INTO study_group_member (tenant_id, study_group, user_ref, source, lms_role, joined_at, version) "
								+ "VALUES (?, ?, ?, 'MANUAL', 'LEARNER', NOW(), 0)")
					.params(facilitator.member().tenant().value(), s.groupId(), evaluative.member().userId())
					.update();
				List<String> failures = new ArrayList<>();
				Map<Endpoint, Expect> expect = new LinkedHashMap<>();
				endpoints(s).keySet().forEach(ep -> expect.put(ep, Expect.HIDDEN));
				expect.put(download(s), Expect.HIDDEN);
				expect.put(reflect(s), Expect.HIDDEN);
				expect.put(new Endpoint("POST", "/groups/" + s.groupId() + "/join"), Expect.HIDDEN);
				check(evaluative, s, expect, failures, "principal or HR added earlier");
				assertThat(failures).isEmpty();
				assertThat(management.accessOf(evaluative.member(),
						management.visible(facilitator.member(), s.groupId(), StudyGroupManagement.Access.MANAGER)
							.orElseThrow()))
					.isEqualTo(StudyGroupManagement.Access.NONE);
			}
		}
	}

	@Test
	void aCoachManagesAGroupOnlyFromItsCourseUnlessTheyFacilitateIt() {
		Launched facilitator = launcher.launch("fac-" + course, "Fay Facilitator", TestPlatform.INSTRUCTOR, course,
				"Hub");
		Launched member = launcher.launch("mem-" + course, "Mia Member", TestPlatform.LEARNER, course, "Hub");
		launcher.launch("coach2-" + course, "Cole Coach", TestPlatform.INSTRUCTOR, course, "Hub");
		// the same coach later opens Coachroom from another course: remembered roles do
		// not make them a manager
		Launched elsewhere = launcher.launch("coach2-" + course, "Cole Coach", TestPlatform.INSTRUCTOR, "x" + course,
				"Team");
		Setup s = groupFor(facilitator, member, StudyGroup.Visibility.CLOSED);
		List<String> failures = new ArrayList<>();
		Map<Endpoint, Expect> expect = new LinkedHashMap<>();
		endpoints(s).keySet().forEach(ep -> expect.put(ep, Expect.HIDDEN));
		check(elsewhere, s, expect, failures, "coach of the course launched from another course");
		assertThat(failures).isEmpty();

		Launched facilitatorElsewhere = launcher.launch("fac-" + course, "Fay Facilitator", TestPlatform.INSTRUCTOR,
				"x" + course, "Team");
		assertThat(facilitatorElsewhere.browser().get("/groups/" + s.groupId() + "/edit").status()).isEqualTo(200);
	}

	@Test
	void aCoachOfAnotherTenantWithTheSameCourseIdSeesNothing() {
		Launched facilitator = launcher.launch("fac-" + course, "Fay Facilitator", TestPlatform.INSTRUCTOR, course,
				"Hub");
		Launched member = launcher.launch("mem-" + course, "Mia Member", TestPlatform.LEARNER, course, "Hub");
		Setup s = groupFor(facilitator, member, StudyGroup.Visibility.OPEN);
		try (TestPlatform otherDistrict = TestPlatform.start()) {
			otherDistrict.registerWith(registry);
			// the same LMS course id and user id, in another deployment: another tenant
			Launched intruder = new Launcher(port, otherDistrict, jdbc).launch("fac-" + course, "Fay Facilitator",
					TestPlatform.INSTRUCTOR, course, "Hub");
			assertThat(intruder.member().tenant()).isNotEqualTo(facilitator.member().tenant());
			List<String> failures = new ArrayList<>();
			Map<Endpoint, Expect> expect = new LinkedHashMap<>();
			endpoints(s).keySet().forEach(ep -> expect.put(ep, Expect.HIDDEN));
			expect.put(download(s), Expect.HIDDEN);
			expect.put(new Endpoint("POST", "/groups/" + s.groupId() + "/join"), Expect.HIDDEN);
			check(intruder, s, expect, failures, "coach of another tenant");
			assertThat(failures).isEmpty();
			assertThat(management.overview(intruder.member()).open()).isEmpty();
		}
	}

	@Test
	void anOpenGroupIsSeenAndJoinedByTheCoursesPeopleOnlyAndTheirViewHasNoMembersOrReflections() {
		Launched facilitator = launcher.launch("fac-" + course, "Fay Facilitator", TestPlatform.INSTRUCTOR, course,
				"Hub");
		Launched member = launcher.launch("mem-" + course, "Mia Member", TestPlatform.LEARNER, course, "Hub");
		Launched teacher = launcher.launch("tea-" + course, "Tom Teacher", TestPlatform.LEARNER, course, "Hub");
		Launched farTeacher = launcher.launch("fart-" + course, "Fran Far", TestPlatform.LEARNER, "x" + course,
				"Other hub");
		Setup s = groupFor(facilitator, member, StudyGroup.Visibility.OPEN);

		String view = teacher.browser().get("/groups/" + s.groupId()).body();
		assertThat(view).contains(s.title()).doesNotContain("Mia Member").doesNotContain("My private thoughts");
		assertThat(farTeacher.browser().get("/groups/" + s.groupId()).status()).isEqualTo(404);

		List<String> failures = new ArrayList<>();
		Map<Endpoint, Expect> teacherExpect = new LinkedHashMap<>();
		endpoints(s).keySet().forEach(ep -> teacherExpect.put(ep, Expect.HIDDEN));
		teacherExpect.put(new Endpoint("GET", "/groups/" + s.groupId()), Expect.ALLOWED);
		teacherExpect.put(reflect(s), Expect.HIDDEN);
		teacherExpect.put(download(s), Expect.HIDDEN);
		check(teacher, s, teacherExpect, failures, "teacher of the course");
		assertThat(failures).isEmpty();

		LaunchClient far = farTeacher.browser();
		assertThat(far.post("/groups/" + s.groupId() + "/join", Map.of("_csrf", far.csrfFrom("/home"))).status())
			.isEqualTo(404);
		LaunchClient near = teacher.browser();
		assertThat(near.post("/groups/" + s.groupId() + "/join", Map.of("_csrf", near.csrfFrom("/home"))).status())
			.isEqualTo(302);
		assertThat(near.get("/groups/" + s.groupId()).body()).contains("Your progress")
			.doesNotContain("My private thoughts");
	}

}
