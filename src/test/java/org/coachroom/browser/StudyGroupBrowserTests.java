package org.coachroom.browser;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A study group in headless Chromium, in the demo district: the coach creates a group,
 * plans a session, imports the course roster from the demo LMS (NRPS) and takes
 * attendance; the teacher finds the group on their home page, writes a final reflection
 * and sees their completion. Every page passes axe's WCAG 2 A/AA checks. Skipped where no
 * Chromium is installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "coachroom.time-zone=America/Denver")
// the demo profile, as ./mvnw spring-boot:run runs it
@ActiveProfiles("demo")
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
class StudyGroupBrowserTests {

	Chromium chromium;

	WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeEach
	void browser(Chromium chromium) {
		this.chromium = chromium;
		this.driver = chromium.driver();
	}

	@Test
	void aCoachRunsAGroupAndATeacherReflectsAndCompletes() throws IOException {
		String title = "Shifting the Balance " + UUID.randomUUID().toString().substring(0, 8);

		launchAs("coach");
		driver.findElement(By.id("groups-link")).click();
		driver.findElement(By.id("new-group")).click();
		chromium.assertAccessible("new study group form");
		driver.findElement(By.id("title")).sendKeys(title);
		driver.findElement(By.id("purpose")).sendKeys("Six shifts for our K-2 reading block");
		driver.findElement(By.id("textTitle")).sendKeys("Shifting the Balance");
		driver.findElement(By.id("visibility")).sendKeys("Closed");
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(By.id("group-title"));
		assertThat(driver.findElement(By.id("group-title")).getText()).isEqualTo(title);

		driver.findElement(By.id("plan-session")).click();
		chromium.assertAccessible("plan a session form");
		setValue(driver.findElement(By.id("date")), LocalDate.now().minusDays(1).toString());
		driver.findElement(By.id("location")).sendKeys("Library");
		driver.findElement(By.id("agenda")).sendKeys("Shift 1: from three-cueing to decoding");
		driver.findElement(By.id("save-session")).click();
		waitFor(By.id("import-roster"));

		driver.findElement(By.id("import-roster")).click();
		waitFor(By.id("roster-result"));
		assertThat(driver.findElement(By.id("roster-result")).getText()).startsWith("13 added");
		assertThat(driver.findElement(By.id("members")).getText()).contains("Maria Lopez").contains("Ana Ruiz");
		chromium.screenshot("study-group-coach");
		chromium.assertAccessible("study group page (coach)");

		driver.findElement(By.linkText("Take attendance")).click();
		chromium.assertAccessible("attendance page");
		driver.findElement(By.xpath("//tr[th[normalize-space()='Maria Lopez']]//input[@value='PRESENT']")).click();
		driver.findElement(By.xpath("//tr[th[normalize-space()='Ana Ruiz']]//input[@value='EXCUSED']")).click();
		chromium.screenshot("study-group-attendance");
		driver.findElement(By.id("save-attendance")).click();
		waitFor(By.id("members"));

		launchAs("teacher");
		driver.findElement(By.linkText(title)).click();
		waitFor(By.id("my-progress"));
		assertThat(driver.findElement(By.id("my-attendance")).getText())
			.startsWith("1 of the 1 sessions you need attended");
		assertThat(driver.findElement(By.id("my-progress")).getText()).contains("Final reflection still to write");
		chromium.assertAccessible("study group page (teacher)");

		driver.findElement(By.id("final-reflection")).click();
		driver.findElement(By.id("reflection-body")).sendKeys("Decodable texts first: my small groups read more.");
		driver.findElement(By.id("save-reflection")).click();
		waitFor(By.id("my-completion"));
		assertThat(driver.findElement(By.id("my-completion")).getText()).isEqualTo("Complete: 6 clock hours earned.");
		chromium.screenshot("study-group-teacher");
	}

	private void launchAs(String persona) {
		driver.get(base() + "/");
		driver.findElement(By.id("launch-" + persona)).click();
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.urlToBe(base() + "/home"));
	}

	private void waitFor(By element) {
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.presenceOfElementLocated(element));
	}

	/**
	 * Date inputs take their value in the browser's locale format when typed; set it as
	 * the form sends it.
	 */
	private void setValue(WebElement input, String value) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
