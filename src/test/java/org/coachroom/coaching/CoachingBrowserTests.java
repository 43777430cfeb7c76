package org.coachroom.coaching;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachroom.browser.Chromium;
import org.coachroom.browser.ChromiumExtension;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.Schools;
import org.coachroom.shared.TenantId;
import org.coachroom.testsupport.BrowserSignIn;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coaching end to end in headless Chromium, launched from the WireMock Moodle: a coach
 * opens a cycle with a teacher, logs three contacts from a phone-width page and writes up
 * an observation; the teacher reads it, closes the cycle with a reflection and approves a
 * story; the principal's month shows the counts and no name; the staff report carries the
 * story. Axe on every page.
 */
@LaunchTest
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
class CoachingBrowserTests {

	Chromium chromium;

	WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	Schools schools;

	TestPlatform platform;

	@BeforeEach
	void browser(Chromium chromium) {
		this.chromium = chromium;
		this.driver = chromium.driver();
	}

	@AfterEach
	void closePlatform() {
		width(1280);
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

	private void open(String path, By waitFor) {
		driver.get(base() + path);
		waitFor(waitFor);
	}

	private void waitFor(By element) {
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.presenceOfElementLocated(element));
	}

	private void width(int width) {
		((HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
	}

	private void type(String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private long pageWidth() {
		return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth"))
			.longValue();
	}

	@Test
	void aCoachingCycleFromOpeningToTheStaffReport() throws IOException {
		String course = "coaching-walk-" + UUID.randomUUID();
		String title = "Lincoln Elementary coaching";
		BrowserSignIn signIn = new BrowserSignIn();
		platform = BrowserSignIn.startPlatform(signIn);
		var registered = platform.registerWith(registry, Map.of(), "coachroom_role");
		TenantId tenant = registered.tenants().get(0);
		schools.listAtSetUp(tenant, "Lincoln Elementary", SchoolLevel.ELEMENTARY);
		String coach = "coach-" + course;
		String teacher = "t-" + course;
		String principal = "p-" + course;
		signIn.seat(new BrowserSignIn.Seat(coach, "Carla Coach", TestPlatform.INSTRUCTOR, course, title));
		signIn.seat(new BrowserSignIn.Seat(teacher, "Maria Lopez", TestPlatform.LEARNER, course, title));
		signIn.seat(new BrowserSignIn.Seat(principal, "Pat Principal", TestPlatform.INSTRUCTOR, course, title,
				Map.of("coachroom_role", "Principal")));
		signIn(signIn, teacher);

		// the coach names their school and opens a cycle with the teacher
		signIn(signIn, coach);
		open("/coaching", By.id("schools-form"));
		driver.findElement(By.cssSelector("#schools-form input[type=checkbox]")).click();
		driver.findElement(By.id("name-schools")).click();
		waitFor(By.id("school-pages"));
		open("/coaching/cycles/new", By.id("cycle-form"));
		chromium.assertAccessible("opening a coaching cycle");
		new Select(driver.findElement(By.id("teacher"))).selectByVisibleText("Maria Lopez");
		type("goal", "My students explain their thinking to a partner during guided reading");
		driver.findElement(By.id("open")).click();
		waitFor(By.id("cycle-heading"));
		String cycle = driver.getCurrentUrl().replaceFirst("^" + base(), "");

		// three contacts from a phone
		width(390);
		for (String[] contact : List.of(new String[] { "Model lesson", "40" }, new String[] { "Co-teaching", "45" },
				new String[] { "Feedback conversation", "20" })) {
			open("/coaching", By.id("contact-form"));
			new Select(driver.findElement(By.id("teacher"))).selectByVisibleText("Maria Lopez");
			new Select(driver.findElement(By.id("support"))).selectByVisibleText(contact[0]);
			type("minutes", contact[1]);
			driver.findElement(By.id("log-contact")).click();
			new WebDriverWait(driver, Chromium.WAIT).ignoring(WebDriverException.class)
				.until(d -> d.findElement(By.cssSelector("p.flash")).getText().contains("in your log"));
		}
		assertThat(pageWidth()).as("the log fits a phone").isLessThanOrEqualTo(390);
		chromium.assertAccessible("the coaching log on a phone");
		assertThat(driver.findElement(By.id("month-contacts")).getText()).contains("3");

		// an observation, then a story for the staff report
		width(1280);
		open(cycle + "/observations/new", By.id("observation-form"));
		chromium.assertAccessible("writing up an observation");
		driver.findElement(By.cssSelector("input[name=lookFor][value='Students explain their thinking']")).click();
		type("seen", "Six of eight pairs explained a word-solving strategy to their partner without a prompt.");
		type("questions", "What did the two other pairs need?");
		driver.findElement(By.id("save-observation")).click();
		waitFor(By.id("seen-text"));
		open(cycle, By.id("story-form"));
		assertThat(driver.findElement(By.id("contact-list")).getText()).contains("Model lesson")
			.contains("Co-teaching");
		type("story-wording", "Partner talk is now part of every guided reading group.");
		driver.findElement(By.id("draft-story")).click();
		waitFor(By.id("story-list"));

		// the teacher reads the notes, closes with a reflection and approves the story
		signIn(signIn, teacher);
		open(cycle, By.id("close-form"));
		chromium.assertAccessible("the teacher's coaching cycle");
		assertThat(driver.findElement(By.id("observation-list")).getText()).contains("Observation");
		driver.findElement(By.cssSelector("#observation-list a")).click();
		waitFor(By.id("seen-text"));
		assertThat(driver.findElement(By.id("seen-text")).getText()).contains("Six of eight pairs");
		open(cycle, By.id("close-form"));
		type("reflection", "Partner talk showed me who understood the strategy before I asked.");
		driver.findElement(By.id("close-cycle")).click();
		waitFor(By.id("reflection-text"));
		driver.findElement(By.cssSelector("#story-list button[id^=approve-]")).click();
		new WebDriverWait(driver, Chromium.WAIT).ignoring(WebDriverException.class)
			.until(d -> d.findElement(By.id("story-list")).getText().contains("Approved for the staff report"));

		// the principal's month: counts, and no name, goal or note
		signIn(signIn, principal);
		open("/coaching/school", By.id("month"));
		chromium.assertAccessible("the principal's coaching month");
		String month = driver.findElement(By.id("main")).getText();
		assertThat(month).contains("fewer than 5")
			.doesNotContain("Maria Lopez")
			.doesNotContain("explain their thinking")
			.doesNotContain("Six of eight pairs")
			.doesNotContain("Partner talk");

		// the staff report prints with the approved story
		signIn(signIn, coach);
		open("/coaching/report", By.id("report-stories"));
		chromium.assertAccessible("the staff report");
		assertThat(driver.findElement(By.id("report-stories")).getText())
			.contains("Partner talk is now part of every guided reading group.");
		assertThat(driver.findElement(By.id("report-pdf")).getAttribute("href")).contains("/coaching/report.pdf");
		chromium.screenshot("coaching-staff-report");
	}

}
