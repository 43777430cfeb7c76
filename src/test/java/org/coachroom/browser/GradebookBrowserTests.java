package org.coachroom.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.testsupport.BrowserSignIn;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.MoodleFixtures;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From a click in a browser to the LMS gradebook: a coach, launched in headless Chromium
 * from the WireMock Moodle, takes attendance; the teacher's completion leaves the outbox
 * and the platform receives the score; the coach's gradebook page says it reached the
 * LMS.
 */
@LaunchTest
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
class GradebookBrowserTests {

	private static final String SCORES = "/mod/lti/services.php/2/lineitems/2/lineitem/scores";

	Chromium chromium;

	WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudyGroupManagement management;

	TestPlatform platform;

	@BeforeEach
	void browser(Chromium chromium) {
		this.chromium = chromium;
		this.driver = chromium.driver();
	}

	@AfterEach
	void closePlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void attendanceTakenInTheBrowserEndsAsAScoreTheLmsReceives() throws IOException {
		BrowserSignIn signIn = new BrowserSignIn();
		platform = BrowserSignIn.startPlatform(signIn);
		platform.registerWith(registry);
		platform.wireMock()
			.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-type", "text/html; charset=utf-8")
				.withBody(MoodleFixtures.read("token-response.json"))));
		platform.wireMock().stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200)));

		// the course, its coach and a teacher, and a placed group with yesterday's
		// session
		String course = "pd-" + UUID.randomUUID();
		Launcher launcher = new Launcher(port, platform, jdbc);
		var coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Literacy PD");
		var teacher = launcher.launch("t-" + course, "Maria Lopez", TestPlatform.LEARNER, course, "Literacy PD");
		String title = "Shifting the Balance " + course.substring(3, 11);
		StudyGroup group = management.create(coach.member(),
				new StudyGroup.Details(title, "Six shifts", null, StudyGroup.Kind.BOOK_STUDY, null, null,
						StudyGroup.Visibility.CLOSED, new BigDecimal("6"), "clock hours", List.of()),
				new CompletionRule(CompletionRule.Basis.COUNT, 1, false, false, 1, null));
		management.recordPlacement(teacher.member(), group);
		Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
		management.planSession(coach.member(), group.getId(),
				new GroupSession.Plan(start, start.plus(1, ChronoUnit.HOURS), null, null, null, null, null, null));
		management.addMembers(coach.member(), group.getId(), List.of(teacher.member().userId()));

		// the coach opens Coachroom from the LMS in the browser
		signIn.seat(new BrowserSignIn.Seat(coach.member().subject(), "Carla Coach", TestPlatform.INSTRUCTOR, course,
				"Literacy PD"));
		driver.get(signIn.loginInitiation("http://localhost:" + port, coach.member().subject()));
		new WebDriverWait(driver, Chromium.WAIT)
			.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/home"));

		driver.get("http://localhost:" + port + "/groups/" + group.getId());
		driver.findElement(By.linkText("Take attendance")).click();
		driver.findElement(By.xpath("//tr[th[normalize-space()='Maria Lopez']]//input[@value='PRESENT']")).click();
		driver.findElement(By.id("save-attendance")).click();
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("members")));

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> platform.wireMock()
				.verify(1, postRequestedFor(urlPathEqualTo(SCORES)).withRequestBody(equalToJson("""
						{"userId": "%s", "scoreGiven": 100, "scoreMaximum": 100, "activityProgress": "Completed",
						 "gradingProgress": "FullyGraded"}""".formatted(teacher.member().subject()), true, true))));

		driver.findElement(By.id("gradebook-link")).click();
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("scores")));
		assertThat(driver.findElement(By.id("scores")).getText()).contains("Maria Lopez")
			.contains("Sent")
			.contains("Reached the LMS");
		chromium.assertAccessible("gradebook page of a study group");
		chromium.screenshot("gradebook-study-group");
	}

}
