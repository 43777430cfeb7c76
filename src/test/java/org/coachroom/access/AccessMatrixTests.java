package org.coachroom.access;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.shared.DistrictClock;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.studygroup.files.FileSharing;
import org.coachroom.studygroup.reflection.ReflectionWriting;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole access policy of Coachroom in one table: one row per page that matters for
 * privacy, in every module, and one column per kind of person. Coaching is non-evaluative
 * (docs: shared/domain.md, rule 1): whoever holds a principal's or HR role (even beside a
 * coach's) never sees an individual teacher's coaching content, only aggregates; HR sees
 * credential facts. The per-module tests ({@code StudyGroupAuthorizationTests},
 * {@code PdAuthorizationTests}, {@code TeamAuthorizationTests}) try every endpoint of
 * their module; this is the one place the policy reads whole.
 *
 * <p>
 * A cell says what the person gets:
 * <ul>
 * <li>{@code sees}: 200, and the row's individual content is on it (if the row names
 * any);</li>
 * <li>{@code page}: 200, and the row's individual content is <em>not</em> on it (an
 * aggregate or a narrower view of the same page);</li>
 * <li>a status ({@code 404}, {@code 401}, ...): that status, and the content is not on
 * it. Coachroom refuses with a 404, the same as for what does not exist, so nothing
 * leaks; 401 is the page asking to launch again.</li>
 * </ul>
 * Every cell is tried, and all that do not hold are reported together, with the matrix as
 * it is.
 */
@LaunchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

	/**
	 * The people. Each is launched into the district's hub course, where the study group
	 * and the team live, except "other teacher", of another course and of nothing.
	 * Principal and HR come from the platform's custom role parameter; an LMS role the
	 * mapping does not know (institution Staff) adds nothing beside it.
	 */
	private static final String COLUMNS = """
			teacher         | Learner, member of the group and the team, owner of the PD evidence
			other teacher   | Learner of another course: member of nothing
			coach           | Instructor: facilitates the group and the team, supports the teacher
			principal       | Staff + custom Principal
			HR              | Staff + custom HR
			admin           | institution Administrator (district admin)
			HR+admin        | institution Administrator + custom HR: HR as LMSs often seat it
			coach+principal | Instructor + custom Principal: evaluative, so no coach
			no session      | a browser that never launched
			""";

	/**
	 * The policy. Placeholders in braces are the fixtures' ids; "content" names what of
	 * the teacher's must be present ("sees") or absent (every other cell). A cell marked
	 * {@code !} would be how Coachroom answers today but not what the policy would have.
	 */
	private static final String MATRIX = """
			row                         | GET                                                                      | content    | teacher | other teacher | coach | principal | HR    | admin | HR+admin | coach+principal | no session
			study group page            | /groups/{group}                                                          | reflection | sees    | 404           | sees  | 404       | 404   | page  | 404      | 404             | 401
			study groups list           | /groups                                                                  | groupTitle | sees    | page          | sees  | page      | page  | sees  | page     | page            | 401
			attendance                  | /groups/{group}/sessions/{session}/attendance                            | name       | 404     | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			group file                  | /groups/{group}/files/{groupFile}                                        | groupFile  | sees    | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			PD program, own progress    | /pd/programs/esl-endorsement                                             | -          | 200     | 200           | 200   | 404       | 404   | 404   | 404      | 404             | 401
			people a coach supports     | /pd/people                                                               | name       | 404     | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			a person's PD, coach's view | /pd/people/{teacher}                                                     | name       | 404     | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			a person's PD, HR's view    | /pd/compliance/people/{teacher}                                          | name       | 404     | 404           | 404   | 404       | sees  | sees  | sees     | 404             | 401
			HR's view: no coaching      | /pd/compliance/people/{teacher}                                          | coaching   | 404     | 404           | 404   | 404       | page  | page  | page     | 404             | 401
			evidence file               | /pd/evidence/{evidence}                                                  | evidence   | sees    | 404           | sees  | 404       | sees  | sees  | sees     | 404             | 401
			evidence review queue       | /pd/evidence                                                             | -          | 404     | 404           | 200   | 404       | 200   | 200   | 200      | 404             | 401
			compliance view             | /pd/compliance                                                           | name       | 404     | 404           | 404   | page      | sees  | sees  | sees     | page            | 401
			compliance CSV              | /pd/compliance.csv                                                       | name       | 404     | 404           | 404   | 404       | sees  | sees  | sees     | 404             | 401
			CSV: no coaching            | /pd/compliance.csv                                                       | coaching   | 404     | 404           | 404   | 404       | page  | page  | page     | 404             | 401
			own certificate             | /pd/programs/esl-endorsement/certificate.pdf                             | -          | 200     | 404           | 404   | 404       | 404   | 404   | 404      | 404             | 401
			HR's copy of a certificate  | /pd/compliance/people/{teacher}/programs/esl-endorsement/certificate.pdf | -          | 404     | 404           | 404   | 404       | 200   | 200   | 200      | 404             | 401
			team arrival                | /team                                                                    | titles     | 302     | page          | 302   | page      | page  | page  | page     | page            | 401
			team workspace              | /team/{team}                                                             | meeting    | sees    | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			team meeting notes          | /team/{team}/meetings/{meeting}                                          | meeting    | sees    | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			cycle step                  | /team/{team}/cycles/{cycle}/learn                                        | standard   | sees    | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			cycle results               | /team/{team}/cycles/{cycle}/assess                                       | -          | 200     | 404           | 200   | 404       | 404   | 404   | 404      | 404             | 401
			principal's school overview | /team/school?school={school}                                             | teamWork   | 404     | 404           | 404   | page      | 404   | 404   | 404      | page            | 401
			school overview: aggregates | /team/school?school={school}                                             | teamTitle  | 404     | 404           | 404   | sees      | 404   | 404   | 404      | sees            | 401
			gradebook of a study group  | /gradebook/study-groups/{group}                                          | -          | 404     | 404           | 200   | 404       | 404   | 404   | 404      | 404             | 401
			gradebook of a team         | /gradebook/team-workspaces/{team}                                        | -          | 404     | 404           | 200   | 404       | 404   | 404   | 404      | 404             | 401
			district gradebook          | /gradebook                                                               | -          | 404     | 404           | 404   | 404       | 404   | 200   | 404      | 404             | 401
			home page                   | /home                                                                    | groupTitle | sees    | page          | sees  | page      | page  | page  | page     | page            | 401
			home page, as a coach       | /home?as=COACH                                                           | groupTitle | sees    | page          | sees  | page      | page  | page  | page     | page            | 401
			home page: teams            | /home                                                                    | teamTitle  | sees    | page          | sees  | sees      | page  | page  | page     | sees            | 401
			home page: a team's work    | /home                                                                    | teamWork   | page    | page          | page  | page      | page  | page  | page     | page            | 401
			coaching cycle              | /coaching/cycles/{coachingCycle}                                         | coachingGoal | sees  | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			coach's notes in a cycle    | /coaching/cycles/{coachingCycle}                                         | coachNotes | page    | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			team coaching cycle         | /coaching/cycles/{teamCoachingCycle}                                     | teamCoachingGoal | sees | 404        | sees  | 404       | 404   | 404   | 404      | 404             | 401
			coaching cycles list        | /coaching/cycles                                                         | coachingGoal | sees  | page          | sees  | page      | page  | page  | page     | page            | 401
			coaching log                | /coaching                                                                | coachNotes | 302     | 302           | sees  | 302       | 302   | 302   | 302      | 302             | 401
			good-news story in a cycle  | /coaching/cycles/{coachingCycle}                                         | story      | sees    | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			staff report                | /coaching/report                                                         | story      | 404     | 404           | sees  | 404       | 404   | 404   | 404      | 404             | 401
			staff report PDF            | /coaching/report.pdf                                                     | -          | 404     | 404           | 200   | 404       | 404   | 404   | 404      | 404             | 401
			coaching at a school        | /coaching/school                                                         | coachingGoal | 404   | 404           | 404   | page      | 404   | 404   | 404      | page            | 401
			coaching at a school: names | /coaching/school                                                         | name       | 404     | 404           | 404   | page      | 404   | 404   | 404      | page            | 401
			coaching at a school: notes | /coaching/school                                                         | coachNotes | 404     | 404           | 404   | page      | 404   | 404   | 404      | page            | 401
			coaching in the district    | /coaching/district                                                       | coachingGoal | 404   | 404           | 404   | 404       | 404   | page  | 404      | 404             | 401
			coaching in the district: names | /coaching/district                                                   | name       | 404     | 404           | 404   | 404       | 404   | page  | 404      | 404             | 401
			LMS registrations           | /lti/registrations                                                       | -          | 404     | 404           | 404   | 404       | 404   | 200   | 200      | 404             | 401
			""";

	private static final String STAFF = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Staff";

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DistrictClock district;

	@Autowired
	StudyGroupManagement management;

	@Autowired
	ReflectionWriting reflectionWriting;

	@Autowired
	FileSharing fileSharing;

	TestPlatform platform;

	/** The people, by column. */
	final Map<String, LaunchClient> people = new LinkedHashMap<>();

	/** The fixtures' ids, by placeholder. */
	final Map<String, String> ids = new LinkedHashMap<>();

	/** What of the teacher's each content names: present if any of them is. */
	final Map<String, List<String>> contents = new LinkedHashMap<>();

	@BeforeAll
	void buildOneSchoolDistrict() {
		platform = TestPlatform.start();
		platform.registerWith(registry, Map.of(), "coachroom_role");
		Launcher launcher = new Launcher(port, platform, jdbc);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String hub = "matrix-" + run;
		String teacherName = "Marisol Quintero " + run;

		Launched teacher = launcher.launch("t-" + run, teacherName, TestPlatform.LEARNER, hub, "Coaching hub");
		Launched otherTeacher = launcher.launch("o-" + run, "Ben Ode", TestPlatform.LEARNER, "elsewhere-" + run,
				"Grade 5 PLC");
		Launched coach = launcher.launch("c-" + run, "Carla Coach", TestPlatform.INSTRUCTOR, hub, "Coaching hub");
		Launched principal = launcher.launch("p-" + run, "Pat Principal", STAFF, hub, "Coaching hub",
				Map.of("coachroom_role", "Principal"));
		Launched hr = launcher.launch("h-" + run, "Helen HR", STAFF, hub, "Coaching hub",
				Map.of("coachroom_role", "HR"));
		Launched admin = launcher.launch("a-" + run, "Ada Admin", ADMINISTRATOR, hub, "Coaching hub");
		Launched hrAdmin = launcher.launch("ha-" + run, "Hal HR", ADMINISTRATOR, hub, "Coaching hub",
				Map.of("coachroom_role", "HR"));
		Launched coachPrincipal = launcher.launch("cp-" + run, "Cam Both", TestPlatform.INSTRUCTOR, hub, "Coaching hub",
				Map.of("coachroom_role", "Principal"));
		// the columns are what they say
		assertThat(CoachroomRole.of(teacher.member())).containsExactly(CoachroomRole.TEACHER);
		assertThat(CoachroomRole.of(coach.member())).containsExactly(CoachroomRole.COACH);
		assertThat(CoachroomRole.of(principal.member())).containsExactly(CoachroomRole.PRINCIPAL);
		assertThat(CoachroomRole.of(hr.member())).containsExactly(CoachroomRole.HR);
		assertThat(CoachroomRole.of(admin.member())).containsExactly(CoachroomRole.DISTRICT_ADMIN);
		assertThat(CoachroomRole.of(hrAdmin.member()))
			.isEqualTo(Set.of(CoachroomRole.HR, CoachroomRole.DISTRICT_ADMIN));
		assertThat(CoachroomRole.of(coachPrincipal.member()))
			.isEqualTo(Set.of(CoachroomRole.COACH, CoachroomRole.PRINCIPAL));
		people.put("teacher", teacher.browser());
		people.put("other teacher", otherTeacher.browser());
		people.put("coach", coach.browser());
		people.put("principal", principal.browser());
		people.put("HR", hr.browser());
		people.put("admin", admin.browser());
		people.put("HR+admin", hrAdmin.browser());
		people.put("coach+principal", coachPrincipal.browser());
		people.put("no session", new LaunchClient("http://localhost:" + port));
		ids.put("teacher", Long.toString(teacher.member().userId()));
		contents.put("name", List.of(teacherName));

		// an open study group of the hub: a past session, the teacher a member who
		// reflected, a file
		String groupTitle = "Book study " + run;
		StudyGroup group = management.create(coach.member(),
				new StudyGroup.Details(groupTitle, "Purpose", null, StudyGroup.Kind.TEXT_STUDY, null, null,
						StudyGroup.Visibility.OPEN, new BigDecimal("3"), "clock hours", List.of()),
				CompletionRule.DISTRICT_DEFAULT);
		Instant start = Instant.now().minus(2, ChronoUnit.DAYS);
		GroupSession session = management.planSession(coach.member(), group.getId(),
				new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), null, null, null, null, null, null));
		management.addMembers(coach.member(), group.getId(), List.of(teacher.member().userId()));
		String reflection = "I struggled with phonemic awareness " + run;
		reflectionWriting.writeReflection(teacher.member(), group.getId(), session.getId(), false, reflection);
		String groupFile = "GROUP-FILE-" + run;
		long file = fileSharing.shareFile(coach.member(), group.getId(), "reading.pdf",
				pdf(groupFile).getBytes(StandardCharsets.US_ASCII));
		ids.put("group", Long.toString(group.getId()));
		ids.put("session", Long.toString(session.getId()));
		ids.put("groupFile", Long.toString(file));
		contents.put("reflection", List.of(reflection));
		contents.put("groupFile", List.of(groupFile));

		// the teacher's PD: ESL endorsement coursework recorded, evidence uploaded and
		// verified by the coach, so the program is complete
		LaunchClient own = teacher.browser();
		own.post("/pd/profile",
				Map.of("schoolLevel", "SECONDARY", "roleStartedOn", "2025-08-01", "_csrf", own.csrfFrom("/pd")));
		String program = "/pd/programs/esl-endorsement";
		own.post(program + "/requirements/coursework", Map.of("kind", "hours", "value", "18", "on",
				LocalDate.now().toString(), "_csrf", own.csrfFrom(program)));
		String evidenceMark = "EVIDENCE-" + run;
		own.postFile(program + "/requirements/coursework/evidence", Map.of("_csrf", own.csrfFrom(program)), "file",
				"transcript.pdf", "application/pdf", pdf(evidenceMark).getBytes(StandardCharsets.US_ASCII));
		long evidence = jdbc.sql("SELECT id FROM pd_evidence WHERE user_ref = ?")
			.param(teacher.member().userId())
			.query(Long.class)
			.single();
		LaunchClient c = coach.browser();
		assertThat(c
			.post("/pd/evidence/" + evidence + "/review",
					Map.of("decision", "verify", "comment", "", "_csrf", c.csrfFrom("/pd/evidence")))
			.status()).isEqualTo(302);
		assertThat(own.get(program).body()).as("the teacher's program is complete").contains("Complete");
		ids.put("evidence", Long.toString(evidence));
		contents.put("evidence", List.of(evidenceMark));

		// the team of the hub, at a school: a meeting and a learning cycle's standard
		String teamTitle = "Grade 3 team " + run;
		long team = Long.parseLong(c.post("/team", Map.of("title", teamTitle, "_csrf", c.csrfFrom("/team")))
			.location()
			.replaceAll(".*/team/", ""));
		own.get("/team");
		String page = "/team/" + team;
		String meetingTitle = "Data meeting " + run;
		long meeting = Long.parseLong(c.post(page + "/meetings",
				Map.of("heldOn", "2026-10-01", "title", meetingTitle, "agenda", "Results", "_csrf", c.csrfFrom(page)))
			.location()
			.replaceAll(".*/meetings/", ""));
		long cycle = Long.parseLong(
				c.post(page + "/cycles", Map.of("_csrf", c.csrfFrom(page))).location().replaceAll(".*/cycles/", ""));
		String standard = "Students will add fractions " + run + ".";
		c.post(page + "/cycles/" + cycle + "/learn",
				Map.of("standard", standard, "version", "0", "_csrf", c.csrfFrom(page)));
		LaunchClient a = admin.browser();
		String schoolName = "Matrix Elementary " + run;
		a.post("/pd/schools", Map.of("name", schoolName, "level", "ELEMENTARY", "_csrf", a.csrfFrom("/home")));
		long school = jdbc.sql("SELECT id FROM pd_school WHERE tenant_id = ? AND name = ?")
			.params(admin.member().tenant().value(), schoolName)
			.query(Long.class)
			.single();
		c.post(page + "/school", Map.of("school", Long.toString(school), "_csrf", c.csrfFrom(page)));
		assertThat(c.get(page + "/cycles/" + cycle + "/learn").body()).as("the cycle holds its standard")
			.contains(standard);
		ids.put("team", Long.toString(team));
		ids.put("meeting", Long.toString(meeting));
		ids.put("cycle", Long.toString(cycle));
		ids.put("school", Long.toString(school));
		contents.put("meeting", List.of(meetingTitle));
		contents.put("standard", List.of(standard));
		contents.put("teamWork", List.of(meetingTitle, standard));
		contents.put("titles", List.of(groupTitle, teamTitle));
		contents.put("teamTitle", List.of(teamTitle));
		contents.put("groupTitle", List.of(groupTitle));
		String coachingGoal = "Student talk in guided reading " + run;
		String coachNote = "Coach own note " + run;
		String contactNote = "Contact aside " + run;
		long coachingCycle = Long
			.parseLong(
					c.post("/coaching/cycles",
							Map.of("teacher", ids.get("teacher"), "goal", coachingGoal, "_csrf",
									c.csrfFrom("/coaching/cycles/new")))
						.location()
						.replaceAll(".*/coaching/cycles/", ""));
		c.post("/coaching/cycles/" + coachingCycle + "/notes",
				Map.of("notes", coachNote, "_csrf", c.csrfFrom("/home")));
		// the coach serves the district's school: the contact counts for it
		c.post("/coaching/schools", Map.of("school", Long.toString(school), "_csrf", c.csrfFrom("/coaching")));
		c.post("/coaching/contacts", Map.of("teacher", ids.get("teacher"), "support", "OBSERVATION", "minutes", "30",
				"heldOn", district.today().toString(), "note", contactNote, "_csrf", c.csrfFrom("/home")));
		assertThat(c.get("/coaching/cycles/" + coachingCycle).body()).as("the coaching cycle holds its notes")
			.contains(coachNote)
			.contains(contactNote);
		// a good-news story the teacher approved in their wording: in the coach's staff
		// report, and nowhere a principal or HR can read
		String story = "Our readers lead their own book talks " + run;
		c.post("/coaching/cycles/" + coachingCycle + "/stories",
				Map.of("wording", "Coach's draft " + run, "_csrf", c.csrfFrom("/home")));
		long storyId = jdbc.sql("SELECT MAX(id) FROM coaching_story WHERE cycle = ?")
			.param(coachingCycle)
			.query(Long.class)
			.single();
		LaunchClient t = people.get("teacher");
		assertThat(t
			.post("/coaching/cycles/" + coachingCycle + "/stories/" + storyId + "/approve",
					Map.of("wording", story, "story", Long.toString(storyId), "_csrf", t.csrfFrom("/home")))
			.status()).as("the teacher approves the story").isEqualTo(302);
		contents.put("story", List.of(story));
		ids.put("coachingCycle", Long.toString(coachingCycle));
		String teamCoachingGoal = "Common assessments every unit " + run;
		long teamCoachingCycle = Long
			.parseLong(
					c.post("/coaching/cycles",
							Map.of("teacher", "team-" + team, "goal", teamCoachingGoal, "_csrf",
									c.csrfFrom("/coaching/cycles/new")))
						.location()
						.replaceAll(".*/coaching/cycles/", ""));
		ids.put("teamCoachingCycle", Long.toString(teamCoachingCycle));
		contents.put("teamCoachingGoal", List.of(teamCoachingGoal));
		contents.put("coachingGoal", List.of(coachingGoal));
		contents.put("coachNotes", List.of(coachNote, contactNote));
		contents.put("coaching",
				List.of(reflection, groupFile, meetingTitle, standard, coachingGoal, coachNote, contactNote, story));
	}

	@AfterAll
	void closePlatform() {
		platform.close();
	}

	private static String pdf(String mark) {
		return "%PDF-1.7\n% " + mark + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
	}

	/**
	 * One row of the matrix: a page, what of the teacher's it may hold, and the cells.
	 */
	record Row(String name, String path, String content, Map<String, String> cells) {
	}

	static List<Row> rows() {
		List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
		List<String> header = split(lines.get(0));
		List<Row> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			List<String> cells = split(line);
			if (cells.size() != header.size()) {
				throw new IllegalStateException(
						"A row of the matrix has " + cells.size() + " cells, not " + header.size() + ": " + line);
			}
			Map<String, String> byColumn = new LinkedHashMap<>();
			for (int i = 3; i < header.size(); i++) {
				byColumn.put(header.get(i), cells.get(i));
			}
			rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), byColumn));
		}
		return rows;
	}

	private static List<String> split(String line) {
		return List.of(line.split("\\|")).stream().map(String::strip).toList();
	}

	@Test
	void theMatrixNamesEveryKindOfPersonOnce() {
		List<String> columns = COLUMNS.lines().map(l -> l.split("\\|")[0].strip()).toList();
		for (Row row : rows()) {
			assertThat(row.cells().keySet()).as(row.name()).containsExactlyElementsOf(columns);
		}
	}

	@Test
	void everyCellOfTheMatrixHolds() {
		List<String> wrong = new ArrayList<>();
		StringBuilder actual = new StringBuilder();
		for (Row row : rows()) {
			String path = row.path();
			for (var id : ids.entrySet()) {
				path = path.replace("{" + id.getKey() + "}", id.getValue());
			}
			List<String> marks = row.content().equals("-") ? List.of() : contents.get(row.content());
			if (marks == null) {
				throw new IllegalStateException("No content named " + row.content());
			}
			actual.append(String.format("%-28s", row.name()));
			for (var cell : row.cells().entrySet()) {
				LaunchClient.Response answer = people.get(cell.getKey()).get(path);
				String body = answer.body() == null ? "" : answer.body();
				boolean present = marks.stream().anyMatch(body::contains);
				String got = outcome(answer.status(), present, !marks.isEmpty());
				actual.append(" | ").append(cell.getKey()).append(": ").append(got);
				if (!holds(cell.getValue(), answer.status(), present, !marks.isEmpty())) {
					wrong.add(row.name() + " (GET " + path + ") x " + cell.getKey() + ": expected " + cell.getValue()
							+ ", got " + got);
				}
			}
			actual.append('\n');
		}
		assertThat(wrong)
			.as("cells of the access matrix that do not hold (%d); the matrix as it is:%n%s", wrong.size(), actual)
			.isEmpty();
	}

	/** What a cell says, from the status and whether the teacher's content was there. */
	private static String outcome(int status, boolean present, boolean rowHasContent) {
		if (status != 200) {
			return present ? status + " WITH the content" : Integer.toString(status);
		}
		if (!rowHasContent) {
			return "200";
		}
		return present ? "sees" : "page";
	}

	private static boolean holds(String cell, int status, boolean present, boolean rowHasContent) {
		String expected = cell.endsWith("!") ? cell.substring(0, cell.length() - 1) : cell;
		return switch (expected) {
			case "sees" -> status == 200 && (present || !rowHasContent);
			case "page" -> status == 200 && !present;
			default -> status == Integer.parseInt(expected) && !present;
		};
	}

}
