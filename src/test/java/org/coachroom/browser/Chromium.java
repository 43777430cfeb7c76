package org.coachroom.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and
 * {@code chromium-driver} (or {@code CHROME_BIN} and {@code CHROMEDRIVER}); without them
 * the calling class is skipped. Nothing is downloaded: the driver is passed explicitly,
 * so Selenium Manager never runs. Test classes get one through {@link ChromiumExtension}.
 */
public final class Chromium implements AutoCloseable {

	public static final Duration WAIT = Duration.ofSeconds(15);

	private static final String NO_BROWSER = "No Chromium/chromedriver installed: install Debian's chromium chromium-driver to run browser tests";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa");

	/**
	 * Selenium warns that it has no DevTools (CDP) bindings for this Chromium; these
	 * tests use only WebDriver, so the warning is noise. Held here so the loggers keep
	 * their level.
	 */
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
			Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	private final WebDriver driver;

	private final Path profile;

	private Chromium(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts a browser, or skips the calling test class (saying why) where none is
	 * installed.
	 */
	public static Chromium start(Class<?> testClass) throws IOException {
		return start(testClass, false);
	}

	/**
	 * A browser that, with {@code blockThirdPartyCookies}, keeps no cookie of a site
	 * framed by another site, as Chrome with third-party cookies blocked (district
	 * Chromebooks) and Safari do.
	 */
	public static Chromium start(Class<?> testClass, boolean blockThirdPartyCookies) throws IOException {
		return start(testClass, blockThirdPartyCookies, null);
	}

	/**
	 * A browser whose person reads {@code languages} first (Chrome's language settings,
	 * sent as {@code Accept-Language}), e.g. {@code "es-ES,es"}.
	 */
	public static Chromium inLanguages(Class<?> testClass, String languages) throws IOException {
		return start(testClass, false, languages);
	}

	private static Chromium start(Class<?> testClass, boolean blockThirdPartyCookies, String languages)
			throws IOException {
		File chromium = new File(envOr("CHROME_BIN", "/usr/bin/chromium"));
		File chromedriver = chromedriver();
		if (!chromium.canExecute() || chromedriver == null) {
			// Surefire reports a class skipped in @BeforeAll as "Tests run: 0"; say why
			// on the console too.
			System.err.println("SKIPPED " + testClass.getSimpleName() + ": " + NO_BROWSER + " (looked for " + chromium
					+ " and a chromedriver)");
		}
		Assumptions.assumeTrue(chromium.canExecute() && chromedriver != null, NO_BROWSER);
		System.setProperty("webdriver.chrome.driver", chromedriver.getAbsolutePath());
		QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
		Path profile = Files.createTempDirectory("coachroom-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
		Map<String, Object> prefs = new HashMap<>();
		if (blockThirdPartyCookies) {
			options.addArguments("--test-third-party-cookie-phaseout");
			// the setting a person or an administrator's policy turns on: 1 blocks
			// third-party cookies
			prefs.putAll(Map.of("profile.cookie_controls_mode", 1, "profile.block_third_party_cookies", true));
		}
		if (languages != null) {
			options.addArguments("--lang=" + languages.split(",")[0]);
			prefs.put("intl.accept_languages", languages);
		}
		if (!prefs.isEmpty()) {
			options.setExperimentalOption("prefs", prefs);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Chromium(driver, profile);
	}

	public WebDriver driver() {
		return driver;
	}

	/**
	 * Quits the browser and removes its profile; {@link ChromiumExtension} calls it after
	 * a test class.
	 */
	@Override
	public void close() throws IOException {
		driver.quit();
		try (Stream<Path> paths = Files.walk(profile)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	/**
	 * Saves what the browser shows to target/screenshots/NAME.png, for a person to look
	 * at.
	 */
	public void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	/** axe-core's WCAG 2 A/AA rules on the current page: no violations. */
	public void assertAccessible(String page) {
		Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
		assertThat(results.getErrorMessage()).as("axe run on the %s", page).isNull();
		String report = report(results.getViolations());
		if (!report.isEmpty()) {
			System.out
				.println("axe WCAG 2 A/AA violations on the " + page + " (" + driver.getCurrentUrl() + "):\n" + report);
		}
		assertThat(results.getViolations()).as("axe WCAG 2 A/AA violations on the %s:%n%s", page, report).isEmpty();
	}

	private static String report(List<Rule> violations) {
		return violations.stream()
			.map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n  "
					+ rule.getHelpUrl() + "\n"
					+ rule.getNodes().stream().map(Chromium::describe).collect(Collectors.joining("\n")))
			.collect(Collectors.joining("\n"));
	}

	private static String describe(CheckedNode node) {
		return "    at " + node.getTarget() + ": " + node.getHtml() + "\n      "
				+ String.valueOf(node.getFailureSummary()).replace("\n", "\n      ");
	}

	/**
	 * CHROMEDRIVER, webdriver.chrome.driver, or where Debian's chromium-driver puts it.
	 */
	private static File chromedriver() {
		Stream<String> candidates = Stream.of(System.getenv("CHROMEDRIVER"),
				System.getProperty("webdriver.chrome.driver"), "/usr/bin/chromedriver",
				"/usr/lib/chromium/chromedriver");
		return candidates.filter(c -> c != null && !c.isBlank())
			.map(File::new)
			.filter(File::canExecute)
			.findFirst()
			.orElse(null);
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
