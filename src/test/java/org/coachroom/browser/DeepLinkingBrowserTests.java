package org.coachroom.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.testsupport.BrowserSignIn;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moodle's "Select content" in headless Chromium: the picker fits Moodle's modal (about
 * 600 to 800 px wide) and a phone without sideways scrolling, and each place button says
 * what it places.
 */
@LaunchTest
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
class DeepLinkingBrowserTests {

	/** Moodle's content selection modal, at its narrowest and widest, and a phone. */
	private static final List<Integer> WIDTHS = List.of(390, 600, 700, 800);

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
	void theContentPickerFitsMoodlesModalAndAPhoneAndEachButtonSaysWhatItPlaces() throws IOException {
		BrowserSignIn signIn = new BrowserSignIn();
		platform = BrowserSignIn.startPlatform(signIn);
		platform.registerWith(registry);
		String course = "dl-" + UUID.randomUUID();
		var coach = new Launcher(port, platform, jdbc).launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR,
				course, "Literacy PD");
		management.create(coach.member(),
				new StudyGroup.Details("Shifting the Balance, grades K-2: six shifts for the reading block",
						"Six shifts", null, StudyGroup.Kind.BOOK_STUDY, null, null, StudyGroup.Visibility.CLOSED,
						new BigDecimal("6"), "clock hours", List.of()),
				new CompletionRule(CompletionRule.Basis.COUNT, 1, false, false, 1, null));
		// the PD catalog is brought in when PD is first opened
		coach.browser().get("/pd");

		signIn.seat(new BrowserSignIn.Seat(coach.member().subject(), "Carla Coach", TestPlatform.INSTRUCTOR, course,
				"Literacy PD"));
		driver.get(signIn.deepLinkingInitiation("http://localhost:" + port, coach.member().subject()));
		new WebDriverWait(driver, Chromium.WAIT)
			.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/deep-linking"));

		List<String> overflows = new ArrayList<>();
		for (int width : WIDTHS) {
			((HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", 700, "deviceScaleFactor", 1, "mobile", false));
			driver.navigate().refresh();
			new WebDriverWait(driver, Chromium.WAIT)
				.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
			long scrollWidth = number("return document.documentElement.scrollWidth");
			long clientWidth = number("return document.documentElement.clientWidth");
			if (scrollWidth > clientWidth) {
				overflows.add(width + " px: " + scrollWidth + " px wide");
				chromium.screenshot("deep-linking-overflow-" + width);
			}
		}
		assertThat(overflows).as("widths with a horizontal scrollbar").isEmpty();

		List<String> names = driver.findElements(By.cssSelector("main button[type=submit]"))
			.stream()
			.map(WebElement::getAccessibleName)
			.toList();
		assertThat(names)
			.contains("Place Shifting the Balance, grades K-2: six shifts for the reading block in the course")
			.contains("Place the PLC team workspace in the course")
			.anyMatch(n -> n.startsWith("Place LETRS") && n.endsWith(" in the course"))
			.doesNotContain("Place in course")
			.doesNotHaveDuplicates();
		chromium.assertAccessible("deep linking picker");
	}

	private long number(String script) {
		return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
	}

}
