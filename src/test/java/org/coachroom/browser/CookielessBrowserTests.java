package org.coachroom.browser;

import java.io.IOException;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.BrowserSignIn;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coachroom inside a course page of another site, in headless Chromium with third-party
 * cookies blocked (a district Chromebook): the LMS at {@code localhost}, Coachroom at
 * {@code 127.0.0.1}, so Coachroom's frame is cross-site and keeps no cookie. The launch
 * still finishes and the person moves from page to page in the frame; with the LMS's
 * postMessage storage ({@code lti_storage_target}), the state goes through that storage.
 * Skipped where no Chromium is installed.
 */
@LaunchTest
@Tag("browser")
class CookielessBrowserTests {

	static final String LEARNER_PAGE = "/course";

	static Chromium chromium;

	static BrowserSignIn signIn = new BrowserSignIn();

	static TestPlatform platform;

	@Autowired
	PlatformRegistry registry;

	@LocalServerPort
	int port;

	WebDriver driver;

	@BeforeAll
	static void start() throws IOException {
		chromium = Chromium.start(CookielessBrowserTests.class, true);
		platform = BrowserSignIn.startPlatform(signIn);
	}

	@AfterAll
	static void stop() throws IOException {
		if (platform != null) {
			platform.close();
		}
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void setUp() {
		platform.registerWith(registry);
		driver = chromium.driver();
	}

	@Test
	void withThirdPartyCookiesBlockedALaunchInACrossSiteFrameFinishesAndThePersonMovesOn() throws IOException {
		signIn.seat(new BrowserSignIn.Seat("81", "Casey Frame", TestPlatform.LEARNER, "c81", "Grade 2 team"));
		openCoursePage("81", false);
		assertSignedInInTheFrame("Casey Frame");
		chromium.screenshot("cookieless-frame");
	}

	@Test
	void withTheLmsPostMessageStorageTheLaunchFinishesInTheFrame() throws IOException {
		signIn.seat(new BrowserSignIn.Seat("82", "Dana Storage", TestPlatform.LEARNER, "c82", "Grade 5 team"));
		openCoursePage("82", true);
		assertSignedInInTheFrame("Dana Storage");
		driver.switchTo().defaultContent();
		assertThat(driver.findElement(By.tagName("body")).getAttribute("data-lti-put_data"))
			.as("the login put the state in the LMS's storage")
			.isEqualTo("yes");
		assertThat(driver.findElement(By.tagName("body")).getAttribute("data-lti-get_data"))
			.as("the launch read it back")
			.isEqualTo("yes");
	}

	@Test
	void whenTheLmsStorageLostTheStateThePageSaysPlainlyToOpenANewWindow() throws IOException {
		signIn.seat(new BrowserSignIn.Seat("83", "Eli Window", TestPlatform.LEARNER, "c83", "Grade 1 team"));
		openCoursePage("83", true, true);
		WebDriverWait wait = new WebDriverWait(driver, Chromium.WAIT);
		wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("storage-failed")));
		assertThat(driver.findElement(By.id("storage-failed")).getText())
			.contains("Your browser does not let Coachroom keep you signed in inside this course page");
		assertThat(driver.findElement(By.cssSelector("#new-window")).getAttribute("target")).isEqualTo("_blank");
		assertThat(driver.findElement(By.cssSelector("#new-window button")).getText())
			.isEqualTo("Open Coachroom in a new window");
		chromium.screenshot("cookieless-new-window");
		chromium.assertAccessible("open in a new window page");

		// the new window is a page of its own: there the browser keeps Coachroom's
		// cookie,
		// so the login binds its state to it. (Over plain http the cookie is SameSite=Lax
		// and the LMS's cross-site form post does not bring it back, so the launch itself
		// finishes only over https, where it is SameSite=None: not shown here.)
		String course = driver.getWindowHandle();
		// axe went back to the course page: into the frame again
		driver.switchTo().defaultContent();
		driver.switchTo().frame("tool");
		driver.findElement(By.cssSelector("#new-window button")).click();
		wait.until(d -> d.getWindowHandles().size() == 2);
		driver.getWindowHandles()
			.stream()
			.filter(handle -> !handle.equals(course))
			.findFirst()
			.ifPresent(handle -> driver.switchTo().window(handle));
		wait.until(ExpectedConditions.urlContains("/lti/launch"));
		assertThat(driver.manage().getCookies()).as("the cookie the frame could not keep")
			.anyMatch(c -> c.getName().equals("coachroom_browser"));
		driver.close();
		driver.switchTo().window(course);
	}

	private void openCoursePage(String sub, boolean storage) {
		openCoursePage(sub, storage, false);
	}

	/**
	 * The LMS's course page (on WireMock, another site) holds Coachroom in a frame that
	 * starts the login, and answers lti.put_data / lti.get_data for it
	 * ({@code forgetful}: it keeps nothing).
	 */
	private void openCoursePage(String sub, boolean storage, boolean forgetful) {
		String tool = "http://127.0.0.1:" + port;
		String login = signIn.loginInitiation(tool, sub) + (storage ? "&lti_storage_target=_parent" : "");
		String page = """
				<!DOCTYPE html><html lang="en"><head><title>Course</title></head><body>
				<h1>Course page</h1>
				<iframe id="tool" name="tool" title="Coachroom" width="1100" height="700" src="%s"></iframe>
				<script>
				var forgetful = %s;
				var store = {};
				window.addEventListener('message', function (event) {
				  var m = event.data;
				  if (!m || typeof m !== 'object') { return; }
				  var own = store[event.origin] = store[event.origin] || {};
				  var reply = { message_id: m.message_id, key: m.key };
				  if (m.subject === 'lti.put_data') {
				    if (!forgetful) { own[m.key] = m.value; }
				    reply.subject = 'lti.put_data.response'; reply.value = m.value;
				  } else if (m.subject === 'lti.get_data') {
				    reply.subject = 'lti.get_data.response';
				    if (m.key in own) { reply.value = own[m.key]; }
				    else { reply.error = { code: 'bad_request', message: 'no value for this key' }; }
				  } else { return; }
				  document.body.setAttribute('data-' + m.subject.replace('.', '-'), 'yes');
				  event.source.postMessage(reply, event.origin);
				});
				</script></body></html>""".formatted(login.replace("&", "&amp;"), forgetful);
		String path = LEARNER_PAGE + sub;
		platform.wireMock()
			.stubFor(get(urlPathEqualTo(path))
				.willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(page)));
		driver.get(platform.issuer() + path);
	}

	/**
	 * The frame's heading names the person; read again while the page is still being
	 * replaced (Chromium then answers that the node left the document).
	 */
	private static void signedIn(WebDriverWait wait, String name) {
		wait.ignoring(WebDriverException.class)
			.until(d -> d.findElement(By.tagName("h1")).getText().contains("Signed in as " + name));
	}

	private void assertSignedInInTheFrame(String name) {
		WebDriverWait wait = new WebDriverWait(driver, Chromium.WAIT);
		wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
		signedIn(wait, name);
		assertThat(((JavascriptExecutor) driver).executeScript("return location.href")).asString()
			.startsWith("http://127.0.0.1:" + port + "/home?coachroom_session=");
		// a link of the page: the session goes on without any cookie
		var before = driver.findElement(By.tagName("h1"));
		driver.findElement(By.cssSelector("a.brand")).click();
		wait.until(ExpectedConditions.stalenessOf(before));
		signedIn(wait, name);
		assertThat(driver.manage().getCookies()).noneMatch(c -> c.getName().contains("coachroom_session"));
	}

}
