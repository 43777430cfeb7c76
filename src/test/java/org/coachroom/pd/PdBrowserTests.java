package org.coachroom.pd;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachroom.browser.Chromium;
import org.coachroom.browser.ChromiumExtension;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.pd.catalog.AssignmentRule;
import org.coachroom.pd.catalog.Audience;
import org.coachroom.pd.catalog.Obligation;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.catalog.Requirement;
import org.coachroom.pd.catalog.RequirementKind;
import org.coachroom.pd.catalog.StarterCatalog;
import org.coachroom.pd.tracking.Standings;
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
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PD in headless Chromium, launched from the WireMock Moodle: a teacher records a LETRS
 * unit and uploads a certificate; HR verifies it and sees the teacher move from due soon
 * to complete. The district's LETRS is cut to those two requirements (programs are data),
 * so the walk stays short.
 */
@LaunchTest
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
class PdBrowserTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	Chromium chromium;

	WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Programs programs;

	@Autowired
	StarterCatalog catalog;

	@Autowired
	Standings standings;

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

	private void waitFor(By element) {
		new WebDriverWait(driver, Chromium.WAIT).until(ExpectedConditions.presenceOfElementLocated(element));
	}

	@Test
	void aTeacherRecordsAUnitAndUploadsACertificateAndHrVerifiesItToComplete() throws IOException {
		BrowserSignIn signIn = new BrowserSignIn();
		platform = BrowserSignIn.startPlatform(signIn);
		long tenant = platform.registerWith(registry, Map.of(), "coachroom_role").tenants().get(0).value();
		String course = "pd-" + UUID.randomUUID();
		String teacherSub = "t-" + course;
		String hrSub = "hr-" + course;
		signIn.seat(new BrowserSignIn.Seat(teacherSub, "Maria Lopez", TestPlatform.LEARNER, course, "Lincoln PD"));
		signIn.seat(new BrowserSignIn.Seat(hrSub, "Helen HR", ADMINISTRATOR, course, "Lincoln PD",
				Map.of("coachroom_role", "HR")));

		// this district's LETRS, edited to a unit and a certificate, and required of its
		// elementary teachers
		// (recommended, it would have no deadline to be due soon for)
		catalog.ensureImported(tenant);
		Program letrs = programs.findByTenantIdAndCode(tenant, "letrs").orElseThrow();
		letrs.redefine(new Program.Definition("letrs", letrs.getTitle(), letrs.getDescription(), letrs.getDeadline(),
				List.of(new Requirement("u1-assessment", "Unit 1 assessment", "Volume 1", RequirementKind.UNIT,
						new BigDecimal("80"), 2, null, null, false),
						new Requirement("certificate", "LETRS Volume 1 certificate", "Volume 1",
								RequirementKind.EVIDENCE, null, 0, null, null, false)),
				List.of(new AssignmentRule(Obligation.REQUIRED, Audience.TEACHER, SchoolLevel.ELEMENTARY, null))),
				Instant.now());
		programs.save(letrs);

		// the teacher: elementary, in the role for almost three years, so LETRS is due in
		// ten days
		signIn(signIn, teacherSub);
		driver.get(base() + "/pd");
		new Select(driver.findElement(By.id("schoolLevel"))).selectByValue("ELEMENTARY");
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
				driver.findElement(By.id("roleStartedOn")), LocalDate.now().minusYears(3).plusDays(10).toString());
		driver.findElement(By.id("save-profile")).click();
		waitFor(By.id("program-letrs"));
		assertThat(driver.findElement(By.id("program-letrs")).getText()).contains("Due soon").contains("10 days left");
		chromium.assertAccessible("your PD");

		driver.findElement(By.cssSelector("#program-letrs a")).click();
		waitFor(By.id("requirements"));
		driver.findElement(By.id("score-u1-assessment")).sendKeys("85");
		driver.findElement(By.id("record-u1-assessment")).click();
		waitFor(By.cssSelector("p.flash"));
		assertThat(driver.findElement(By.id("req-u1-assessment")).getText()).contains("Met").contains("Mastery");

		Path certificate = Files.createTempFile("letrs-certificate", ".pdf");
		Files.write(certificate, "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes());
		driver.findElement(By.id("file-certificate")).sendKeys(certificate.toAbsolutePath().toString());
		driver.findElement(By.id("upload-certificate")).click();
		// the page before the upload has a flash of its own: wait for the new page's row
		new WebDriverWait(driver, Chromium.WAIT).ignoring(WebDriverException.class)
			.until(d -> d.findElement(By.id("req-certificate")).getText().contains("Waiting for verification"));
		chromium.assertAccessible("a program's page");
		chromium.screenshot("pd-program-teacher");

		// HR: the teacher is due soon; HR verifies the certificate; the teacher is
		// complete
		signIn(signIn, hrSub);
		driver.get(base() + "/pd/compliance?program=letrs");
		waitFor(By.id("compliance-rows"));
		assertThat(driver.findElement(By.xpath("//tr[th/a[normalize-space()='Maria Lopez']]"))
			.getAttribute("data-standing")).isEqualTo("DUE_SOON");
		chromium.assertAccessible("compliance view");

		driver.get(base() + "/pd/evidence");
		waitFor(By.id("review-queue"));
		chromium.assertAccessible("evidence to review");
		driver.findElement(By.xpath("//tr[td[normalize-space()='Maria Lopez']]//button[@value='verify']")).click();
		waitFor(By.id("review-empty"));

		driver.get(base() + "/pd/compliance?program=letrs");
		waitFor(By.id("compliance-rows"));
		assertThat(driver.findElement(By.xpath("//tr[th/a[normalize-space()='Maria Lopez']]"))
			.getAttribute("data-standing")).isEqualTo("COMPLETE");
		chromium.screenshot("pd-compliance-hr");
		Files.deleteIfExists(certificate);
	}

	@Test
	void aDistrictAdminEditsAProgramInTheCatalogAndAMistakeComesBackOnItsField() throws IOException {
		BrowserSignIn signIn = new BrowserSignIn();
		platform = BrowserSignIn.startPlatform(signIn);
		platform.registerWith(registry, Map.of(), "coachroom_role");
		String course = "catalog-" + UUID.randomUUID();
		String adminSub = "admin-" + course;
		signIn.seat(new BrowserSignIn.Seat(adminSub, "Ada Admin", ADMINISTRATOR, course, "District office"));

		signIn(signIn, adminSub);
		driver.findElement(By.id("catalog-link")).click();
		waitFor(By.id("catalog"));
		chromium.assertAccessible("program catalog");
		driver.findElement(By.cssSelector("#program-esl-endorsement a")).click();
		waitFor(By.id("program-form"));
		chromium.assertAccessible("program editor");

		// a mistake: a new hours requirement without hours
		int row = driver.findElements(By.cssSelector("#requirement-rows tbody tr")).size() - 3;
		driver.findElement(By.id("requirements" + row + ".title")).sendKeys("Practicum hours");
		new Select(driver.findElement(By.id("requirements" + row + ".kind"))).selectByValue("HOURS");
		driver.findElement(By.id("save-program")).click();
		waitFor(By.id("form-errors"));
		assertThat(driver.findElement(By.id("requirements" + row + ".hours")).getAttribute("aria-invalid"))
			.isEqualTo("true");
		assertThat(driver.findElement(By.id("requirement-row-" + row)).getText()).contains("needs hours above 0");
		chromium.assertAccessible("program editor with errors");

		driver.findElement(By.id("requirements" + row + ".hours")).sendKeys("30");
		driver.findElement(By.cssSelector("#requirement-row-" + row + " input[name$='.hoursUnit']"))
			.sendKeys("clock hours");
		WebElement title = driver.findElement(By.id("title"));
		title.clear();
		title.sendKeys("ESL endorsement (with practicum)");
		driver.findElement(By.id("save-program")).click();
		waitFor(By.id("catalog-message"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("ESL endorsement (with practicum)");
		assertThat(driver.findElement(By.id("requirement-rows")).getText()).contains("practicum-hours");
		chromium.screenshot("pd-catalog-editor");
	}

}
