package org.coachroom.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachroom.testsupport.LaunchClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo district without a browser: its front page's launches, followed form by form
 * as the page's script would post them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the demo profile, as ./mvnw spring-boot:run runs it
@ActiveProfiles("demo")
// not tagged "database": the demo runs only on the database it starts itself, never on
// the
// external one
class DemoDistrictTests {

	private static final Pattern ACTION = Pattern.compile("<form method=\"post\"[^>]* action=\"([^\"]+)\"");

	private static final Pattern FIELD = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Test
	void theDistrictAdminIsOnTheFrontPageAndReachesTheCatalogEditingPage() {
		LaunchClient browser = new LaunchClient(base());
		String front = browser.get("/").body();
		assertThat(front).contains("id=\"launch-district-admin\"").contains("Launch as District admin");

		launch(browser, "district-admin");

		LaunchClient.Response home = browser.get("/home");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Lee Morgan");
		LaunchClient.Response editing = browser.get("/pd/catalog/new");
		assertThat(editing.status()).isEqualTo(200);
		assertThat(editing.body()).contains("<form");
		assertThat(browser.get("/pd/catalog").status()).isEqualTo(200);
	}

	@Test
	void theSignedOutPageOfTheDemoLeadsBackToTheDemosFrontPage() {
		LaunchClient browser = new LaunchClient(base());
		launch(browser, "teacher");

		LaunchClient.Response signedOut = browser.post("/lti/sign-out", Map.of("_csrf", browser.csrfFrom("/home")));
		assertThat(signedOut.location()).endsWith("/session-ended?signed-out");
		LaunchClient.Response page = browser.get("/session-ended?signed-out");
		assertThat(page.body()).contains("id=\"back-to-demo\"")
			.contains("href=\"/\"")
			.contains("choose a person on the demo district")
			.doesNotContain("from your course in the LMS");
	}

	/** The front page's launch button, and each auto-submitting form after it. */
	private void launch(LaunchClient browser, String persona) {
		LaunchClient.Response toLogin = browser.get("/demo/launch/" + persona);
		assertThat(toLogin.status()).isEqualTo(200);
		LaunchClient.Response toAuthorize = browser.post(action(toLogin.body()), fields(toLogin.body()));
		assertThat(toAuthorize.status()).as(toAuthorize.body()).isBetween(300, 399);
		// a browser new to Coachroom makes one check that it keeps cookies, as a real one
		// would
		while (toAuthorize.location().contains("/lti/login")) {
			toAuthorize = browser.get(toAuthorize.location());
			assertThat(toAuthorize.status()).as(toAuthorize.body()).isBetween(300, 399);
		}
		LaunchClient.Response toLaunch = browser.get(toAuthorize.location());
		assertThat(toLaunch.status()).as(toLaunch.body()).isEqualTo(200);
		LaunchClient.Response launched = browser.post(action(toLaunch.body()), fields(toLaunch.body()));
		assertThat(launched.status()).as(launched.body()).isEqualTo(200);
		assertThat(launched.landedAt()).isEqualTo("/home");
	}

	private static String action(String page) {
		Matcher m = ACTION.matcher(page);
		assertThat(m.find()).as(page).isTrue();
		return unescape(m.group(1));
	}

	private static Map<String, String> fields(String page) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher m = FIELD.matcher(page);
		while (m.find()) {
			fields.put(unescape(m.group(1)), unescape(m.group(2)));
		}
		return fields;
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
