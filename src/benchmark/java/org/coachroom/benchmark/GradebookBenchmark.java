package org.coachroom.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.coachroom.Application;
import org.coachroom.shared.database.DevDatabaseConfiguration;
import org.coachroom.lti.PlatformRegistration;
import org.coachroom.lti.PlatformRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the gradebook outbox drains: starts Coachroom in this JVM on a fresh embedded
 * database, with an LMS on a local port that answers every call after
 * {@code benchmark.lms-delay-ms} (50), puts {@code benchmark.scores} (10,000) pending
 * scores for {@code benchmark.line-items} (50) line items in the outbox, and times them
 * out. Counts the tokens the LMS granted and the scores it received (each must arrive
 * once). Run on demand (docs/benchmarks.md, "Gradebook benchmark"):
 *
 * <pre>
 * ./mvnw -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.coachroom.benchmark.GradebookBenchmark
 * </pre>
 *
 * Sends at once per LMS: {@code benchmark.per-lms} (16; the app's default is a polite 4),
 * workers: {@code benchmark.workers} (16).
 */
public final class GradebookBenchmark {

	private GradebookBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int scores = Integer.getInteger("benchmark.scores", 10_000);
		int lineItems = Integer.getInteger("benchmark.line-items", 50);
		int delay = Integer.getInteger("benchmark.lms-delay-ms", 50);
		int perLms = Integer.getInteger("benchmark.per-lms", 16);
		int workers = Integer.getInteger("benchmark.workers", 16);
		AtomicInteger tokens = new AtomicInteger();
		AtomicInteger received = new AtomicInteger();
		Map<String, AtomicInteger> perScore = new ConcurrentHashMap<>();

		HttpServer lms = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		// its threads must end with the run, or exec:java waits for them for ever
		ExecutorService lmsThreads = Executors.newFixedThreadPool(64);
		lms.setExecutor(lmsThreads);
		lms.createContext("/token", exchange -> {
			exchange.getRequestBody().readAllBytes();
			tokens.incrementAndGet();
			sleep(delay);
			answer(exchange, 200,
					"{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
		});
		lms.createContext("/lineitems/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String user = body.replaceAll("(?s).*\"userId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
			perScore.computeIfAbsent(exchange.getRequestURI().getPath() + " " + user, k -> new AtomicInteger())
				.incrementAndGet();
			received.incrementAndGet();
			sleep(delay);
			answer(exchange, 200, "");
		});
		lms.start();
		String base = "http://127.0.0.1:" + lms.getAddress().getPort();
		Path data = InProcessApp.dataDir("coachroom-gradebook-bench");

		ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class,
				DevDatabaseConfiguration.class)
			.properties("server.port=0", "spring.jmx.enabled=false", "coachroom.embedded-database.data-dir=" + data,
					"coachroom.lti.allow-private-network=true", "coachroom.gradebook.per-lms=" + perLms,
					"coachroom.gradebook.workers=" + workers, "coachroom.gradebook.poll=PT0.2S",
					"coachroom.lti.registrations-file=none", "logging.level.org.coachroom=WARN")
			.run();
		try {
			PlatformRegistry registry = app.getBean(PlatformRegistry.class);
			long tenant = registry
				.register(new PlatformRegistration(base, "bench-" + UUID.randomUUID(), "Benchmark LMS", base + "/auth",
						base + "/token", base + "/jwks", "moodle", PlatformRegistration.Source.REGISTRATIONS_FILE,
						List.of("1"), Map.of(), null, List.of()))
				.tenants()
				.get(0)
				.value();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Instant now = Instant.now().plusSeconds(3600);
			for (int i = 0; i < scores; i++) {
				jdbc.sql(
						"""
								INSERT INTO gradebook_score (tenant_id, source, source_id, source_title, resource_link_id, user_ref,
								user_subject, line_item_url, score_given, score_maximum, completed_at, status, attempts, next_attempt_at,
								service_off, created_at) VALUES (?, 'STUDY_GROUP', 0, 'Benchmark', ?, ?, ?, ?, 100, 100, ?, 'PENDING', 0,
								?, FALSE, ?)""")
					.params(tenant, Integer.toString(i % lineItems), i, "user-" + i,
							base + "/lineitems/" + (i % lineItems) + "/lineitem?type_id=1",
							Timestamp.from(Instant.now()), Timestamp.from(now), Timestamp.from(Instant.now()))
					.update();
			}
			System.out.printf(Locale.ROOT, "%d scores for %d line items waiting; the LMS answers in %d ms ...%n",
					scores, lineItems, delay);
			long started = System.nanoTime();
			// all due at once
			jdbc.sql("UPDATE gradebook_score SET next_attempt_at = ? WHERE tenant_id = ?")
				.params(Timestamp.from(Instant.now()), tenant)
				.update();
			int sent = 0;
			while (sent < scores && System.nanoTime() - started < 600_000_000_000L) {
				Thread.sleep(200);
				sent = jdbc.sql("SELECT COUNT(*) FROM gradebook_score WHERE tenant_id = ? AND status = 'SENT'")
					.param(tenant)
					.query(Integer.class)
					.single();
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			long twice = perScore.values().stream().filter(n -> n.get() > 1).count();
			String rule = "=".repeat(64) + "\n";
			System.out.print("\n" + rule + "Coachroom gradebook benchmark\n" + rule);
			System.out.printf(Locale.ROOT, "  scores          %d for %d line items, LMS answering in %d ms%n", scores,
					lineItems, delay);
			System.out.printf(Locale.ROOT, "  sends at once   %d per LMS, %d workers; JVM %s, %d cores%n", perLms,
					workers, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
			System.out.printf(Locale.ROOT, "  drained         %d sent in %.1f s = %.1f scores/s%n", sent, seconds,
					sent / seconds);
			System.out.printf(Locale.ROOT,
					"  LMS received    %d score posts, %d scores more than once; %d token(s) granted%n", received.get(),
					twice, tokens.get());
			System.out.print(rule);
		}
		finally {
			app.close();
			lms.stop(0);
			lmsThreads.shutdownNow();
		}
	}

	private static void sleep(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
