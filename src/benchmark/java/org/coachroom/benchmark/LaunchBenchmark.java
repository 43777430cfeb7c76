package org.coachroom.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;

/**
 * Launches per second, the whole LTI 1.3 launch path as an LMS and a browser drive it.
 * The benchmark is the LMS: it serves its openid configuration, registration endpoint and
 * JWKS on a local port, registers itself with Coachroom through Dynamic Registration
 * ({@code /lti/register}), and then each launch is
 * <ol>
 * <li>POST {@code /lti/login}, the login initiation (302 to the LMS's authorization
 * endpoint with state and nonce, browser cookie set),</li>
 * <li>the LMS signs an RS256 id_token for that nonce (work a real LMS does on its own
 * machine; here it runs on the benchmark's threads, on the same cores, and is timed as
 * its own step),</li>
 * <li>POST {@code /lti/launch} with id_token and state (302 to {@code /home}, session
 * cookie set),</li>
 * <li>GET {@code /home}, which must say "Signed in as".</li>
 * </ol>
 * Each launch has a fresh cookie jar. People and courses take turns from a small district
 * (400 people, 20 courses; teachers, coaches and administrators), so after the first
 * round every launch is a returning person, as in a school day. Not a test: run it
 * against a running app that allows registration from this machine
 * ({@code coachroom.lti.allow-private-network=true} and
 * {@code coachroom.lti.registration-allowed-hosts=127.0.0.1}, both on in the demo
 * profile; see docs/benchmarks.md, "Launch benchmark"):
 *
 * <pre>
 * ./mvnw spring-boot:run
 * ./mvnw -q -Pbenchmark test-compile exec:java -Dbenchmark.launches=5000 -Dbenchmark.concurrency=20
 * </pre>
 *
 * System properties: {@code benchmark.url} (http://localhost:8080),
 * {@code benchmark.launches} (5000), {@code benchmark.concurrency} (20),
 * {@code benchmark.warmup} (20000), {@code benchmark.max-seconds} (600, a run stops by
 * itself after that), {@code benchmark.fail-on-error} (true), {@code benchmark.trace} (a
 * CSV file to write each measured launch's start and duration to; none by default).
 */
public final class LaunchBenchmark {

	private static final String[] STEPS = { "POST /lti/login", "LMS signs id_token", "POST /lti/launch", "GET /home" };

	private static final int PEOPLE = 400;

	private static final int COURSES = 20;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final URI base;

	private final HttpClient http;

	private final ExecutorService httpExecutor;

	private final long deadline;

	private final BenchmarkLms lms;

	private LaunchBenchmark(URI base, int concurrency, long deadline) throws IOException {
		this.base = base;
		this.deadline = deadline;
		this.httpExecutor = Executors.newFixedThreadPool(2, daemon("benchmark-http"));
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(httpExecutor)
			.build();
		this.lms = BenchmarkLms.start();
	}

	public static void main(String[] args) throws Exception {
		String url = System.getProperty("benchmark.url", "http://localhost:8080").replaceAll("/+$", "");
		int launches = Integer.getInteger("benchmark.launches", 5000);
		int concurrency = Integer.getInteger("benchmark.concurrency", 20);
		int warmup = Integer.getInteger("benchmark.warmup", 20000);
		int maxSeconds = Integer.getInteger("benchmark.max-seconds", 600);
		boolean failOnError = Boolean.parseBoolean(System.getProperty("benchmark.fail-on-error", "true"));
		if (launches < 1 || concurrency < 1 || warmup < 0) {
			throw new IllegalArgumentException("benchmark.launches and benchmark.concurrency must be at least 1, "
					+ "benchmark.warmup at least 0");
		}
		LaunchBenchmark benchmark = new LaunchBenchmark(URI.create(url), concurrency,
				System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos());
		try {
			benchmark.register();
			System.out.printf(Locale.ROOT, "Warming up: %d launches at concurrency %d against %s ...%n", warmup,
					concurrency, url);
			Run warm = benchmark.run(warmup, concurrency);
			if (warm.errors.get() > 0) {
				System.out.printf(Locale.ROOT, "  (%d errors during warm-up)%n", warm.errors.get());
			}
			System.out.printf(Locale.ROOT, "Measuring: %d launches ...%n", launches);
			Run run = benchmark.run(launches, concurrency);
			System.out.print(run.report(url, launches, concurrency, warmup));
			String trace = System.getProperty("benchmark.trace");
			if (trace != null && !trace.isBlank()) {
				run.writeTrace(Path.of(trace), run.startedNanos);
				System.out.println("Each launch's start and duration: " + trace);
			}
			if (failOnError && run.errors.get() > 0) {
				throw new IllegalStateException(run.errors.get() + " of " + launches + " launches failed (see above)");
			}
		}
		finally {
			benchmark.httpExecutor.shutdownNow();
			benchmark.lms.close();
		}
	}

	/**
	 * Registers the benchmark's LMS through Dynamic Registration; fails fast, with a
	 * hint, when it cannot.
	 */
	private void register() throws InterruptedException {
		URI register = base.resolve("/lti/register?openid_configuration="
				+ URLEncoder.encode(lms.openidConfigurationUrl(), StandardCharsets.UTF_8) + "&registration_token="
				+ UUID.randomUUID());
		HttpResponse<String> response;
		try {
			response = http.send(get(register), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException("Nothing answers at " + base + " (" + e + "): start the app first, e.g. "
					+ "./mvnw spring-boot:run, or set -Dbenchmark.url", e);
		}
		if (response.statusCode() != 200 || !lms.registered()) {
			String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
			Matcher code = Pattern.compile("id=\"refusal-code\">([^<]+)<").matcher(body);
			throw new IllegalStateException("Dynamic registration at " + register.getPath() + " answered "
					+ response.statusCode() + (code.find() ? " (refusal " + code.group(1) + ")" : "")
					+ ": the app must allow registration from this machine (coachroom.lti.allow-private-network=true, "
					+ "coachroom.lti.registration-allowed-hosts=127.0.0.1, as in the demo profile)");
		}
		System.out.printf(Locale.ROOT, "Registered the benchmark LMS %s as client %s%n", lms.issuer(), lms.clientId());
	}

	private Run run(int launches, int concurrency) throws InterruptedException {
		Run run = new Run(launches);
		AtomicInteger next = new AtomicInteger();
		List<Thread> workers = new ArrayList<>();
		long started = System.nanoTime();
		long cpuBefore = processCpuNanos();
		run.startedNanos = started;
		for (int w = 0; w < concurrency; w++) {
			Thread worker = daemon("benchmark-user").newThread(() -> {
				try (MiniHttp browser = new MiniHttp(base)) {
					int i;
					while ((i = next.getAndIncrement()) < launches && System.nanoTime() < deadline) {
						long began = System.nanoTime();
						run.record(i, began, launchOnce(browser, i, run));
					}
				}
			});
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		run.wallNanos = System.nanoTime() - started;
		run.clientCpuNanos = processCpuNanos() - cpuBefore;
		run.attempted = Math.min(next.get(), launches);
		return run;
	}

	/**
	 * One launch with its own cookies, on the user's kept-alive connection; returns its
	 * duration in nanoseconds, or -1 when it failed.
	 */
	private long launchOnce(MiniHttp browser, int i, Run run) {
		Map<String, String> cookies = new LinkedHashMap<>();
		long[] steps = new long[STEPS.length];
		int person = i % PEOPLE;
		int course = person % COURSES;
		String launchUrl = base.resolve("/lti/launch").toString();
		long start = System.nanoTime();
		try {
			long t = System.nanoTime();
			Map<String, String> login = new LinkedHashMap<>();
			login.put("iss", lms.issuer());
			login.put("login_hint", Integer.toString(person));
			login.put("target_link_uri", launchUrl);
			login.put("lti_message_hint", "{\"cmid\":" + course + ",\"launchid\":\"ltilaunch" + i + "\"}");
			login.put("client_id", lms.clientId());
			login.put("lti_deployment_id", lms.deploymentId());
			MiniHttp.Response redirect = BenchmarkBrowser
				.keep(browser.postForm("/lti/login", BenchmarkBrowser.cookieHeader(cookies), form(login)), cookies);
			expect(redirect, 302, STEPS[0]);
			String location = location(redirect, STEPS[0]);
			if (!lms.authorizationEndpoint().equals(location.split("\\?", 2)[0])) {
				throw new IllegalStateException(
						STEPS[0] + " redirected elsewhere than the LMS's authorization endpoint");
			}
			Map<String, String> auth = BenchmarkBrowser.query(URI.create(location));
			steps[0] = System.nanoTime() - t;

			t = System.nanoTime();
			String idToken = lms.idToken(person, course, auth.get("nonce"), launchUrl);
			steps[1] = System.nanoTime() - t;

			t = System.nanoTime();
			Map<String, String> launch = new LinkedHashMap<>();
			launch.put("id_token", idToken);
			launch.put("state", auth.get("state"));
			URI redirectUri = URI.create(auth.get("redirect_uri"));
			MiniHttp.Response launched = BenchmarkBrowser.keep(
					browser.postForm(redirectUri.getRawPath(), BenchmarkBrowser.cookieHeader(cookies), form(launch)),
					cookies);
			expect(launched, 302, STEPS[2]);
			URI home = redirectUri.resolve(location(launched, STEPS[2]));
			steps[2] = System.nanoTime() - t;

			t = System.nanoTime();
			MiniHttp.Response homePage = BenchmarkBrowser
				.keep(browser.get(home.getRawPath(), BenchmarkBrowser.cookieHeader(cookies)), cookies);
			expect(homePage, 200, STEPS[3]);
			if (!homePage.body().contains("Signed in as")) {
				throw new IllegalStateException(STEPS[3] + " answered 200 without \"Signed in as\"");
			}
			steps[3] = System.nanoTime() - t;
			long total = System.nanoTime() - start;
			run.addSteps(steps);
			return total;
		}
		catch (Exception e) {
			browser.close();
			run.error(e);
			return -1;
		}
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static void expect(MiniHttp.Response response, int status, String step) {
		if (response.status() != status) {
			String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
			Matcher code = Pattern.compile("id=\"refusal-code\">([^<]+)<").matcher(body);
			throw new IllegalStateException(step + " answered " + response.status() + " instead of " + status
					+ (code.find() ? " (refusal " + code.group(1) + ")" : ""));
		}
	}

	private static String location(MiniHttp.Response response, String step) {
		if (response.location() == null) {
			throw new IllegalStateException(step + " redirected without a Location");
		}
		return response.location();
	}

	/** CPU time this JVM has used, or 0 where the JVM does not say. */
	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
			return Math.max(0, os.getProcessCpuTime());
		}
		return 0;
	}

	private static HttpRequest get(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return r -> {
			Thread t = new Thread(r, name + "-" + count.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}

	/** Durations of one batch of launches, and what went wrong. */
	static final class Run {

		final long[] nanos;

		final long[] startedAt;

		long startedNanos;

		final AtomicInteger errors = new AtomicInteger();

		final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();

		final AtomicLong[] stepNanos = new AtomicLong[STEPS.length];

		final long[][] stepSamples;

		final AtomicInteger okCount = new AtomicInteger();

		long wallNanos;

		long clientCpuNanos;

		int attempted;

		Run(int launches) {
			this.nanos = new long[launches];
			this.startedAt = new long[launches];
			Arrays.fill(nanos, -1);
			this.stepSamples = new long[STEPS.length][launches];
			for (int s = 0; s < STEPS.length; s++) {
				stepNanos[s] = new AtomicLong();
				Arrays.fill(stepSamples[s], -1);
			}
		}

		void record(int i, long began, long duration) {
			nanos[i] = duration;
			startedAt[i] = began;
		}

		/**
		 * One line per launch (start ms into the run, duration ms; -1 when it failed),
		 * for plotting tails.
		 */
		void writeTrace(Path file, long runStarted) throws IOException {
			StringBuilder csv = new StringBuilder("start_ms,duration_ms\n");
			for (int i = 0; i < nanos.length; i++) {
				if (startedAt[i] != 0) {
					csv.append(String.format(Locale.ROOT, "%.1f,%.1f%n", ms(startedAt[i] - runStarted),
							nanos[i] < 0 ? -1.0 : ms(nanos[i])));
				}
			}
			Files.writeString(file, csv);
		}

		void addSteps(long[] steps) {
			int slot = okCount.getAndIncrement();
			for (int s = 0; s < steps.length; s++) {
				stepNanos[s].addAndGet(steps[s]);
				stepSamples[s][slot] = steps[s];
			}
		}

		void error(Exception e) {
			errors.incrementAndGet();
			String kind = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			errorKinds.computeIfAbsent(kind.length() > 160 ? kind.substring(0, 160) : kind, k -> new AtomicInteger())
				.incrementAndGet();
		}

		String report(String url, int launches, int concurrency, int warmup) {
			Latencies ok = Latencies.of(Arrays.stream(nanos).filter(n -> n >= 0));
			double seconds = wallNanos / 1e9;
			StringBuilder out = new StringBuilder();
			String rule = "=".repeat(64) + "\n";
			out.append('\n').append(rule).append("Coachroom launch benchmark\n").append(rule);
			out.append(String.format(Locale.ROOT, "  target          %s%n", url));
			out.append(String.format(Locale.ROOT, "  launches        %d measured (%d attempted), after %d warm-up%n",
					launches, attempted, warmup));
			out.append(String.format(Locale.ROOT, "  concurrency     %d users, each launching one after another%n",
					concurrency));
			out.append(String.format(Locale.ROOT, "  JVM / cores     %s / %d here (the client shares the machine)%n",
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
			if (attempted < launches) {
				out.append(String.format(Locale.ROOT,
						"  STOPPED EARLY   benchmark.max-seconds ran out after %d launches%n", attempted));
			}
			out.append("  ").append("-".repeat(62)).append('\n');
			out.append(String.format(Locale.ROOT, "  launches/s      %.1f   (%d ok in %.2f s)%n", ok.count() / seconds,
					ok.count(), seconds));
			if (ok.count() > 0) {
				out.append(String.format(Locale.ROOT,
						"  latency ms      p50 %.1f   p95 %.1f   p99 %.1f   max %.1f   (one launch = 3 requests + signing)%n",
						ok.ms(50), ok.ms(95), ok.ms(99), ok.maxMs()));
			}
			out.append(String.format(Locale.ROOT, "  errors          %d%n", errors.get()));
			if (ok.count() > 0 && clientCpuNanos > 0) {
				out.append(String.format(Locale.ROOT,
						"  benchmark CPU   %.2f ms per launch (the LMS's signing and the browsers' HTTP, on the same cores)%n",
						ms(clientCpuNanos / ok.count())));
			}
			errorKinds.entrySet()
				.stream()
				.sorted((a, b) -> b.getValue().get() - a.getValue().get())
				.limit(10)
				.forEach(e -> out.append(String.format(Locale.ROOT, "    %6d x %s%n", e.getValue().get(), e.getKey())));
			int n = okCount.get();
			if (n > 0) {
				out.append("  per step (ok launches)   mean ms   p50 ms   p99 ms\n");
				for (int s = 0; s < STEPS.length; s++) {
					Latencies samples = Latencies.of(Arrays.stream(stepSamples[s], 0, n));
					out.append(String.format(Locale.ROOT, "    %-23s %7.2f  %7.2f  %7.2f%n", STEPS[s],
							ms(stepNanos[s].get() / n), samples.ms(50), samples.ms(99)));
				}
			}
			out.append(rule);
			return out.toString();
		}

		private static double ms(long nanos) {
			return nanos / 1e6;
		}

	}

}
