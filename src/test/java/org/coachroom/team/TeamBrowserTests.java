package org.coachroom.team;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.coachroom.browser.Chromium;
import org.coachroom.browser.ChromiumExtension;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.BrowserSignIn;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team workspace in headless Chromium, launched from the WireMock Moodle: the coach
 * opens it, writes norms, plans a meeting with an agenda and an action item, and a
 * teacher of the course arrives (joining the team), finds them and marks the action done;
 * axe on every page.
 */
@LaunchTest
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
class TeamBrowserTests {

	Chromium chromium;

	WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

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

	private String base() {
		return "http://localhost:" + port;
	}

	private void signIn(BrowserSignIn signIn, String sub) {
		driver.get(signIn.loginInitiation(base(), sub));
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.urlToBe(base() + "/home"));
	}

	/** The WireMock Moodle with a coach and a teacher seated in the course. */
	private BrowserSignIn coachAndTeacher(String course, String title) {
		BrowserSignIn signIn = new BrowserSignIn();
		platform = BrowserSignIn.startPlatform(signIn);
		platform.registerWith(registry, Map.of(), "coachroom_role");
		signIn.seat(new BrowserSignIn.Seat("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, title));
		signIn.seat(new BrowserSignIn.Seat("t-" + course, "Maria Lopez", TestPlatform.LEARNER, course, title));
		return signIn;
	}

	private void waitFor(By element) {
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.presenceOfElementLocated(element));
	}

	@Test
	void aCoachOpensTheWorkspaceAndATeacherJoinsFindsTheMeetingAndMarksTheActionDone() throws IOException {
		String course = "team-" + UUID.randomUUID();
		String coachSub = "coach-" + course;
		String teacherSub = "t-" + course;
		BrowserSignIn signIn = coachAndTeacher(course, "Grade 3 PLC");

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
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
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

	private void type(String id, String text) {
		var field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private void setDate(String id, String date) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)),
				date);
	}

	/** Types a class's row of the results grid: name, size, counts per level. */
	private void row(int index, String name, int size, int... counts) {
		type("class-" + index + "-name", name);
		type("class-" + index + "-size", String.valueOf(size));
		for (int level = 0; level < counts.length; level++) {
			type("class-" + index + "-count-" + level, String.valueOf(counts[level]));
		}
	}

	@Test
	void theTeamWalksALearningCycleEndToEndSeesTheChartAndTheCoachClosesIt() throws IOException {
		String course = "cycle-" + UUID.randomUUID();
		String coachSub = "coach-" + course;
		String teacherSub = "t-" + course;
		BrowserSignIn signIn = coachAndTeacher(course, "Grade 4 PLC");
		signIn(signIn, coachSub);
		driver.findElement(By.id("team-link-coach")).click();
		waitFor(By.id("open-team"));
		driver.findElement(By.id("open-workspace")).click();
		waitFor(By.id("team-title"));

		// a teacher of the team starts the cycle and walks the first steps
		signIn(signIn, teacherSub);
		driver.findElement(By.id("team-link")).click();
		waitFor(By.id("start-cycle"));
		driver.findElement(By.id("start-cycle")).click();
		waitFor(By.id("standard"));
		chromium.assertAccessible("cycle step 1");
		type("standard", "Students will explain the main idea of an informational text.");
		driver.findElement(By.id("save-step")).click();
		waitFor(By.id("assessment"));
		type("assessment", "Common reading passage with 4 questions");
		setDate("assessedOn", "2026-10-05");
		driver.findElement(By.id("save-assessment")).click();
		waitFor(By.id("results-baseline"));
		row(0, "Room 21", 25, 5, 9, 8, 3);
		row(1, "Room 22", 24, 4, 10, 7, -1);
		driver.findElement(By.id("save-results-baseline")).click();
		waitFor(By.id("class-1-count-3-error"));
		assertThat(driver.findElement(By.id("class-1-count-3-error")).getText()).contains("0 or more");
		chromium.assertAccessible("results refused");
		type("class-1-count-3", "2");
		row(2, "Reading group", 6, 2, 2, 2, 0);
		driver.findElement(By.id("save-results-baseline")).click();
		waitFor(By.id("target"));
		assertThat(driver.findElement(By.id("baseline-share")).getText()).contains("40.7 %");
		assertThat(driver.findElements(By.cssSelector("#results-figure svg"))).hasSize(1);
		chromium.assertAccessible("cycle step 3 with the chart");
		type("strengths", "Most find the topic.");
		type("obstacles", "Supporting details.");
		type("goal", "By 20 November, 65% of our students will explain the main idea.");
		type("target", "65");
		setDate("goalBy", "2026-11-20");
		driver.findElement(By.id("save-step")).click();
		waitFor(By.id("strategies"));
		type("strategies", "Model with think-alouds; paired summaries.");
		type("intervention", "Re-teach in small groups twice a week.");
		type("extension", "Compare two texts on the same topic.");
		type("responsibilities", "Maria: passages. Carla: small group plan.");
		driver.findElement(By.id("save-step")).click();
		waitFor(By.id("results-reassessment"));
		chromium.assertAccessible("cycle step 5");
		// the grid starts from the baseline's classes
		assertThat(driver.findElement(By.id("class-0-name")).getAttribute("value")).isEqualTo("Room 21");
		row(0, "Room 21", 25, 1, 5, 12, 7);
		row(1, "Room 22", 24, 2, 5, 11, 6);
		row(2, "Reading group", 6, 1, 2, 3, 0);
		driver.findElement(By.id("save-results-reassessment")).click();
		waitFor(By.id("reassessment-share"));
		assertThat(driver.findElement(By.id("reassessment-share")).getText()).contains("70.9 %");
		setDate("reassessedOn", "2026-11-18");
		type("reflection", "Paired summaries moved most students.");
		type("carryForward", "Keep paired summaries; next: author's purpose.");
		driver.findElement(By.id("save-reflection")).click();
		waitFor(By.id("close-heading"));
		assertThat(driver.findElements(By.id("close-cycle"))).as("only the facilitator closes").isEmpty();

		// the coach closes it with the two of them as participants
		signIn(signIn, coachSub);
		driver.findElement(By.id("team-link-coach")).click();
		waitFor(By.id("start-cycle"));
		driver.findElement(By.id("start-cycle")).click();
		waitFor(By.id("close-cycle"));
		chromium.screenshot("team-cycle-adjust");
		driver.findElement(By.id("close-cycle")).click();
		waitFor(By.id("close-outcome"));
		assertThat(driver.findElement(By.id("close-outcome")).getText()).isEqualTo("The goal was met.");
		assertThat(driver.findElement(By.id("results-table")).getText()).contains("Room 21").contains("The team");
		chromium.assertAccessible("a closed cycle");
		driver.findElement(By.id("share-cycle")).click();
		// the section is on the page before the click too: wait for what the share
		// changed, not for the section
		new WebDriverWait(driver, Chromium.WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("share"), "shared with the school"));
		driver.findElement(By.id("summary-link")).click();
		waitFor(By.id("summary-standard"));
		chromium.assertAccessible("the printable summary");
		chromium.screenshot("team-cycle-summary");
		// printed (A4, the print stylesheet), the summary is one page
		PrintOptions options = new PrintOptions();
		options.setPageSize(new PageSize(29.7, 21.0));
		byte[] pdf = Base64.getDecoder().decode(((PrintsPage) driver).print(options).getContent());
		Files.write(Path.of("target/screenshots/team-cycle-summary.pdf"), pdf);
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		assertThat(Pattern.compile("/Type\\s*/Page[^s]").matcher(text).results().count()).isEqualTo(1);
	}

}
