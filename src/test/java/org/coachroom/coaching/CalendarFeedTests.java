package org.coachroom.coaching;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.shared.DistrictClock;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.testsupport.CourseFixture;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's calendar: a secret feed a calendar app fetches without a launch, holding
 * their study group sessions, their team's meetings and the moves of their coaching
 * cycles, and a file to download for each session.
 */
@LaunchTest
@ExtendWith(OutputCaptureExtension.class)
class CalendarFeedTests {

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

	private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	CourseFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "calendar", "Lincoln coaching");
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	private long groupWithSession(String title, Instant start) {
		StudyGroup group = management.create(fixture.coach().member(),
				new StudyGroup.Details(title, "Purpose", null, StudyGroup.Kind.TEXT_STUDY, null, null,
						StudyGroup.Visibility.OPEN, new BigDecimal("3"), "clock hours", List.of()),
				CompletionRule.DISTRICT_DEFAULT);
		GroupSession session = management.planSession(fixture.coach().member(), group.getId(),
				new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), "Library", null, null, null, null, null));
		management.addMembers(fixture.coach().member(), group.getId(), List.of(fixture.teacher().member().userId()));
		return session.getId();
	}

	private static String feedUrl(LaunchClient browser) {
		LaunchClient.Response made = browser.post("/coaching/calendar/link",
				Map.of("_csrf", browser.csrfFrom("/coaching/calendar")));
		assertThat(made.status()).isEqualTo(302);
		String page = browser.get("/coaching/calendar").body();
		return page.replaceAll("(?s).*id=\"feed-url\" readonly value=\"([^\"]+)\".*", "$1");
	}

	private static Calendar parse(byte[] ics) throws Exception {
		return new CalendarBuilder().build(new ByteArrayInputStream(ics));
	}

	private static List<String> summaries(Calendar calendar) {
		return calendar.getComponents(VEvent.VEVENT).stream().map(e -> ((VEvent) e).getSummary().getValue()).toList();
	}

	@Test
	void aTeachersFeedHoldsTheirSessionsTeamMeetingsAndPlannedMovesAndNeedsNoLaunch(CapturedOutput output)
			throws Exception {
		Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		groupWithSession("Book study of Reading Reconsidered", start);
		LaunchClient coach = fixture.coach().browser();
		long cycle = Long
			.parseLong(coach
				.post("/coaching/cycles",
						Map.of("teacher", Long.toString(fixture.teacher().member().userId()), "goal", "Fluency",
								"_csrf", coach.csrfFrom("/coaching/cycles/new")))
				.location()
				.replaceAll(".*/coaching/cycles/", ""));
		coach.post("/coaching/cycles/" + cycle + "/moves", Map.of("kind", "MODEL_LESSON", "plannedOn",
				district.today().plusDays(5).toString(), "_csrf", coach.csrfFrom("/home")));
		long team = Long
			.parseLong(coach.post("/team", Map.of("title", "Grade 2 team", "_csrf", coach.csrfFrom("/team")))
				.location()
				.replaceAll(".*/team/", ""));
		LaunchClient teacherBrowser = fixture.teacher().browser();
		teacherBrowser.get("/team");
		coach.post("/team/" + team + "/meetings", Map.of("heldOn", district.today().plusDays(7).toString(), "title",
				"Data meeting", "agenda", "", "notes", "", "_csrf", coach.csrfFrom("/team/" + team)));

		String url = feedUrl(teacherBrowser);
		assertThat(url).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");
		LaunchClient calendarApp = new LaunchClient("http://localhost:" + port);
		LaunchClient.Bytes feed = calendarApp.getBytes(url.replaceAll("^http://localhost:\\d+", ""));
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
		Calendar calendar = parse(feed.body());
		assertThat(summaries(calendar)).contains("Book study of Reading Reconsidered", "Model lesson with Carla Coach");
		VEvent session = calendar.getComponents(VEvent.VEVENT)
			.stream()
			.map(VEvent.class::cast)
			.filter(e -> e.getSummary().getValue().startsWith("Book study"))
			.findFirst()
			.orElseThrow();
		assertThat(session.getLocation().getValue()).isEqualTo("Library");
		assertThat(new String(feed.body(), StandardCharsets.UTF_8)).contains("DTSTART:" + UTC_STAMP.format(start));
		assertThat(summaries(calendar)).as("the meeting of the team the teacher joined")
			.contains("Grade 2 team: Data meeting");
		assertThat(output.getAll()).doesNotContain(url.replaceAll(".*/calendar/", "").replace(".ics", ""));
	}

	@Test
	void anotherPersonsEventsAreNotInTheFeedAndAStoppedOrUnknownLinkIsNotFound() throws Exception {
		groupWithSession("Only for members", Instant.now().plus(2, ChronoUnit.DAYS));
		Launched outsider = fixture.launch("o-" + fixture.course(), "Oscar Outside", TestPlatform.LEARNER);
		LaunchClient outsiderBrowser = outsider.browser();
		String url = feedUrl(outsiderBrowser).replaceAll("^http://localhost:\\d+", "");
		LaunchClient calendarApp = new LaunchClient("http://localhost:" + port);
		assertThat(summaries(parse(calendarApp.getBytes(url).body()))).doesNotContain("Only for members");

		String newer = feedUrl(outsiderBrowser).replaceAll("^http://localhost:\\d+", "");
		assertThat(calendarApp.getBytes(url).status()).as("making a new link stops the old one").isEqualTo(404);
		assertThat(calendarApp.getBytes(newer).status()).isEqualTo(200);
		outsiderBrowser.post("/coaching/calendar/stop",
				Map.of("_csrf", outsiderBrowser.csrfFrom("/coaching/calendar")));
		assertThat(calendarApp.getBytes(newer).status()).isEqualTo(404);
		assertThat(calendarApp.getBytes("/calendar/" + "A".repeat(43) + ".ics").status()).isEqualTo(404);
		assertThat(calendarApp.getBytes("/calendar/short.ics").status()).isEqualTo(404);
	}

	@Test
	void aSessionDownloadsAsAnIcsFileForItsMembersOnly() throws Exception {
		Instant start = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		long session = groupWithSession("Lesson study", start);
		long group = jdbc.sql("SELECT study_group FROM study_group_session WHERE id = ?")
			.param(session)
			.query(Long.class)
			.single();
		String path = "/groups/" + group + "/sessions/" + session + ".ics";
		LaunchClient.Bytes file = fixture.teacher().browser().getBytes(path);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		VEvent event = (VEvent) parse(file.body()).getComponents(VEvent.VEVENT).get(0);
		assertThat(event.getSummary().getValue()).isEqualTo("Lesson study");
		assertThat(new String(file.body(), StandardCharsets.UTF_8))
			.contains("UID:coachroom-study-group-session-" + session)
			.contains("DTSTART:" + UTC_STAMP.format(start));
		Launched principal = fixture.launch("p-" + fixture.course(), "Pat Principal", TestPlatform.INSTRUCTOR,
				Map.of("coachroom_role", "Principal"));
		try (CourseFixture elsewhere = CourseFixture.start(port, registry, jdbc, "cal-else", "Elsewhere")) {
			for (Launched someone : new Launched[] { principal, elsewhere.teacher() }) {
				assertThat(someone.browser().getBytes(path).status()).isEqualTo(404);
			}
		}
		assertThat(fixture.teacher().browser().get("/groups/" + group).body()).contains(path);
	}

}
