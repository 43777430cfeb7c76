package org.coachroom.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.springframework.web.util.HtmlUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The test platform's OIDC authorization endpoint for a real browser: answers Coachroom's
 * authentication request as Moodle does, with a page that posts a freshly signed id_token
 * (carrying the request's nonce) and the state back to the redirect_uri. Whom it signs in
 * is looked up by login_hint among the people the test seated.
 */
public final class BrowserSignIn implements ResponseDefinitionTransformerV2 {

	/** Someone the platform can sign in: their LMS id, name, LTI role and course. */
	public record Seat(String sub, String name, String ltiRole, String contextId, String courseTitle,
			Map<String, String> custom) {

		public Seat(String sub, String name, String ltiRole, String contextId, String courseTitle) {
			this(sub, name, ltiRole, contextId, courseTitle, Map.of());
		}
	}

	private final Map<String, Seat> seats = new ConcurrentHashMap<>();

	private volatile TestPlatform platform;

	/** Starts a test platform whose authorization endpoint signs in browsers. */
	public static TestPlatform startPlatform(BrowserSignIn signIn) {
		TestPlatform platform = TestPlatform.startWith(signIn);
		signIn.platform = platform;
		platform.wireMock()
			.stubFor(WireMock.get(WireMock.urlPathEqualTo("/mod/lti/auth.php"))
				.willReturn(aResponse().withStatus(200).withTransformers("browser-sign-in")));
		return platform;
	}

	public void seat(Seat seat) {
		seats.put(seat.sub(), seat);
	}

	/**
	 * Where a browser starts a launch: the login initiation, as Moodle's launch page
	 * sends it (GET form).
	 */
	public String loginInitiation(String appBase, String sub) {
		return appBase + "/lti/login?iss=" + enc(platform.issuer()) + "&login_hint=" + enc(sub) + "&target_link_uri="
				+ enc(appBase + "/lti/launch") + "&lti_message_hint=" + enc("browser-" + sub) + "&client_id="
				+ enc(platform.clientId()) + "&lti_deployment_id=" + enc(platform.deploymentId());
	}

	/**
	 * Where a browser starts Moodle's "Select content" (deep linking): the login
	 * initiation aimed at the tool's deep linking URL.
	 */
	public String deepLinkingInitiation(String appBase, String sub) {
		// Moodle's hint for it names a ContentItemSelectionRequest
		return loginInitiation(appBase, sub).replace(enc(appBase + "/lti/launch"), enc(appBase + "/lti/deeplink"))
			.replace(enc("browser-" + sub), enc("browser-ContentItemSelectionRequest-" + sub));
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String nonce = query(request, "nonce");
		String state = query(request, "state");
		String redirectUri = query(request, "redirect_uri");
		Seat seat = seats.get(query(request, "login_hint"));
		if (nonce == null || state == null || redirectUri == null || seat == null) {
			return aResponse().withStatus(400)
				.withBody("Unknown login_hint, or no nonce, state or redirect_uri")
				.build();
		}
		// a login aimed at the deep linking URL comes back as Moodle's "Select content"
		String hint = query(request, "lti_message_hint");
		boolean deepLinking = hint != null && hint.contains("ContentItemSelectionRequest");
		var builder = (deepLinking ? platform.deepLinkingClaims(nonce, seat.sub(), seat.ltiRole())
				: platform.launchClaims(nonce, seat.sub(), seat.ltiRole()))
			.claim("name", seat.name())
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", seat.contextId(), "label", seat.contextId().toUpperCase(), "title", seat.courseTitle(),
							"type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")));
		if (!seat.custom().isEmpty()) {
			builder.claim("https://purl.imsglobal.org/spec/lti/claim/custom", seat.custom());
		}
		var claims = builder.build();
		String page = """
				<!DOCTYPE html><html lang="en"><head><title>Moodle</title></head>
				<body onload="document.forms[0].submit()"><form method="post" action="%s">
				<input type="hidden" name="id_token" value="%s"><input type="hidden" name="state" value="%s">
				</form></body></html>""".formatted(HtmlUtils.htmlEscape(redirectUri), platform.sign(claims),
				HtmlUtils.htmlEscape(state));
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody(page)
			.build();
	}

	private static String query(Request request, String name) {
		var parameter = request.queryParameter(name);
		return parameter.isPresent() ? parameter.firstValue() : null;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return "browser-sign-in";
	}

}
