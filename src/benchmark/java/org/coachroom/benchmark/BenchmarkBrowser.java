package org.coachroom.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser for the page benchmarks: a kept-alive connection, their cookies,
 * and their CSRF token.
 */
final class BenchmarkBrowser implements AutoCloseable {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final URI base;

	private final MiniHttp http;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf;

	BenchmarkBrowser(URI base) {
		this.base = base;
		this.http = new MiniHttp(base);
	}

	/**
	 * A full LTI launch of this person from the benchmark LMS; afterwards the browser is
	 * signed in.
	 */
	void launch(BenchmarkLms lms, String subject, String name, String role, String contextId, String courseTitle)
			throws IOException {
		launch(lms, subject, name, role, contextId, courseTitle, Map.of());
	}

	/** The same, with the LTI custom parameters the link carries. */
	void launch(BenchmarkLms lms, String subject, String name, String role, String contextId, String courseTitle,
			Map<String, String> custom) throws IOException {
		String launchUrl = base.resolve("/lti/launch").toString();
		Map<String, String> login = new LinkedHashMap<>();
		login.put("iss", lms.issuer());
		login.put("login_hint", subject);
		login.put("target_link_uri", launchUrl);
		login.put("client_id", lms.clientId());
		login.put("lti_deployment_id", lms.deploymentId());
		MiniHttp.Response redirect = post("/lti/login", login);
		expect(redirect, 302, "login initiation");
		// a browser new to Coachroom makes one check that it keeps the cookie
		if (redirect.location().contains("/lti/login")) {
			redirect = get(URI.create(redirect.location()).getRawPath() + "?" + URI.create(redirect.location()).getRawQuery());
			expect(redirect, 302, "cookie check");
		}
		Map<String, String> auth = query(URI.create(redirect.location()));
		Map<String, String> launch = new LinkedHashMap<>();
		launch.put("id_token",
				lms.idToken(subject, name, role, contextId, courseTitle, auth.get("nonce"), launchUrl, custom));
		launch.put("state", auth.get("state"));
		expect(post("/lti/launch", launch), 302, "launch");
		MiniHttp.Response home = get("/home");
		expect(home, 200, "home");
		remember(home.body());
	}

	MiniHttp.Response get(String path) throws IOException {
		return keep(http.get(path, cookieHeader()));
	}

	/** Posts a form with this browser's CSRF token. */
	MiniHttp.Response submit(String path, List<String[]> fields) throws IOException {
		StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
		for (String[] f : fields) {
			body.append('&')
				.append(URLEncoder.encode(f[0], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
		}
		return keep(http.postForm(path, cookieHeader(), body.toString()));
	}

	private MiniHttp.Response post(String path, Map<String, String> fields) throws IOException {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return keep(http.postForm(path, cookieHeader(), body));
	}

	private void remember(String page) {
		Matcher m = CSRF.matcher(page);
		if (m.find()) {
			csrf = m.group(1);
		}
	}

	static void expect(MiniHttp.Response response, int status, String what) {
		if (response.status() != status) {
			throw new IllegalStateException(what + " answered " + response.status() + " instead of " + status);
		}
	}

	String cookieHeader() {
		return cookieHeader(cookies);
	}

	private MiniHttp.Response keep(MiniHttp.Response response) {
		return keep(response, cookies);
	}

	static String cookieHeader(Map<String, String> cookies) {
		return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
	}

	/**
	 * Keeps the cookies an answer sets (name=value; this host only), as a browser would.
	 */
	static MiniHttp.Response keep(MiniHttp.Response response, Map<String, String> cookies) {
		for (String set : response.setCookies()) {
			String pair = set.split(";", 2)[0];
			int eq = pair.indexOf('=');
			if (eq > 0) {
				String name = pair.substring(0, eq).trim();
				String value = pair.substring(eq + 1).trim();
				if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
		}
		return response;
	}

	static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return params;
	}

	@Override
	public void close() {
		http.close();
	}

}
