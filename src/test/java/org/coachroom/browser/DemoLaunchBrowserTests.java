package org.coachroom.browser;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo district as a person uses it, in headless Chromium: the front page's launch
 * buttons run the whole LTI launch (two auto-submitting forms and the redirects between
 * them) and land on the right home page, and the pages pass axe's WCAG 2 A/AA checks.
 * Skipped where no Chromium is installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "coachroom.time-zone=America/Denver")
// the demo profile, as ./mvnw spring-boot:run runs it
@ActiveProfiles("demo")
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
class DemoLaunchBrowserTests {

	Chromium chromium;

	WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeEach
	void browser(Chromium chromium) {
		this.chromium = chromium;
		this.driver = chromium.driver();
	}

	@ParameterizedTest(name = "launch as {0} lands on {1}''s {2} home")
	@CsvSource({ "teacher, Maria Lopez, Teacher", "coach, Jordan Ellis, Coach", "principal, Ruth Park, Principal",
			"hr, Sam Carter, HR", "district-admin, Lee Morgan, District admin" })
	void launchButtonSignsInWithTheRole(String persona, String fullName, String role) throws IOException {
		driver.get(base() + "/");
		driver.findElement(By.id("launch-" + persona)).click();
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.urlToBe(base() + "/home"));

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Signed in as " + fullName);
		assertThat(driver.findElement(By.id("current-role")).getText()).isEqualTo(role);
		assertThat(driver.findElement(By.id("current-course")).getText()).contains("Lincoln Elementary Coaching Hub");

		chromium.screenshot(persona);
		chromium.assertAccessible(role + " home page");
	}

	/**
	 * The launch answers with the home page itself; reloading it must ask for the page,
	 * not post the spent launch again (which would be refused as a replay).
	 */
	@Test
	void reloadingThePageALaunchAnsweredWithShowsThePageAgain() {
		driver.get(base() + "/");
		driver.findElement(By.id("launch-teacher")).click();
		WebDriverWait wait = new WebDriverWait(driver, Chromium.WAIT);
		wait.until(ExpectedConditions.urlToBe(base() + "/home"));
		WebElement before = driver.findElement(By.tagName("h1"));

		driver.navigate().refresh();

		wait.until(ExpectedConditions.stalenessOf(before));
		assertThat(driver.getCurrentUrl()).isEqualTo(base() + "/home");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Signed in as Maria Lopez");
	}

	@Test
	void frontPageIsAccessible() throws IOException {
		driver.get(base() + "/");
		assertThat(driver.findElements(By.cssSelector("a[id^=launch-]"))).hasSize(5);
		chromium.screenshot("front");
		chromium.assertAccessible("front page");
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
