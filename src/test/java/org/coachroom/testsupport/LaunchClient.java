package org.coachroom.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser talking to a running Coachroom: keeps its cookies, never follows redirects,
 * so each step of a launch can be checked.
 */
public final class LaunchClient {

	private final String appBase;

	private final CookieManager cookies;

	private final HttpClient http;

	/**
	 * What the browser says it loads (Fetch Metadata {@code Sec-Fetch-Dest}): "iframe"
	 * inside the LMS's page, "document" in a window; null says nothing, as a test client.
	 */
	private final String destination;

	public LaunchClient(String appBase) {
		this(appBase, CookiePolicy.ACCEPT_ALL, null);
	}

	private LaunchClient(String appBase, CookiePolicy policy, String destination) {
		this.destination = destination;
		this.appBase = appBase;
		this.cookies = new CookieManager(null, policy);
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * A browser that keeps no cookie at all, as Safari or a Chromebook with third-party
	 * cookies blocked does inside the LMS's iframe.
	 */
	public static LaunchClient refusingCookies(String appBase) {
		return new LaunchClient(appBase, CookiePolicy.ACCEPT_NONE, "iframe");
	}

	/**
	 * A browser that keeps no cookie even in a window of its own (all cookies blocked).
	 */
	public static LaunchClient refusingCookiesInAWindow(String appBase) {
		return new LaunchClient(appBase, CookiePolicy.ACCEPT_NONE, "document");
	}

	/** A browser that keeps cookies, inside the LMS's iframe. */
	public static LaunchClient framed(String appBase) {
		return new LaunchClient(appBase, CookiePolicy.ACCEPT_ALL, "iframe");
	}

	public record Response(int status, String location, String body, HttpHeaders headers) {

		/**
		 * The page a launch answered with, by its own address ({@code Content-Location});
		 * null when the answer is not a landed page.
		 */
		public String landedAt() {
			return headers.firstValue("Content-Location").orElse(null);
		}

		/**
		 * The refusal code shown on a refused launch's page, e.g. {@code token-expired}.
		 */
		public String refusalCode() {
			var m = Pattern.compile("id=\"refusal-code\">([^<]+)<").matcher(body);
			return m.find() ? m.group(1) : null;
		}
	}

	/**
	 * What the login initiation sent the browser to: the platform's authorization
	 * request.
	 */
	public record AuthRequest(String location, Map<String, String> params) {

		public String state() {
			return params.get("state");
		}

		public String nonce() {
			return params.get("nonce");
		}
	}

	/**
	 * The value of one of this browser's cookies, as a stolen or replayed cookie would
	 * carry it.
	 */
	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public Response post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : appBase + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Posts name/value pairs in order; a name may repeat (checkboxes). */
	public Response postPairs(String path, List<String[]> pairs) {
		String body = pairs.stream()
			.map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(p[1], StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : appBase + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * A multipart/form-data post with text fields and one file, as a browser's upload
	 * form sends it.
	 */
	public Response postFile(String path, Map<String, String> fields, String fileField, String fileName,
			String contentType, byte[] content) {
		String boundary = "----coachroom" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(body, true, StandardCharsets.UTF_8);
		fields.forEach((name, value) -> out.print("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n"));
		out.print("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		out.write(content, 0, content.length);
		out.print("\r\n--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : appBase + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** The CSRF token the forms of the page at this path carry. */
	public String csrfFrom(String path) {
		String page = get(path).body();
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		if (!m.find()) {
			throw new AssertionError("No CSRF token on " + path);
		}
		return m.group(1);
	}

	public Response get(String path) {
		return get(path, "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	public Response get(String path, String accept) {
		return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : appBase + path))
			.header("Accept", accept)
			.GET()
			.build());
	}

	/**
	 * A page asked for by a browser set to the given languages ({@code Accept-Language}).
	 */
	public Response getInLanguage(String path, String acceptLanguage) {
		return send(HttpRequest.newBuilder(URI.create(appBase + path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Accept-Language", acceptLanguage)
			.GET()
			.build());
	}

	/** A download, its bytes as sent. */
	public record Bytes(int status, byte[] body, HttpHeaders headers) {
	}

	public Bytes getBytes(String path) {
		try {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(appBase + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Bytes(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Posts the login initiation as Moodle does (its six fields) and returns the
	 * authorization request.
	 */
	public AuthRequest login(TestPlatform platform, String loginHint) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("iss", platform.issuer());
		form.put("target_link_uri", appBase + "/lti/launch");
		form.put("login_hint", loginHint);
		form.put("lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_2109032727\"}");
		form.put("client_id", platform.clientId());
		form.put("lti_deployment_id", platform.deploymentId());
		Response response = followCookieCheck(post("/lti/login", form));
		if (response.status() != 302) {
			throw new AssertionError("Login initiation answered " + response.status() + ": " + response.body());
		}
		return new AuthRequest(response.location(), query(URI.create(response.location()).getRawQuery()));
	}

	/**
	 * A browser that came without Coachroom's cookie is sent back to the login once, to
	 * show whether it keeps the cookie; a browser follows that redirect.
	 */
	public Response followCookieCheck(Response login) {
		if (login.status() == 302 && login.location() != null && login.location().contains("coachroom_cookie_check=")) {
			return get(login.location());
		}
		return login;
	}

	/** The platform's form post of the id_token. */
	public Response launch(String idToken, String state) {
		return launchAt(appBase, idToken, state);
	}

	/** The same form post sent to another node of Coachroom. */
	public Response launchAt(String base, String idToken, String state) {
		Map<String, String> form = new LinkedHashMap<>();
		if (idToken != null) {
			form.put("id_token", idToken);
		}
		if (state != null) {
			form.put("state", state);
		}
		return post(base + "/lti/launch", form);
	}

	private Response send(HttpRequest given) {
		HttpRequest request = destination == null ? given
				: HttpRequest.newBuilder(given, (name, value) -> true).header("Sec-Fetch-Dest", destination).build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.body(), response.headers());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static Map<String, String> query(String raw) {
		Map<String, String> params = new LinkedHashMap<>();
		if (raw == null) {
			return params;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.put(key, value);
		}
		return params;
	}

}
