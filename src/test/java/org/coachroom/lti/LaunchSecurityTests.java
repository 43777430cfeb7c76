package org.coachroom.lti;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, expired, replayed and malformed launches are refused with a 4xx page that names
 * the reason, and never reach a session.
 */
@LaunchTest
class LaunchSecurityTests {

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
	void acceptsMoodleShapedLaunchAndLandsOnHome() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		assertThat(auth.location()).startsWith(platform.authorizationEndpoint() + "?");
		assertThat(auth.params()).containsEntry("scope", "openid")
			.containsEntry("response_type", "id_token")
			.containsEntry("response_mode", "form_post")
			.containsEntry("prompt", "none")
			.containsEntry("client_id", platform.clientId())
			.containsEntry("redirect_uri", "http://localhost:" + port + "/lti/launch")
			.containsEntry("login_hint", "3")
			.containsEntry("lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_2109032727\"}");

		LaunchClient.Response launch = browser.launch(
				platform.sign(platform.launchClaims(auth.nonce(), "3", TestPlatform.INSTRUCTOR).build()), auth.state());
		assertThat(launch.status()).isEqualTo(200);
		assertThat(launch.landedAt()).isEqualTo("/home");
		assertThat(launch.body()).contains("Signed in as Terry Teacher").contains("LTI 101 (LTI101)");

		LaunchClient.Response home = browser.get("/home");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Signed in as Terry Teacher").contains("LTI 101 (LTI101)").contains("Coach");
	}

	@Test
	void rejectsWrongSignature() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		RSAKey impostor = TestPlatform.newKey();
		String token = TestPlatform.sign(claims(auth).build(), impostor, platform.key().getKeyID());
		assertRefused(browser.launch(token, auth.state()), 401, "token-signature");
	}

	@Test
	void rejectsAlgNone() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = new PlainJWT(claims(auth).build()).serialize();
		assertRefused(browser.launch(token, auth.state()), 401, "token-algorithm");
	}

	@Test
	void rejectsHs256SignedWithThePlatformsPublicKey() throws Exception {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		// The classic confusion attack: HMAC keyed with the RSA public key a verifier
		// might misuse.
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(platform.key().getKeyID()).build(),
				claims(auth).build());
		jwt.sign(new MACSigner(platform.key().toRSAPublicKey().getEncoded()));
		assertRefused(browser.launch(jwt.serialize(), auth.state()), 401, "token-algorithm");
	}

	@Test
	void rejectsUnknownKid() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		RSAKey unpublished = TestPlatform.newKey();
		String token = TestPlatform.sign(claims(auth).build(), unpublished, unpublished.getKeyID());
		assertRefused(browser.launch(token, auth.state()), 401, "token-key-unknown");
	}

	@Test
	void rejectsATokenThatNamesNoKeyEvenWhenSignedByThePlatformsKey() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = TestPlatform.sign(claims(auth).build(), platform.key(), null);
		assertRefused(browser.launch(token, auth.state()), 401, "token-key-unknown");
	}

	@Test
	void aLoginForATargetOffThisCoachroomIsRefusedNotPassedOnToThePlatform() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("iss", platform.issuer());
		form.put("login_hint", "3");
		form.put("target_link_uri", "https://evil.example/phish");
		form.put("client_id", platform.clientId());
		LaunchClient.Response response = browser.post("/lti/login", form);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.location()).isNull();
		assertThat(response.refusalCode()).isEqualTo("login-target-elsewhere");
	}

	@Test
	void oneAddressStartingLoginsFasterThanAnySchoolWouldIsTurnedAwayOthersAreNot() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String body = "iss=" + URLEncoder.encode(platform.issuer(), StandardCharsets.UTF_8) + "&login_hint=3&client_id="
				+ platform.clientId() + "&target_link_uri="
				+ URLEncoder.encode("http://localhost:" + port + "/lti/launch", StandardCharsets.UTF_8);
		Function<String, Integer> loginFrom = address -> {
			try {
				// the address as a proxy in front of Coachroom reports it
				return http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lti/login"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header("X-Forwarded-For", address)
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		};
		String flooding = "203.0.113." + (1 + new Random().nextInt(250));
		int turnedAway = 0;
		// logins in parallel bursts, so the address outruns the refill however slow this
		// machine is today
		ExecutorService senders = Executors.newFixedThreadPool(16);
		try {
			for (int burst = 0; burst < 40 && turnedAway == 0; burst++) {
				List<Future<Integer>> statuses = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					statuses.add(senders.submit(() -> loginFrom.apply(flooding)));
				}
				for (Future<Integer> status : statuses) {
					assertThat(status.get()).isIn(302, 429);
					turnedAway += status.get() == 429 ? 1 : 0;
				}
			}
		}
		finally {
			senders.shutdownNow();
		}
		assertThat(turnedAway).as("logins refused from the flooding address").isPositive();
		assertThat(loginFrom.apply("198.51.100.77")).as("another address").isEqualTo(302);
	}

	@Test
	void rejectsExpiredToken() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		Instant issued = Instant.now().minusSeconds(180);
		String token = platform
			.sign(claims(auth).issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(60))).build());
		assertRefused(browser.launch(token, auth.state()), 401, "token-expired");
	}

	@Test
	void rejectsTokenIssuedInTheFuture() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		Instant issued = Instant.now().plusSeconds(300);
		String token = platform
			.sign(claims(auth).issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(60))).build());
		assertRefused(browser.launch(token, auth.state()), 401, "token-from-future");
	}

	@Test
	void rejectsWrongIssuer() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform.sign(claims(auth).issuer("https://evil.example").build());
		assertRefused(browser.launch(token, auth.state()), 401, "token-issuer");
	}

	@Test
	void rejectsWrongAudience() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform.sign(claims(auth).audience("another-tool").build());
		assertRefused(browser.launch(token, auth.state()), 401, "token-audience");
	}

	@Test
	void rejectsSeveralAudiencesWithoutAuthorizedParty() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform.sign(claims(auth).audience(List.of(platform.clientId(), "another-tool")).build());
		assertRefused(browser.launch(token, auth.state()), 401, "token-audience");
	}

	@Test
	void rejectsUnknownDeployment() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform
			.sign(claims(auth).claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "99").build());
		assertRefused(browser.launch(token, auth.state()), 403, "deployment-unknown");
	}

	@Test
	void rejectsReplayedNonce() {
		LaunchClient.AuthRequest first = browser.login(platform, "3");
		String token = platform.sign(claims(first).build());
		assertThat(browser.launch(token, first.state()).status()).isEqualTo(200);

		// The captured token comes back with a fresh login of the attacker's own.
		LaunchClient attacker = new LaunchClient("http://localhost:" + port);
		LaunchClient.AuthRequest second = attacker.login(platform, "3");
		assertRefused(attacker.launch(token, second.state()), 401, "nonce-replayed");
	}

	@Test
	void rejectsTheSameLaunchPostedTwice() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform.sign(claims(auth).build());
		assertThat(browser.launch(token, auth.state()).status()).isEqualTo(200);
		assertRefused(browser.launch(token, auth.state()), 400, "state-already-used");
	}

	@Test
	void rejectsNonceWeNeverIssued() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform
			.sign(platform.launchClaims("made-up-" + UUID.randomUUID(), "3", TestPlatform.LEARNER).build());
		assertRefused(browser.launch(token, auth.state()), 401, "nonce-not-issued");
	}

	@Test
	void rejectsMissingState() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		assertRefused(browser.launch(platform.sign(claims(auth).build()), null), 400, "state-missing");
	}

	@Test
	void rejectsStateFromAnotherBrowser() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		LaunchClient otherBrowser = new LaunchClient("http://localhost:" + port);
		assertRefused(otherBrowser.launch(platform.sign(claims(auth).build()), auth.state()), 403,
				"state-other-browser");
	}

	@Test
	void aStateThatMetABadTokenCannotBeUsedAgain() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		assertRefused(browser.launch(platform.sign(claims(auth).audience("x").build()), auth.state()), 401,
				"token-audience");
		assertRefused(browser.launch(platform.sign(claims(auth).build()), auth.state()), 400, "state-already-used");
	}

	@Test
	void rejectsALaunchThatArrivesAfterTheLoginExpired(@Autowired JdbcClient jdbc) {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		jdbc.sql("UPDATE lti_login_state SET expires_at = ? WHERE state = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), auth.state())
			.update();
		assertRefused(browser.launch(platform.sign(claims(auth).build()), auth.state()), 400, "state-expired");
	}

	@Test
	void rejectsAStateWeNeverIssued() {
		browser.login(platform, "3");
		assertRefused(browser.launch(platform.sign(platform.launchClaims("n", "3").build()), "A".repeat(43)), 400,
				"state-unknown");
	}

	@Test
	void rejectsWrongMessageType() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform.sign(claims(auth)
			.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiSubmissionReviewRequest")
			.build());
		assertRefused(browser.launch(token, auth.state()), 400, "message-type");
	}

	@Test
	void rejectsWrongVersion() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform
			.sign(claims(auth).claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.1").build());
		assertRefused(browser.launch(token, auth.state()), 400, "message-version");
	}

	@Test
	void rejectsMissingResourceLinkId() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String token = platform.sign(
				claims(auth).claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("title", "No id"))
					.build());
		assertRefused(browser.launch(token, auth.state()), 400, "claim-missing");
	}

	@Test
	void rejectsGarbageToken() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		assertRefused(browser.launch("not.a.jwt<script>alert(1)</script>", auth.state()), 400, "token-malformed");
	}

	@Test
	void rejectsOneMebibyteToken() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String huge = "e".repeat(1024 * 1024);
		assertRefused(browser.launch(huge, auth.state()), 413, "token-too-large");
	}

	@Test
	void rejectsLoginFromUnknownPlatform() {
		LaunchClient.Response response = browser.post("/lti/login", Map.of("iss", "https://unknown.example",
				"login_hint", "3", "target_link_uri", "http://localhost/lti/launch", "client_id", "nobody"));
		assertRefused(response, 400, "login-platform-unknown");
	}

	@Test
	void rejectsAnOversizedLoginInitiation() {
		assertRefused(browser.post("/lti/login",
				Map.of("iss", platform.issuer(), "client_id", platform.clientId(), "login_hint", "3", "target_link_uri",
						"http://localhost/lti/launch", "lti_message_hint", "h".repeat(1024 * 1024))),
				400, "login-parameter-too-long");
	}

	@Test
	void rejectsLoginWithoutRequiredParameters() {
		assertRefused(browser.post("/lti/login", Map.of("iss", platform.issuer())), 400, "login-parameter-missing");
	}

	@Test
	void refetchesThePlatformKeysWhenItRotates() throws Exception {
		LaunchClient.AuthRequest first = browser.login(platform, "3");
		assertThat(browser.launch(platform.sign(claims(first).build()), first.state()).status()).isEqualTo(200);
		platform.rotateKey();
		Thread.sleep(400);
		LaunchClient.AuthRequest second = browser.login(platform, "3");
		assertThat(browser.launch(platform.sign(claims(second).build()), second.state()).status()).isEqualTo(200);
	}

	@Test
	void unknownKidsDoNotMakeUsHammerThePlatformsKeyEndpoint() throws Exception {
		List<RSAKey> unpublished = Stream.generate(TestPlatform::newKey).limit(10).toList();
		// ten browsers, each with a login waiting for its launch, launch at once: the
		// limiter is measured against a burst, not against how fast this machine is today
		record Waiting(LaunchClient browser, LaunchClient.AuthRequest auth, RSAKey key) {
		}
		List<Waiting> waiting = unpublished.stream().map(key -> {
			LaunchClient b = new LaunchClient("http://localhost:" + port);
			return new Waiting(b, b.login(platform, "3"), key);
		}).toList();
		int before = platform.jwksRequests();
		long started = System.nanoTime();
		ExecutorService launches = Executors.newFixedThreadPool(waiting.size());
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (Waiting w : waiting) {
				statuses.add(launches.submit(() -> w.browser()
					.launch(TestPlatform.sign(claims(w.auth()).build(), w.key(), w.key().getKeyID()), w.auth().state())
					.status()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(401);
			}
		}
		finally {
			launches.shutdownNow();
		}
		long intervals = (System.nanoTime() - started) / 300_000_000L + 1;
		// The limiter allows a couple of refetches per 300 ms test interval, whatever the
		// number of unknown kids.
		assertThat(platform.jwksRequests() - before).isLessThanOrEqualTo((int) Math.min(9, 2 * intervals));
	}

	/**
	 * The page a launch answers with shows the person as the launch recorded them, cut to
	 * what the rows keep, exactly as every later page reads them back from the session.
	 */
	@Test
	void thePageALaunchAnswersWithShowsThePersonAsLaterPagesDo() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		String longName = "Terry " + "Q".repeat(400);
		var claims = platform.launchClaims(auth.nonce(), "3", TestPlatform.INSTRUCTOR)
			.claim("name", longName)
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", "long-course", "label", "L".repeat(300), "title",
							"Grade 3 & <reading> " + "T".repeat(600)))
			.build();
		LaunchClient.Response landed = browser.launch(platform.sign(claims), auth.state());
		assertThat(landed.status()).isEqualTo(200);

		String later = browser.get("/home").body();
		assertThat(whoami(landed.body())).isEqualTo(whoami(later))
			.contains("Q".repeat(294))
			.doesNotContain("Q".repeat(295));
	}

	/**
	 * The page a link names decides who may see it, also when the launch answers with it:
	 * a teacher sent to the district's catalog is told there is no such page (as when
	 * they ask for it), signed in.
	 */
	@Test
	void aLinkToAPageThePersonMayNotSeeIsRefusedThereWithThePersonSignedIn() {
		LaunchClient.AuthRequest auth = browser.login(platform, "3");
		var claims = platform.launchClaims(auth.nonce(), "3", TestPlatform.LEARNER)
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("coachroom_page", "/pd/catalog"))
			.build();
		LaunchClient.Response landed = browser.launch(platform.sign(claims), auth.state());

		assertThat(landed.landedAt()).isEqualTo("/pd/catalog");
		assertThat(landed.status()).as("as the page answers when asked")
			.isEqualTo(browser.get("/pd/catalog").status())
			.isEqualTo(404);
		assertThat(landed.body()).doesNotContain("Exception").doesNotContain("id_token");
		assertThat(browser.get("/home").status()).isEqualTo(200);
	}

	private static String whoami(String page) {
		// the CSRF token is masked afresh on every page
		return page.replaceAll("(?s).*(<section class=\"whoami\".*?</section>).*", "$1")
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private JWTClaimsSet.Builder claims(LaunchClient.AuthRequest auth) {
		return platform.launchClaims(auth.nonce(), "3", TestPlatform.INSTRUCTOR);
	}

	private static void assertRefused(LaunchClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.refusalCode()).isEqualTo(code);
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("at org.")
			.doesNotContain("coachroom_session");
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("coachroom_session="));
	}

}
