package org.coachroom.lti;

import java.util.Map;

import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coachroom speaks the language the person chose in their LMS, which the launch brings;
 * before any launch, the browser's; English when it speaks neither.
 */
@LaunchTest
class PageLanguageTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	LaunchClient browser;

	@BeforeAll
	static void startPlatform() {
		platform = TestPlatform.start();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void register() {
		platform.registerWith(registry);
		browser = new LaunchClient("http://localhost:" + port);
	}

	@Test
	void aLaunchFromAnLmsSetToSpanishShowsCoachroomInSpanishOnEveryPage() {
		LaunchClient.Response landed = launchIn("es_mx");

		assertThat(landed.status()).isEqualTo(200);
		assertThat(landed.body()).contains("<html lang=\"es\"")
			.contains("sesión iniciada como Terry Teacher")
			.doesNotContain("Signed in as");
		LaunchClient.Response later = browser.get("/home");
		assertThat(later.body()).contains("<html lang=\"es\"").contains("sesión iniciada como Terry Teacher");
	}

	@Test
	void aPageThatDoesNotExistAnswersInTheLaunchsLanguage() {
		launchIn("es");

		LaunchClient.Response missing = browser.getInLanguage("/no-such-page", "en-US,en;q=0.9");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("<html lang=\"es\"").doesNotContain("Something went wrong");
	}

	@Test
	void theLmsLanguageWinsOverTheBrowsers() {
		launchIn("en");

		LaunchClient.Response home = browser.getInLanguage("/home", "es-ES,es;q=0.9");
		assertThat(home.body()).contains("<html lang=\"en\"").contains("Signed in as Terry Teacher");
	}

	@Test
	void aLanguageCoachroomDoesNotSpeakGivesEnglish() {
		LaunchClient.Response landed = launchIn("fr_ca");

		assertThat(landed.body()).contains("<html lang=\"en\"").contains("Signed in as Terry Teacher");
	}

	@Test
	void beforeAnyLaunchThePageFollowsTheBrowser() {
		LaunchClient.Response spanish = browser.getInLanguage("/", "es-419,es;q=0.9,en;q=0.5");
		assertThat(spanish.body()).contains("<html lang=\"es\"").contains("Docentes, coaches");

		LaunchClient.Response german = browser.getInLanguage("/", "de-DE,de;q=0.9,en;q=0.5");
		assertThat(german.body()).contains("<html lang=\"en\"").contains("Teachers, coaches");

		assertThat(browser.get("/").body()).contains("<html lang=\"en\"");
	}

	@Test
	void anAbsurdLanguageTagIsIgnored() {
		LaunchClient.Response landed = launchIn("es" + "-x".repeat(200));

		assertThat(landed.status()).isEqualTo(200);
		assertThat(landed.body()).contains("<html lang=\"en\"");
	}

	private LaunchClient.Response launchIn(String locale) {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		var claims = platform.launchClaims(auth.nonce(), "3", TestPlatform.INSTRUCTOR)
			.claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
					Map.of("locale", locale, "document_target", "iframe"))
			.build();
		return browser.launch(platform.sign(claims), auth.state());
	}

}
