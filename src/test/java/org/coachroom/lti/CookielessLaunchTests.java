package org.coachroom.lti;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers that refuse Coachroom's cookie inside the LMS's frame (Safari, Chromebooks
 * with third-party cookies blocked) still finish the launch and use Coachroom there: the
 * session travels as a short-lived URL token on each link and form. Each rule also tries
 * to break it: a token from elsewhere, replayed, expired or replaced opens nothing, and a
 * cookie's session never opens through a URL.
 */
@LaunchTest
@ExtendWith(OutputCaptureExtension.class)
class CookielessLaunchTests {

	static final Pattern TOKEN = Pattern.compile("coachroom_session=([A-Za-z0-9_-]{43})");

	static TestPlatform platform;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@BeforeAll
	static void start() {
		platform = TestPlatform.start();
	}

	@AfterAll
	static void stop() {
		platform.close();
	}

	@BeforeEach
	void register() {
		platform.registerWith(registry);
	}

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void aBrowserThatRefusesCookiesFinishesTheLaunchReachesItsPageAndSubmitsAForm() {
		LaunchClient browser = LaunchClient.refusingCookies(base());
		String landing = cookielessLaunch(browser, "61");
		assertThat(landing).startsWith("/home?coachroom_session=");

		LaunchClient.Response home = browser.get(landing);
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Terry Teacher");
		// every link and form of the page carries the session on; the style sheet does
		// not
		assertThat(home.body()).containsPattern("href=\"/home\\?coachroom_session=[A-Za-z0-9_-]{43}\"")
			.containsPattern("action=\"/lti/sign-out\\?coachroom_session=[A-Za-z0-9_-]{43}\"")
			.doesNotContainPattern("/css/[^\"]*coachroom_session");
		assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

		// a form of their own: the PD profile, saved and shown again
		LaunchClient.Response pd = browser.get(formAction(home.body().replace("href=", "action="), "/pd"));
		assertThat(pd.status()).isEqualTo(200);
		LaunchClient.Response saved = browser.post(formAction(pd.body(), "/pd/profile"),
				Map.of("_csrf", csrf(pd.body()), "schoolLevel", "ELEMENTARY", "roleStartedOn", "2020-08-15"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).contains("/pd?coachroom_session=");
		assertThat(browser.get(saved.location()).body()).contains("value=\"2020-08-15\"")
			.as("the message after the redirect, though the HTTP session's cookie is refused too")
			.contains("Saved. Your programs and deadlines follow from it.");

		String action = formAction(home.body(), "/lti/sign-out");
		String csrf = csrf(home.body());
		assertThat(browser.post(action, Map.of()).status()).as("a form without the CSRF token").isEqualTo(403);
		LaunchClient.Response signedOut = browser.post(action, Map.of("_csrf", csrf));
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.location()).contains("/session-ended?signed-out");
		assertThat(browser.get(landing).status()).as("the session ended with the form").isEqualTo(401);
	}

	@Test
	void thePersonMovesFromPageToPageInsideTheFrame() {
		LaunchClient browser = LaunchClient.refusingCookies(base());
		LaunchClient.Response home = browser.get(cookielessLaunch(browser, "62"));
		// a GET form drops its action's query: forms carry the token as a hidden field
		// too
		assertThat(home.body()).containsPattern("name=\"coachroom_session\" value=\"[A-Za-z0-9_-]{43}\"");
		LaunchClient.Response next = browser.get(firstLink(home.body()));
		assertThat(next.status()).isEqualTo(200);
		assertThat(TOKEN.matcher(next.body()).find()).isTrue();
	}

	@Test
	void aUrlTokenNeverOpensASessionThatACookieOpened() {
		LaunchClient withCookies = new LaunchClient(base());
		LaunchClient.AuthRequest auth = withCookies.login(platform, "63");
		assertThat(withCookies
			.launch(platform.sign(platform.launchClaims(auth.nonce(), "63", TestPlatform.LEARNER).build()),
					auth.state())
			.landedAt()).doesNotContain("coachroom_session=");
		String stolen = withCookies.cookie("coachroom_session");
		assertThat(withCookies.get("/home").status()).isEqualTo(200);

		LaunchClient thief = LaunchClient.refusingCookies(base());
		String own = token(cookielessLaunch(thief, "63"));
		assertThat(thief.get("/home?coachroom_session=" + own).status()).as("a cookie-less session's own token")
			.isEqualTo(200);
		assertThat(thief.get("/home?coachroom_session=" + stolen).status()).isEqualTo(401);
	}

	@Test
	void aCookielessSessionNeverOpensThroughACookie() {
		LaunchClient browser = LaunchClient.refusingCookies(base());
		String token = token(cookielessLaunch(browser, "64"));
		assertThat(status("/home", "coachroom_session=" + token, null)).isEqualTo(401);
	}

	@Test
	void aReplayedOrForeignSessionTokenIsRefused() {
		LaunchClient browser = LaunchClient.refusingCookies(base());
		String token = token(cookielessLaunch(browser, "65"));
		assertThat(browser.get("/home?coachroom_session=" + token).status()).isEqualTo(200);

		// made up, or another browser's copy of the link
		assertThat(browser.get("/home?coachroom_session=" + "A".repeat(43)).status()).isEqualTo(401);
		assertThat(status("/home?coachroom_session=" + token, null, "Mozilla/5.0 (another browser)")).isEqualTo(401);

		// another launch's session ended: its token is dead, the other session's lives
		LaunchClient other = LaunchClient.refusingCookies(base());
		String otherToken = token(cookielessLaunch(other, "66"));
		LaunchClient.Response otherHome = other.get("/home?coachroom_session=" + otherToken);
		other.post(formAction(otherHome.body(), "/lti/sign-out"), Map.of("_csrf", csrf(otherHome.body())));
		assertThat(other.get("/home?coachroom_session=" + otherToken).status()).isEqualTo(401);
		assertThat(browser.get("/home?coachroom_session=" + token).status()).isEqualTo(200);

		// expired
		jdbc.sql("UPDATE lti_url_token SET expires_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), hash(token))
			.update();
		LaunchClient.Response expired = browser.get("/home?coachroom_session=" + token);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.headers().firstValue("Content-Security-Policy").orElseThrow())
			.as("the LMS whose session ended may show the page asking to open Coachroom again")
			.startsWith("frame-ancestors 'self' " + platform.issuer() + ";");
	}

	@Test
	void aTokenIsReplacedAfterAWhileAndTheReplacedOneStopsWorkingAfterAShortGrace() {
		LaunchClient browser = LaunchClient.refusingCookies(base());
		String first = token(cookielessLaunch(browser, "67"));
		jdbc.sql("UPDATE lti_url_token SET created_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(180)), hash(first))
			.update();

		LaunchClient.Response page = browser.get("/home?coachroom_session=" + first);
		assertThat(page.status()).isEqualTo(200);
		Matcher carried = TOKEN.matcher(page.body());
		assertThat(carried.find()).isTrue();
		String second = carried.group(1);
		assertThat(second).as("the page's links carry a new token").isNotEqualTo(first);
		assertThat(browser.get("/home?coachroom_session=" + second).status()).isEqualTo(200);

		Timestamp graceEnds = jdbc.sql("SELECT expires_at FROM lti_url_token WHERE token_hash = ?")
			.param(hash(first))
			.query(Timestamp.class)
			.single();
		assertThat(graceEnds.toInstant()).isBefore(Instant.now().plusSeconds(31));
		jdbc.sql("UPDATE lti_url_token SET expires_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), hash(first))
			.update();
		assertThat(browser.get("/home?coachroom_session=" + first).status()).isEqualTo(401);
		assertThat(browser.get("/home?coachroom_session=" + second).status()).isEqualTo(200);
	}

	@Test
	void theTokenNeverAppearsInTheLogs(CapturedOutput output) {
		LaunchClient browser = LaunchClient.refusingCookies(base());
		String token = token(cookielessLaunch(browser, "68"));
		browser.get("/home?coachroom_session=" + token);
		browser.get("/no-such-page?coachroom_session=" + token);
		browser.post("/lti/sign-out?coachroom_session=" + token, Map.of("_csrf", "forged"));
		browser.launch("not-a-token", "state-" + token);
		jdbc.sql("UPDATE lti_url_token SET expires_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), hash(token))
			.update();
		browser.get("/home?coachroom_session=" + token);
		assertThat(output.getAll()).contains("Launch accepted").doesNotContain(token);
	}

	@Test
	void aCookieBoundLoginStillCannotBeFinishedByABrowserThatDidNotStartIt() {
		LaunchClient starter = LaunchClient.framed(base());
		LaunchClient.AuthRequest auth = starter.login(platform, "69");
		LaunchClient stranger = LaunchClient.refusingCookies(base());
		LaunchClient.Response refused = stranger.launch(
				platform.sign(platform.launchClaims(auth.nonce(), "69", TestPlatform.LEARNER).build()), auth.state());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.refusalCode()).isEqualTo("state-other-browser");
		// while the same browser finishes a login it started itself
		assertThat(cookielessLaunch(stranger, "69")).contains("coachroom_session=");
	}

	@Test
	void aCookielessLoginFinishedFromAnotherBrowserSaysToOpenANewWindowAndOpensNothing() {
		LaunchClient browser = LaunchClient.refusingCookies(base());
		LaunchClient.AuthRequest auth = cookielessLogin(browser, "70", Map.of());
		LaunchClient.Response elsewhere = post("/lti/launch",
				Map.of("id_token",
						platform.sign(platform.launchClaims(auth.nonce(), "70", TestPlatform.LEARNER).build()), "state",
						auth.state()),
				"Mozilla/5.0 (another browser)");
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.body()).contains("Open Coachroom in a new window")
			.contains("target=\"_blank\"")
			.contains("name=\"login_hint\" value=\"70\"")
			.doesNotContain("coachroom_session=");
		assertThat(browser
			.launch(platform.sign(platform.launchClaims(auth.nonce(), "70", TestPlatform.LEARNER).build()),
					auth.state())
			.status()).as("the state was burnt").isEqualTo(400);
	}

	@Test
	void withPlatformStorageTheLaunchReadsTheStateBackFromTheLmsAndChecksIt() {
		LaunchClient browser = LaunchClient.refusingCookies(base());
		Map<String, String> form = loginForm("71");
		form.put("lti_storage_target", "_parent");
		LaunchClient.Response login = browser.post("/lti/login", form);
		assertThat(login.status()).as("no extra hop: the page puts the state in the LMS's storage").isEqualTo(200);
		assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
			.startsWith("frame-ancestors 'self' " + platform.issuer() + ";")
			.contains("script-src 'self'");
		assertThat(login.body()).contains("data-mode=\"put\"")
			.contains("data-platform-origin=\"" + platform.issuer() + "\"")
			.contains("src=\"/js/lti-storage.js\"")
			.doesNotContain("<script>");
		String next = attribute(login.body(), "data-next");
		Map<String, String> auth = query(next);
		assertThat(attribute(login.body(), "data-state")).isEqualTo(auth.get("state"));

		String idToken = platform.sign(platform.launchClaims(auth.get("nonce"), "71", TestPlatform.LEARNER).build());
		LaunchClient.Response ask = browser.launch(idToken, auth.get("state"));
		assertThat(ask.status()).isEqualTo(200);
		assertThat(ask.body()).contains("data-mode=\"get\"").contains("name=\"lti_storage_state\"");

		Map<String, String> wrong = new LinkedHashMap<>(
				Map.of("id_token", idToken, "state", auth.get("state"), "lti_storage_state", "A".repeat(43)));
		assertThat(browser.post("/lti/launch", wrong).status()).as("storage held another state").isEqualTo(403);

		LaunchClient second = LaunchClient.refusingCookies(base());
		LaunchClient.Response again = second.post("/lti/login", form);
		Map<String, String> auth2 = query(attribute(again.body(), "data-next"));
		String idToken2 = platform.sign(platform.launchClaims(auth2.get("nonce"), "71", TestPlatform.LEARNER).build());
		LaunchClient.Response done = second.post("/lti/launch",
				Map.of("id_token", idToken2, "state", auth2.get("state"), "lti_storage_state", auth2.get("state")));
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).startsWith("/home?coachroom_session=");
		assertThat(second.get(done.location()).status()).isEqualTo(200);
		assertThat(second
			.post("/lti/launch",
					Map.of("id_token", idToken2, "state", auth2.get("state"), "lti_storage_state", auth2.get("state")))
			.status()).as("single use").isEqualTo(400);
	}

	@Test
	void aNewBrowserInAWindowOfItsOwnGoesStraightToTheLmsAndItsCookieBindsTheState() {
		LaunchClient window = new LaunchClient(base());
		LaunchClient.Response login = window.post("/lti/login", loginForm("72"));
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.location()).as("no cookie check outside a frame").startsWith(platform.authorizationEndpoint());
		Map<String, String> auth = query(login.location());
		String idToken = platform.sign(platform.launchClaims(auth.get("nonce"), "72", TestPlatform.LEARNER).build());

		LaunchClient stranger = LaunchClient.refusingCookies(base());
		LaunchClient.Response elsewhere = stranger.launch(idToken, auth.get("state"));
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.body()).contains("Signing you in another way")
			.contains("name=\"coachroom_cookie_check\" value=\"1\"")
			.contains("name=\"login_hint\" value=\"72\"");
		assertThat(elsewhere.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("coachroom_session"));
		assertThat(window.launch(idToken, auth.get("state")).status()).as("the state was burnt").isEqualTo(400);

		LaunchClient.Response again = window.post("/lti/login", loginForm("72"));
		Map<String, String> auth2 = query(again.location());
		LaunchClient.Response launched = window.launch(
				platform.sign(platform.launchClaims(auth2.get("nonce"), "72", TestPlatform.LEARNER).build()),
				auth2.get("state"));
		assertThat(launched.status()).isEqualTo(200);
		assertThat(launched.landedAt()).isEqualTo("/home");
		assertThat(launched.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("coachroom_session="));
	}

	@Test
	void aBrowserThatRefusesEvenItsOwnWindowsCookieIsSentRoundOnceMoreAndSignedInWithoutIt() {
		LaunchClient browser = LaunchClient.refusingCookiesInAWindow(base());
		LaunchClient.Response login = browser.post("/lti/login", loginForm("73"));
		assertThat(login.location()).startsWith(platform.authorizationEndpoint());
		Map<String, String> auth = query(login.location());
		LaunchClient.Response retry = browser.launch(
				platform.sign(platform.launchClaims(auth.get("nonce"), "73", TestPlatform.LEARNER).build()),
				auth.get("state"));
		assertThat(retry.status()).isEqualTo(403);
		assertThat(retry.body()).contains("id=\"autosubmit\"").contains("src=\"/js/autosubmit.js\"");
		// what the page's form (sent by its script) asks for: the login again, checked
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher field = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
			.matcher(retry.body());
		while (field.find()) {
			fields.put(field.group(1), HtmlUtils.htmlUnescape(field.group(2)));
		}
		assertThat(fields).containsEntry("coachroom_cookie_check", "1").containsEntry("login_hint", "73");
		LaunchClient.Response checked = browser.post("/lti/login", fields);
		assertThat(checked.location()).startsWith(platform.authorizationEndpoint());
		Map<String, String> auth2 = query(checked.location());
		LaunchClient.Response launched = browser.launch(
				platform.sign(platform.launchClaims(auth2.get("nonce"), "73", TestPlatform.LEARNER).build()),
				auth2.get("state"));
		assertThat(launched.status()).as(launched.body()).isEqualTo(302);
		assertThat(launched.location()).startsWith("/home?coachroom_session=");
		assertThat(browser.get(launched.location()).status()).isEqualTo(200);
	}

	@Test
	void aBrowserThatDoesNotSayWhereItIsButCameFromTheLmsPageIsCheckedFirst() {
		// Safari before 16.4 sends no Fetch Metadata; inside Moodle's frame its login
		// comes
		// with Moodle's page as Referer, and Moodle's message hint cannot be used twice
		LaunchClient.Response login = post("/lti/login", loginForm("74"), "Mozilla/5.0 (iPad) Safari/605.1.15",
				platform.issuer() + "/");
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.location()).startsWith(base() + "/lti/login?").contains("coachroom_cookie_check=1");
		LaunchClient.Response direct = post("/lti/login", loginForm("74"), "Mozilla/5.0 (iPad) Safari/605.1.15", null);
		assertThat(direct.location()).as("no page sent it: a window of its own")
			.startsWith(platform.authorizationEndpoint());
	}

	@Test
	void aNewCookieBoundLoginIsRefusedToABrowserWithAnotherCookie() {
		LaunchClient window = new LaunchClient(base());
		LaunchClient.Response login = window.post("/lti/login", loginForm("75"));
		Map<String, String> auth = query(login.location());
		LaunchClient other = new LaunchClient(base());
		// the other browser has a cookie of its own from a login it started
		other.post("/lti/login", loginForm("75"));
		LaunchClient.Response refused = other.launch(
				platform.sign(platform.launchClaims(auth.get("nonce"), "75", TestPlatform.LEARNER).build()),
				auth.get("state"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.refusalCode()).isEqualTo("state-other-browser");
		assertThat(refused.body()).doesNotContain("coachroom_cookie_check");
		assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("coachroom_session"));
	}

	/** Login (with the one redirect that shows the cookie is refused) and launch. */
	private String cookielessLaunch(LaunchClient browser, String sub) {
		LaunchClient.AuthRequest auth = cookielessLogin(browser, sub, Map.of());
		LaunchClient.Response launched = browser.launch(
				platform.sign(platform.launchClaims(auth.nonce(), sub, TestPlatform.LEARNER).build()), auth.state());
		assertThat(launched.status()).as(launched.body()).isEqualTo(302);
		assertThat(launched.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("coachroom_session"));
		return launched.location();
	}

	private LaunchClient.AuthRequest cookielessLogin(LaunchClient browser, String sub, Map<String, String> extra) {
		Map<String, String> form = loginForm(sub);
		form.putAll(extra);
		LaunchClient.Response first = browser.post("/lti/login", form);
		assertThat(first.status()).isEqualTo(302);
		assertThat(first.location()).as("the browser came without the cookie: checked once")
			.startsWith(base() + "/lti/login?")
			.contains("coachroom_cookie_check=1");
		LaunchClient.Response second = browser.get(first.location());
		assertThat(second.status()).isEqualTo(302);
		assertThat(second.location()).startsWith(platform.authorizationEndpoint());
		return new LaunchClient.AuthRequest(second.location(), query(second.location()));
	}

	private Map<String, String> loginForm(String sub) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("iss", platform.issuer());
		form.put("target_link_uri", base() + "/lti/launch");
		form.put("login_hint", sub);
		form.put("client_id", platform.clientId());
		form.put("lti_deployment_id", platform.deploymentId());
		return form;
	}

	private static String token(String url) {
		Matcher m = TOKEN.matcher(url);
		assertThat(m.find()).as(url).isTrue();
		return m.group(1);
	}

	private static String formAction(String page, String path) {
		Matcher m = Pattern.compile("action=\"(" + Pattern.quote(path) + "[^\"]*)\"").matcher(page);
		assertThat(m.find()).as("a form to " + path).isTrue();
		return m.group(1).replace("&amp;", "&");
	}

	private static String firstLink(String page) {
		Matcher m = Pattern.compile("href=\"(/[a-z][^\"]*coachroom_session=[^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		return m.group(1).replace("&amp;", "&");
	}

	private static String csrf(String page) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private static String attribute(String page, String name) {
		Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
		assertThat(m.find()).as(name).isTrue();
		return m.group(1).replace("&amp;", "&");
	}

	private static Map<String, String> query(String url) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : URI.create(url).getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	private static String hash(String token) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** A GET with a cookie header or a User-Agent of its own. */
	private int status(String path, String cookie, String userAgent) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		if (userAgent != null) {
			request.header("User-Agent", userAgent);
		}
		try {
			return HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private LaunchClient.Response post(String path, Map<String, String> form, String userAgent) {
		return post(path, form, userAgent, null);
	}

	private LaunchClient.Response post(String path, Map<String, String> form, String userAgent, String referer) {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.reduce((a, b) -> a + "&" + b)
			.orElse("");
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(withReferer(HttpRequest.newBuilder(URI.create(base() + path))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("User-Agent", userAgent), referer).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
						HttpResponse.BodyHandlers.ofString());
			return new LaunchClient.Response(response.statusCode(),
					response.headers().firstValue("Location").orElse(null), response.body(), response.headers());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static HttpRequest.Builder withReferer(HttpRequest.Builder request, String referer) {
		return referer == null ? request : request.header("Referer", referer);
	}

}
