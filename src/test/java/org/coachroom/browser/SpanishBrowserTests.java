package org.coachroom.browser;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person whose browser reads Spanish first, in headless Chromium: the front page is in
 * Spanish, the demo LMS launches in it, and the home page it lands on is in Spanish and
 * passes axe's WCAG 2 A/AA checks (the page's declared language among them).
 */
// DemoLaunchBrowserTests' context, so the suite starts no other
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "coachroom.time-zone=America/Denver")
@ActiveProfiles("demo")
@Tag("browser")
class SpanishBrowserTests {

	static Chromium chromium;

	@LocalServerPort
	int port;

	@BeforeAll
	static void browser() throws IOException {
		chromium = Chromium.inLanguages(SpanishBrowserTests.class, "es-ES,es");
	}

	@AfterAll
	static void quit() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aSpanishReadingTeacherGetsTheFrontPageAndTheirHomeInSpanish() throws IOException {
		WebDriver driver = chromium.driver();
		String base = "http://localhost:" + port;
		driver.get(base + "/");
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
		assertThat(driver.findElement(By.id("launch-teacher")).getText()).startsWith("Abrir como");

		driver.findElement(By.id("launch-teacher")).click();
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.urlToBe(base + "/home"));

		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Con sesión iniciada como Maria Lopez");
		assertThat(driver.findElement(By.id("current-role")).getText()).isEqualTo("Docente");
		chromium.screenshot("teacher-es");
		chromium.assertAccessible("Spanish teacher home page");
	}

}
