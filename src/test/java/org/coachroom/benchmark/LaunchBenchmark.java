package org.coachroom.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Launches per second through the demo district, the whole LTI 1.3 path as a browser runs it:
 * <ol>
 * <li>GET {@code /demo/launch/<persona>}, the LMS page with the login initiation form,</li>
 * <li>POST it to {@code /lti/login} (302 to the platform's authorization endpoint, browser cookie set),</li>
 * <li>GET {@code /demo/platform/auth}, which answers with the signed id_token form,</li>
 * <li>POST it to {@code /lti/launch} (302 to {@code /home}, session cookie set),</li>
 * <li>GET {@code /home}, which must say "Signed in as".</li>
 * </ol>
 * Each launch has a fresh cookie jar; the personas take turns. Not a test: run it against a running
 * app (see README "Launch benchmark"):
 *
 * <pre>
 * ./mvnw spring-boot:run
 * ./mvnw -q -Pbenchmark test-compile exec:java -Dbenchmark.launches=5000 -Dbenchmark.concurrency=20
 * </pre>
 *
 * System properties: {@code benchmark.url} (http://localhost:8080), {@code benchmark.launches} (5000),
 * {@code benchmark.concurrency} (20), {@code benchmark.warmup} (500), {@code benchmark.max-seconds}
 * (600, a run stops by itself after that), {@code benchmark.fail-on-error} (true).
 */
public final class LaunchBenchmark {

	private static final String[] PERSONAS = { "teacher", "coach", "principal", "hr" };

	private static final String[] STEPS = { "GET /demo/launch", "POST /lti/login", "GET /demo/platform/auth",
			"POST /lti/launch", "GET /home" };

	private static final Pattern FORM = Pattern.compile("<form\\b[^>]*\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

	private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final URI base;

	private final HttpClient http;

	private final ExecutorService httpExecutor;

	private final long deadline;

	private LaunchBenchmark(URI base, int concurrency, long deadline) {
		this.base = base;
		this.deadline = deadline;
		this.httpExecutor = Executors.newFixedThreadPool(Math.max(2, concurrency), daemon("benchmark-http"));
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(httpExecutor)
			.build();
	}

	public static void main(String[] args) throws Exception {
		String url = System.getProperty("benchmark.url", "http://localhost:8080").replaceAll("/+$", "");
		int launches = Integer.getInteger("benchmark.launches", 5000);
		int concurrency = Integer.getInteger("benchmark.concurrency", 20);
		int warmup = Integer.getInteger("benchmark.warmup", 500);
		int maxSeconds = Integer.getInteger("benchmark.max-seconds", 600);
		boolean failOnError = Boolean.parseBoolean(System.getProperty("benchmark.fail-on-error", "true"));
		if (launches < 1 || concurrency < 1 || warmup < 0) {
			throw new IllegalArgumentException("benchmark.launches and benchmark.concurrency must be at least 1, "
					+ "benchmark.warmup at least 0");
		}
		LaunchBenchmark benchmark = new LaunchBenchmark(URI.create(url), concurrency,
				System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos());
		try {
			benchmark.probe();
			System.out.printf(Locale.ROOT, "Warming up: %d launches at concurrency %d against %s ...%n", warmup,
					concurrency, url);
			Run warm = benchmark.run(warmup, concurrency);
			if (warm.errors.get() > 0) {
				System.out.printf(Locale.ROOT, "  (%d errors during warm-up)%n", warm.errors.get());
			}
			System.out.printf(Locale.ROOT, "Measuring: %d launches ...%n", launches);
			Run run = benchmark.run(launches, concurrency);
			System.out.print(run.report(url, launches, concurrency, warmup));
			if (failOnError && run.errors.get() > 0) {
				throw new IllegalStateException(run.errors.get() + " of " + launches + " launches failed (see above)");
			}
		}
		finally {
			benchmark.httpExecutor.shutdownNow();
		}
	}

	/** Fails fast, with a hint, when nothing serves the demo at the URL. */
	private void probe() {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/demo/launch/" + PERSONAS[0]))
				.timeout(REQUEST_TIMEOUT)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + base + "/demo/launch/teacher answered " + response.statusCode()
						+ ": is the app running with the demo district (./mvnw spring-boot:run, or "
						+ "--spring.profiles.active=demo)?");
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Nothing answers at " + base + " (" + e + "): start the app first, e.g. "
					+ "./mvnw spring-boot:run, or set -Dbenchmark.url", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private Run run(int launches, int concurrency) throws InterruptedException {
		Run run = new Run(launches);
		AtomicInteger next = new AtomicInteger();
		List<Thread> workers = new ArrayList<>();
		long started = System.nanoTime();
		for (int w = 0; w < concurrency; w++) {
			Thread worker = daemon("benchmark-user").newThread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < launches && System.nanoTime() < deadline) {
					run.record(i, launchOnce(PERSONAS[i % PERSONAS.length], run));
				}
			});
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		run.wallNanos = System.nanoTime() - started;
		run.attempted = Math.min(next.get(), launches);
		return run;
	}

	/** One launch with its own cookies; returns its duration in nanoseconds, or -1 when it failed. */
	private long launchOnce(String persona, Run run) {
		Map<String, String> cookies = new LinkedHashMap<>();
		long[] steps = new long[STEPS.length];
		long start = System.nanoTime();
		try {
			long t = System.nanoTime();
			HttpResponse<String> page = send(get(base.resolve("/demo/launch/" + persona)), cookies);
			expect(page, 200, STEPS[0]);
			Form login = Form.parse(page.body(), page.uri());
			steps[0] = System.nanoTime() - t;

			t = System.nanoTime();
			HttpResponse<String> redirect = send(post(login), cookies);
			expect(redirect, 302, STEPS[1]);
			URI auth = redirect.uri().resolve(location(redirect));
			steps[1] = System.nanoTime() - t;

			t = System.nanoTime();
			HttpResponse<String> authPage = send(get(auth), cookies);
			expect(authPage, 200, STEPS[2]);
			Form launch = Form.parse(authPage.body(), authPage.uri());
			steps[2] = System.nanoTime() - t;

			t = System.nanoTime();
			HttpResponse<String> launched = send(post(launch), cookies);
			expect(launched, 302, STEPS[3]);
			URI home = launched.uri().resolve(location(launched));
			steps[3] = System.nanoTime() - t;

			t = System.nanoTime();
			HttpResponse<String> homePage = send(get(home), cookies);
			expect(homePage, 200, STEPS[4]);
			if (!homePage.body().contains("Signed in as")) {
				throw new IllegalStateException(STEPS[4] + " answered 200 without \"Signed in as\"");
			}
			steps[4] = System.nanoTime() - t;
			long total = System.nanoTime() - start;
			run.addSteps(steps);
			return total;
		}
		catch (Exception e) {
			run.error(e);
			return -1;
		}
	}

	private static HttpRequest get(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
	}

	private static HttpRequest post(Form form) {
		String body = form.fields()
			.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(form.action())
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** Sends with the launch's cookies and keeps the ones the answer sets (name=value; this host only). */
	private HttpResponse<String> send(HttpRequest request, Map<String, String> cookies)
			throws IOException, InterruptedException {
		if (!cookies.isEmpty()) {
			String header = cookies.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; "));
			request = HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", header).build();
		}
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		for (String set : response.headers().allValues("Set-Cookie")) {
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

	private static void expect(HttpResponse<String> response, int status, String step) {
		if (response.statusCode() != status) {
			String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
			Matcher code = Pattern.compile("id=\"refusal-code\">([^<]+)<").matcher(body);
			throw new IllegalStateException(step + " answered " + response.statusCode() + " instead of " + status
					+ (code.find() ? " (refusal " + code.group(1) + ")" : ""));
		}
	}

	private static String location(HttpResponse<String> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException(response.request().method() + " " + response.uri().getPath()
					+ " redirected without a Location"));
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return r -> {
			Thread t = new Thread(r, name + "-" + count.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}

	/** An auto-submitting form as the demo LMS renders it: action and hidden fields. */
	record Form(URI action, Map<String, String> fields) {

		static Form parse(String html, URI page) {
			Matcher form = FORM.matcher(html);
			if (!form.find()) {
				throw new IllegalStateException("No form on " + page.getPath());
			}
			Map<String, String> fields = new LinkedHashMap<>();
			Matcher input = INPUT.matcher(html);
			while (input.find()) {
				Matcher name = NAME.matcher(input.group());
				Matcher value = VALUE.matcher(input.group());
				if (name.find()) {
					fields.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
				}
			}
			return new Form(page.resolve(unescape(form.group(1))), fields);
		}

		private static String unescape(String s) {
			if (s.indexOf('&') < 0) {
				return s;
			}
			Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|lt|gt|apos);").matcher(s);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				String entity = m.group(1);
				String ch = switch (entity) {
					case "amp" -> "&";
					case "quot" -> "\"";
					case "lt" -> "<";
					case "gt" -> ">";
					case "apos" -> "'";
					default -> new String(Character.toChars(entity.startsWith("#x")
							? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1))));
				};
				m.appendReplacement(out, Matcher.quoteReplacement(ch));
			}
			m.appendTail(out);
			return out.toString();
		}
	}

	/** Durations of one batch of launches, and what went wrong. */
	static final class Run {

		final long[] nanos;

		final AtomicInteger errors = new AtomicInteger();

		final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();

		final AtomicLong[] stepNanos = new AtomicLong[STEPS.length];

		final long[][] stepSamples;

		final AtomicInteger okCount = new AtomicInteger();

		long wallNanos;

		int attempted;

		Run(int launches) {
			this.nanos = new long[launches];
			Arrays.fill(nanos, -1);
			this.stepSamples = new long[STEPS.length][launches];
			for (int s = 0; s < STEPS.length; s++) {
				stepNanos[s] = new AtomicLong();
				Arrays.fill(stepSamples[s], -1);
			}
		}

		void record(int i, long duration) {
			nanos[i] = duration;
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
			long[] ok = Arrays.stream(nanos).filter(n -> n >= 0).sorted().toArray();
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
				out.append(String.format(Locale.ROOT, "  STOPPED EARLY   benchmark.max-seconds ran out after %d launches%n",
						attempted));
			}
			out.append("  ").append("-".repeat(62)).append('\n');
			out.append(String.format(Locale.ROOT, "  launches/s      %.1f   (%d ok in %.2f s)%n", ok.length / seconds,
					ok.length, seconds));
			if (ok.length > 0) {
				out.append(String.format(Locale.ROOT,
						"  latency ms      p50 %.1f   p95 %.1f   p99 %.1f   max %.1f   (one launch = 5 requests)%n",
						ms(percentile(ok, 50)), ms(percentile(ok, 95)), ms(percentile(ok, 99)), ms(ok[ok.length - 1])));
			}
			out.append(String.format(Locale.ROOT, "  errors          %d%n", errors.get()));
			errorKinds.entrySet()
				.stream()
				.sorted((a, b) -> b.getValue().get() - a.getValue().get())
				.limit(10)
				.forEach(e -> out.append(String.format(Locale.ROOT, "    %6d x %s%n", e.getValue().get(), e.getKey())));
			int n = okCount.get();
			if (n > 0) {
				out.append("  per step (ok launches)   mean ms   p50 ms   p99 ms\n");
				for (int s = 0; s < STEPS.length; s++) {
					long[] samples = Arrays.copyOf(stepSamples[s], n);
					Arrays.sort(samples);
					out.append(String.format(Locale.ROOT, "    %-23s %7.2f  %7.2f  %7.2f%n", STEPS[s],
							ms(stepNanos[s].get() / n), ms(percentile(samples, 50)), ms(percentile(samples, 99))));
				}
			}
			out.append(rule);
			return out.toString();
		}

		/** Nearest-rank percentile of sorted values. */
		static long percentile(long[] sorted, double p) {
			int rank = (int) Math.ceil(p / 100.0 * sorted.length);
			return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
		}

		private static double ms(long nanos) {
			return nanos / 1e6;
		}
	}
}
