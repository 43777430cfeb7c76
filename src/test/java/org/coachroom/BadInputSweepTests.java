package org.coachroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the application maps, tried with hostile path values, query strings and
 * form fields by each kind of person and by nobody: whatever comes in, the answer is
 * never a 5xx and never a stack trace. The endpoints are read from Spring MVC itself, so
 * a new one is swept without being listed.
 */
@LaunchTest
class BadInputSweepTests {

	private static final List<String> HOSTILE_PATH_VALUES = List.of("%7Bx%7D", "-1", "0", "abc", "99999999999999999999",
			"%25%25", "a%2Fb", "x".repeat(3000), "%C3%28", "1.5");

	private static final String HOSTILE_QUERY = "?x=%25%25%25&page=-1&size=99999999999&name=%7Bx%7D&standing=%00"
			+ "&program=%27%22%3C&school=abc&sort=1%3BDROP&from=1900-13-45&q=" + "y".repeat(3000);

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	TestPlatform platform;

	@AfterEach
	void tearDown() {
		if (platform != null) {
			platform.close();
		}
	}

	private record Endpoint(String pattern, Set<RequestMethod> methods) {
	}

	private List<Endpoint> endpoints() {
		List<Endpoint> all = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
					? Set.of(RequestMethod.GET, RequestMethod.POST) : info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				all.add(new Endpoint(pattern, methods));
			}
		}
		assertThat(all).as("endpoints found").hasSizeGreaterThan(30);
		return all;
	}

	@Test
	void noEndpointAnswersHostileInputWithAServerError() {
		platform = TestPlatform.start();
		platform.registerWith(registry, Map.of(), "coachroom_role");
		String course = "sweep-" + UUID.randomUUID();
		Launcher launcher = new Launcher(port, platform, jdbc);
		Map<String, LaunchClient> people = new LinkedHashMap<>();
		people.put("nobody", new LaunchClient("http://localhost:" + port));
		people.put("teacher",
				launcher.launch("t-" + course, "Tess Teacher", TestPlatform.LEARNER, course, "Hub").browser());
		people.put("coach",
				launcher.launch("c-" + course, "Cal Coach", TestPlatform.INSTRUCTOR, course, "Hub").browser());
		people.put("HR",
				launcher
					.launch("hr-" + course, "Helen HR", TestPlatform.INSTRUCTOR, course, "Hub",
							Map.of("coachroom_role", "HR"))
					.browser());
		people.put("admin",
				launcher
					.launch("a-" + course, "Ada Admin",
							"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", course, "Hub")
					.browser());
		Map<String, String> csrf = new LinkedHashMap<>();
		people.forEach((who, browser) -> {
			if (!who.equals("nobody")) {
				csrf.put(who, token(browser));
			}
		});

		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (Endpoint endpoint : endpoints()) {
			for (String path : paths(endpoint.pattern())) {
				for (Map.Entry<String, LaunchClient> who : people.entrySet()) {
					LaunchClient browser = who.getValue();
					if (endpoint.methods().contains(RequestMethod.GET)) {
						requests += 2;
						check(failures, who.getKey(), "GET " + path, browser.get(path));
						check(failures, who.getKey(), "GET " + path + HOSTILE_QUERY, browser.get(path + HOSTILE_QUERY));
					}
					if (endpoint.methods().contains(RequestMethod.POST)) {
						requests++;
						Map<String, String> form = hostileForm();
						if (csrf.containsKey(who.getKey())) {
							form.put("_csrf", csrf.get(who.getKey()));
						}
						check(failures, who.getKey(), "POST " + path, browser.post(path, form));
					}
				}
			}
		}
		assertThat(failures).as("server errors among " + requests + " requests").isEmpty();
	}

	/**
	 * The pattern with each hostile value in every path variable (and as it stands, if it
	 * has none).
	 */
	private static Set<String> paths(String pattern) {
		Set<String> paths = new LinkedHashSet<>();
		if (!VARIABLE.matcher(pattern).find()) {
			paths.add(pattern);
			return paths;
		}
		for (String value : HOSTILE_PATH_VALUES) {
			paths.add(VARIABLE.matcher(pattern.replace("/**", "/x")).replaceAll(Matcher.quoteReplacement(value)));
		}
		return paths;
	}

	private static Map<String, String> hostileForm() {
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : List.of("title", "name", "text", "purpose", "code", "value", "hours", "kind", "on", "date",
				"startsOn", "dueOn", "rows", "size", "count", "version", "id", "userRef", "status", "reason", "school",
				"schoolLevel", "roleStartedOn", "basis", "threshold", "members", "url", "meeting", "owner", "step")) {
			form.put(field, "{x}%00\u0000\r\n<script>-99999999999999999999" + "z".repeat(300));
		}
		form.put("rows", "2147483648");
		form.put("on", "1900-13-45");
		return form;
	}

	private static String token(LaunchClient browser) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.get("/home").body());
		return m.find() ? m.group(1) : "";
	}

	private static void check(List<String> failures, String who, String request, LaunchClient.Response response) {
		if (response.status() >= 500 || response.body().contains("at org.") || response.body().contains("Exception")) {
			failures.add(who + " " + abbreviate(request) + " -> " + response.status());
		}
	}

	private static String abbreviate(String s) {
		return s.length() > 160 ? s.substring(0, 160) + "…" : s;
	}

}
