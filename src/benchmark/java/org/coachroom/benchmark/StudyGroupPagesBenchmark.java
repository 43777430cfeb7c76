package org.coachroom.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Study group pages at school size, against a running app: the benchmark is the LMS (as
 * in {@link LaunchBenchmark}), launches a coach and the school's teachers into one
 * course, builds the school's study groups through the app's own forms (groups, sessions,
 * members, attendance at the sessions already held), then times the two pages people open
 * most: the coach's attendance page and a teacher's home page. Prints p50/p95/p99 per
 * page. Run on demand (docs/benchmarks.md, "Study group pages benchmark"):
 *
 * <pre>
 * ./mvnw spring-boot:run
 * ./mvnw -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.coachroom.benchmark.StudyGroupPagesBenchmark
 * </pre>
 *
 * System properties: {@code benchmark.url} (http://localhost:8080),
 * {@code benchmark.groups} (40), {@code benchmark.members} (600),
 * {@code benchmark.sessions} (8), {@code benchmark.requests} (2000 per page),
 * {@code benchmark.warmup} (1000 per page), {@code benchmark.concurrency} (1).
 */
public final class StudyGroupPagesBenchmark {

	private static final Pattern GROUP_ID = Pattern.compile("/groups/(\\d+)");

	private static final Pattern ATTENDANCE_LINK = Pattern.compile("/groups/(\\d+)/sessions/(\\d+)/attendance");

	private static final Pattern PERSON = Pattern
		.compile("name=\"person\" value=\"(\\d+)\"[^>]*>\\s*<span>([^<]+)</span>");

	private StudyGroupPagesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		URI base = URI.create(System.getProperty("benchmark.url", "http://localhost:8080").replaceAll("/+$", ""));
		int groups = Integer.getInteger("benchmark.groups", 40);
		int members = Integer.getInteger("benchmark.members", 600);
		int sessions = Integer.getInteger("benchmark.sessions", 8);
		int requests = Integer.getInteger("benchmark.requests", 2000);
		int warmup = Integer.getInteger("benchmark.warmup", 1000);
		int concurrency = Integer.getInteger("benchmark.concurrency", 1);
		int held = Math.max(1, sessions * 5 / 8);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String course = "school-" + run;
		long started = System.nanoTime();

		try (BenchmarkLms lms = BenchmarkLms.start()) {
			try (BenchmarkBrowser registrar = new BenchmarkBrowser(base)) {
				MiniHttp.Response registered = registrar.get("/lti/register?openid_configuration="
						+ URLEncoder.encode(lms.openidConfigurationUrl(), StandardCharsets.UTF_8)
						+ "&registration_token=" + run);
				if (registered.status() != 200 || !lms.registered()) {
					throw new IllegalStateException("Dynamic registration answered " + registered.status()
							+ ": start the app with the demo profile (./mvnw spring-boot:run), which allows an LMS on this machine");
				}
			}
			System.out.printf(Locale.ROOT, "Building a school: %d teachers, %d groups of %d sessions (%d held) ...%n",
					members, groups, sessions, held);
			BenchmarkBrowser coach = new BenchmarkBrowser(base);
			coach.launch(lms, "coach-" + run, "Jordan Ellis", BenchmarkLms.COACH_ROLE, course, "Lincoln Elementary");
			List<BenchmarkBrowser> teachers = launchTeachers(base, lms, run, course, members);

			List<long[]> attendancePages = new ArrayList<>();
			Map<String, Long> people = null;
			int perGroup = Math.max(1, members / groups);
			LocalDate today = LocalDate.now();
			for (int g = 0; g < groups; g++) {
				MiniHttp.Response created = coach.submit("/groups",
						groupForm("Study group " + (g + 1) + " (" + run + ")"));
				BenchmarkBrowser.expect(created, 302, "creating a group");
				Matcher id = GROUP_ID.matcher(created.location());
				if (!id.find()) {
					throw new IllegalStateException("No group id in " + created.location());
				}
				long groupId = Long.parseLong(id.group(1));
				for (int s = 0; s < sessions; s++) {
					LocalDate day = today.minusDays(7L * (held - s));
					BenchmarkBrowser.expect(coach.submit("/groups/" + groupId + "/sessions",
							List.of(new String[] { "date", day.toString() }, new String[] { "startTime", "15:30" },
									new String[] { "endTime", "16:30" }, new String[] { "location", "Library" },
									new String[] { "agenda", "Chapter " + (s + 1) },
									new String[] { "reading", "Pages" })),
							302, "planning a session");
				}
				if (people == null) {
					people = people(coach.get("/groups/" + groupId + "/members/add").body());
				}
				List<String[]> chosen = new ArrayList<>();
				List<Long> memberIds = new ArrayList<>();
				for (int t = g * perGroup; t < Math.min(members, (g + 1) * perGroup); t++) {
					Long ref = people.get("Teacher " + (t + 1));
					chosen.add(new String[] { "person", Long.toString(ref) });
					memberIds.add(ref);
				}
				BenchmarkBrowser.expect(coach.submit("/groups/" + groupId + "/members", chosen), 302, "adding members");
				Matcher links = ATTENDANCE_LINK.matcher(coach.get("/groups/" + groupId).body());
				List<Long> sessionIds = new ArrayList<>();
				while (links.find()) {
					sessionIds.add(Long.parseLong(links.group(2)));
				}
				for (int s = 0; s < Math.min(held, sessionIds.size()); s++) {
					List<String[]> marks = new ArrayList<>();
					for (int m = 0; m < memberIds.size(); m++) {
						String mark = (m + s) % 9 == 0 ? "ABSENT" : (m + s) % 13 == 0 ? "EXCUSED" : "PRESENT";
						marks.add(new String[] { "mark-" + memberIds.get(m), mark });
					}
					BenchmarkBrowser.expect(coach
						.submit("/groups/" + groupId + "/sessions/" + sessionIds.get(s) + "/attendance", marks), 302,
							"taking attendance");
					attendancePages.add(new long[] { groupId, sessionIds.get(s) });
				}
			}
			System.out.printf(Locale.ROOT,
					"Built in %.1f s. Timing %d requests per page after %d warm-up, %d at a time ...%n",
					(System.nanoTime() - started) / 1e9, requests, warmup, concurrency);

			List<BenchmarkBrowser> coaches = new ArrayList<>();
			coaches.add(coach);
			for (int c = 1; c < concurrency; c++) {
				BenchmarkBrowser another = new BenchmarkBrowser(base);
				another.launch(lms, "coach-" + run, "Jordan Ellis", BenchmarkLms.COACH_ROLE, course,
						"Lincoln Elementary");
				coaches.add(another);
			}
			Timing attendance = time("coach's attendance page", coaches, warmup, requests, concurrency,
					(browser, i) -> {
						long[] page = attendancePages.get(ThreadLocalRandom.current().nextInt(attendancePages.size()));
						return browser.get("/groups/" + page[0] + "/sessions/" + page[1] + "/attendance");
					}, "Attendance,");
			Timing home = time("teacher's home page", teachers, warmup, requests, concurrency,
					(browser, i) -> browser.get("/home"), "Signed in as");
			System.out.print(report(base, groups, members, sessions, concurrency, attendance, home));
			coaches.forEach(BenchmarkBrowser::close);
			teachers.forEach(BenchmarkBrowser::close);
		}
	}

	private static List<BenchmarkBrowser> launchTeachers(URI base, BenchmarkLms lms, String run, String course,
			int members) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<BenchmarkBrowser>> launched = new ArrayList<>();
			for (int t = 0; t < members; t++) {
				int n = t + 1;
				launched.add(pool.submit(() -> {
					BenchmarkBrowser browser = new BenchmarkBrowser(base);
					browser.launch(lms, "teacher-" + run + "-" + n, "Teacher " + n, BenchmarkLms.TEACHER_ROLE, course,
							"Lincoln Elementary");
					return browser;
				}));
			}
			List<BenchmarkBrowser> browsers = new ArrayList<>();
			for (Future<BenchmarkBrowser> f : launched) {
				browsers.add(f.get());
			}
			return browsers;
		}
		finally {
			pool.shutdown();
		}
	}

	private static List<String[]> groupForm(String title) {
		return List.of(new String[] { "title", title }, new String[] { "purpose", "Read, try, reflect" },
				new String[] { "schoolGoal", "Grade 3 reading proficiency to 70%" },
				new String[] { "kind", "BOOK_STUDY" }, new String[] { "textTitle", "Shifting the Balance" },
				new String[] { "textAuthor", "Burkins and Yates" }, new String[] { "visibility", "CLOSED" },
				new String[] { "creditHours", "12" }, new String[] { "creditUnit", "clock hours" },
				new String[] { "ruleBasis", "SHARE" }, new String[] { "ruleMinimum", "80" },
				new String[] { "ruleFinalReflection", "true" }, new String[] { "ruleMinimumMembers", "3" });
	}

	private static Map<String, Long> people(String page) {
		Map<String, Long> byName = new LinkedHashMap<>();
		Matcher m = PERSON.matcher(page);
		while (m.find()) {
			byName.put(m.group(2).trim(), Long.parseLong(m.group(1)));
		}
		return byName;
	}

	interface Request {

		MiniHttp.Response send(BenchmarkBrowser browser, int i) throws Exception;

	}

	record Timing(String page, Latencies ok, double seconds, int errors) {
	}

	private static Timing time(String page, List<BenchmarkBrowser> browsers, int warmup, int requests, int concurrency,
			Request request, String mustContain) throws Exception {
		run(browsers, warmup, concurrency, request, mustContain, new long[Math.max(1, warmup)]);
		long[] nanos = new long[requests];
		long started = System.nanoTime();
		int errors = run(browsers, requests, concurrency, request, mustContain, nanos);
		double seconds = (System.nanoTime() - started) / 1e9;
		return new Timing(page, Latencies.of(Arrays.stream(nanos).filter(n -> n > 0)), seconds, errors);
	}

	private static int run(List<BenchmarkBrowser> browsers, int count, int concurrency, Request request,
			String mustContain, long[] nanos) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			int worker = w;
			Thread thread = new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < count) {
					// teachers: any of them; coaches: one browser per worker
					BenchmarkBrowser browser = browsers.size() > concurrency
							? browsers.get(ThreadLocalRandom.current().nextInt(browsers.size())) : browsers.get(worker);
					long t = System.nanoTime();
					try {
						MiniHttp.Response answer;
						synchronized (browser) {
							answer = request.send(browser, i);
						}
						if (answer.status() != 200 || !answer.body().contains(mustContain)) {
							errors.incrementAndGet();
							continue;
						}
						nanos[i] = System.nanoTime() - t;
					}
					catch (Exception e) {
						errors.incrementAndGet();
					}
				}
			});
			workers.add(thread);
			thread.start();
		}
		for (Thread t : workers) {
			t.join();
		}
		return errors.get();
	}

	private static String report(URI base, int groups, int members, int sessions, int concurrency, Timing... timings) {
		StringBuilder out = new StringBuilder();
		String rule = "=".repeat(64) + "\n";
		out.append('\n').append(rule).append("Coachroom study group pages benchmark\n").append(rule);
		out.append(String.format(Locale.ROOT, "  target          %s%n", base));
		out.append(String.format(Locale.ROOT, "  school          %d groups, %d members, %d sessions each%n", groups,
				members, sessions));
		out.append(String.format(Locale.ROOT,
				"  concurrency     %d at a time; JVM %s, %d cores (client on the same machine)%n", concurrency,
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
		out.append("  page                        req/s     p50 ms   p95 ms   p99 ms   errors\n");
		for (Timing t : timings) {
			out.append(String.format(Locale.ROOT, "  %-25s %7.1f  %7.1f  %7.1f  %7.1f   %d%n", t.page(),
					t.ok().count() / t.seconds(), t.ok().ms(50), t.ok().ms(95), t.ok().ms(99), t.errors()));
		}
		out.append(rule);
		return out.toString();
	}

}
