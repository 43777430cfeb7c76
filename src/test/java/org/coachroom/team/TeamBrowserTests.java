package org.coachroom.team;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.coachroom.browser.Chromium;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.BrowserSignIn;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team workspace in headless Chromium, launched from the WireMock Moodle: the coach opens it,
 * writes norms, plans a meeting with an agenda and an action item, and a teacher of the course
 * arrives (joining the team), finds them and marks the action done; axe on every page.
 */
@LaunchTest
@Tag("browser")
class TeamBrowserTests {

	static Chromium chromium;

	static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	TestPlatform platform;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = Chromium.start(TeamBrowserTests.class);
		driver = chromium.driver();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.stop();
			chromium = null;
		}
	}

	@AfterEach
	void closePlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private void signIn(BrowserSignIn signIn, String sub) {
		driver.get(signIn.loginInitiation(base(), sub));
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.urlToBe(base() + "/home"));
	}

	private void waitFor(By element) {
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.presenceOfElementLocated(element));
	}

	@Test
	void aCoachOpensTheWorkspaceAndATeacherJoinsFindsTheMeetingAndMarksTheActionDone() throws IOException {
		BrowserSignIn signIn = new BrowserSignIn();
		platform = BrowserSignIn.startPlatform(signIn);
		platform.registerWith(registry, Map.of(), "coachroom_role");
		String course = "team-" + UUID.randomUUID();
		String coachSub = "coach-" + course;
		String teacherSub = "t-" + course;
		signIn.seat(new BrowserSignIn.Seat(coachSub, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Grade 3 PLC"));
		signIn.seat(new BrowserSignIn.Seat(teacherSub, "Maria Lopez", TestPlatform.LEARNER, course, "Grade 3 PLC"));

		// the teacher arrives first: nothing yet
		signIn(signIn, teacherSub);
		driver.findElement(By.id("team-link")).click();
		waitFor(By.id("team-none"));
		chromium.assertAccessible("team workspace not opened yet");

		signIn(signIn, coachSub);
		driver.findElement(By.id("team-link-coach")).click();
		waitFor(By.id("open-team"));
		chromium.assertAccessible("opening a team workspace");
		driver.findElement(By.id("open-workspace")).click();
		waitFor(By.id("team-title"));
		assertThat(driver.findElement(By.id("team-title")).getText()).isEqualTo("Grade 3 PLC");

		driver.findElement(By.cssSelector("#norms summary")).click();
		driver.findElement(By.id("norms-field")).sendKeys("We start on time.\nStudent work stays anonymous.");
		driver.findElement(By.id("save-norms")).click();
		waitFor(By.id("norms-text"));
		driver.findElement(By.id("meeting-title")).sendKeys("Unit 4 common assessment");
		driver.findElement(By.id("agenda")).sendKeys("1. Results by class\n2. Next steps");
		driver.findElement(By.id("plan-meeting")).click();
		waitFor(By.id("meeting-heading"));
		chromium.assertAccessible("a meeting");
		driver.findElement(By.id("action-text")).sendKeys("Bring three student work samples");
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
				driver.findElement(By.id("action-due")), LocalDate.now().plusDays(7).toString());
		driver.findElement(By.id("add-action")).click();
		waitFor(By.id("action-list"));
		assertThat(driver.findElement(By.id("action-list")).getText()).contains("Bring three student work samples");

		// the teacher arrives and finds it all
		signIn(signIn, teacherSub);
		driver.findElement(By.id("team-link")).click();
		waitFor(By.id("team-title"));
		assertThat(driver.findElement(By.id("norms-text")).getText()).contains("Student work stays anonymous.");
		assertThat(driver.findElement(By.id("member-list")).getText()).contains("Carla Coach").contains("Maria Lopez");
		chromium.assertAccessible("the team workspace");
		driver.findElement(By.cssSelector("#action-list button")).click();
		waitFor(By.cssSelector("p.flash"));
		assertThat(driver.findElement(By.id("action-list")).getText()).contains("Done");
		chromium.screenshot("team-workspace");
	}
}
