package org.coachroom.benchmark;

import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PLC team's workspace after years of work: starts Coachroom in this JVM on a fresh
 * embedded database, registers the benchmark LMS, launches a coach and five teachers into
 * the team's course, opens the workspace, writes {@code benchmark.cycles} (20) closed
 * learning cycles of {@code benchmark.classes} (6) classes each (baseline and
 * re-assessment), then times the workspace overview, a closed cycle's page with its
 * chart, and its printable summary (p50/p95/p99 each). Run on demand (docs/benchmarks.md,
 * "Team workspace benchmark"):
 *
 * <pre>
 * ./mvnw -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.coachroom.benchmark.TeamCyclesBenchmark
 * </pre>
 *
 * Other settings: {@code benchmark.requests} (500 per page), {@code benchmark.warmup}
 * (100).
 */
public final class TeamCyclesBenchmark {

	private TeamCyclesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int cycles = Integer.getInteger("benchmark.cycles", 20);
		int classes = Integer.getInteger("benchmark.classes", 6);
		int requests = Integer.getInteger("benchmark.requests", 500);
		int warmup = Integer.getInteger("benchmark.warmup", 100);
		ConfigurableApplicationContext app = InProcessApp.start("coachroom-team-bench");
		try (BenchmarkLms lms = BenchmarkLms.start()) {
			URI base = InProcessApp.base(app);
			String run = UUID.randomUUID().toString().substring(0, 8);
			InProcessApp.register(base, lms, run);
			String course = "plc-" + run;
			BenchmarkBrowser coach = new BenchmarkBrowser(base);
			coach.launch(lms, "coach-" + run, "Carla Coach", BenchmarkLms.COACH_ROLE, course, "Grade 3 PLC");
			coach.get("/team");
			var opened = coach.submit("/team", List.<String[]>of(new String[] { "title", "Grade 3 team" }));
			BenchmarkBrowser.expect(opened, 302, "opening the workspace");
			for (int t = 0; t < 5; t++) {
				try (BenchmarkBrowser teacher = new BenchmarkBrowser(base)) {
					teacher.launch(lms, "t" + t + "-" + run, "Teacher " + t,
							"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", course, "Grade 3 PLC");
					BenchmarkBrowser.expect(teacher.get("/team"), 302, "a teacher arriving");
				}
			}
			JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
			long workspace = jdbc
				.queryForObject("SELECT w.id FROM team_workspace w JOIN lti_context c ON c.id = w.context_ref "
						+ "WHERE c.context_id = ?", Long.class, course);
			long coachRef = jdbc.queryForObject("SELECT id FROM lti_user WHERE subject = ?", Long.class,
					"coach-" + run);
			long started = System.nanoTime();
			long lastCycle = writeCycles(jdbc, workspace, coachRef, cycles, classes);
			System.out.printf(Locale.ROOT, "Workspace written: %d closed cycles x %d classes in %.1f s%n", cycles,
					classes, (System.nanoTime() - started) / 1e9);

			String w = "/team/" + workspace;
			List<String[]> pages = List.of(new String[] { "workspace overview", w },
					new String[] { "closed cycle with chart", w + "/cycles/" + lastCycle + "/adjust" },
					new String[] { "analysis step with chart", w + "/cycles/" + lastCycle + "/goal" },
					new String[] { "printable summary", w + "/cycles/" + lastCycle + "/summary" });
			System.out.println();
			System.out.println("================================================================");
			System.out.println("Coachroom team workspace benchmark");
			System.out.println("================================================================");
			System.out.printf(Locale.ROOT,
					"  workspace       %d closed cycles x %d classes, 6 members; JVM %s, %d cores%n", cycles, classes,
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
			for (String[] page : pages) {
				for (int i = 0; i < warmup; i++) {
					BenchmarkBrowser.expect(coach.get(page[1]), 200, page[0]);
				}
				long[] times = new long[requests];
				int bytes = 0;
				for (int i = 0; i < requests; i++) {
					long t0 = System.nanoTime();
					var answer = coach.get(page[1]);
					times[i] = System.nanoTime() - t0;
					BenchmarkBrowser.expect(answer, 200, page[0]);
					bytes = answer.body().length();
				}
				Latencies latencies = Latencies.of(Arrays.stream(times));
				System.out.printf(Locale.ROOT, "  %-26s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%,d chars)%n",
						page[0], latencies.ms(50), latencies.ms(95), latencies.ms(99), bytes);
			}
			System.out.println("  target          workspace overview p95 < 100 ms");
			System.out.println("================================================================");
		}
		finally {
			InProcessApp.stop(app);
		}
	}

	/**
	 * Closed cycles with both rounds of results, as a team that has worked for years
	 * would have; returns the last.
	 */
	private static long writeCycles(JdbcTemplate jdbc, long workspace, long by, int cycles, int classes) {
		Random random = new Random(42);
		Timestamp now = Timestamp.from(Instant.now());
		long last = 0;
		for (int n = 1; n <= cycles; n++) {
			LocalDate given = LocalDate.of(2020, 9, 1).plusWeeks(n * 6L);
			boolean met = random.nextInt(3) > 0;
			jdbc.update(
					"""
							INSERT INTO team_cycle (workspace, number, standard, assessment, assessed_on, bands, proficient_from,
							strengths, obstacles, goal, target_percent, goal_by, strategies, intervention, extension, responsibilities,
							reassessed_on, reflection, carry_forward, closed_at, closed_by, goal_met, created_by, created_at,
							updated_by, updated_at, version)
							VALUES (?, ?, ?, ?, ?, 'Beginning\nDeveloping\nProficient\nAdvanced', 2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
							?, ?, ?, ?, ?, ?, ?, 3)""",
					workspace, n,
					"Students will master standard " + n + " of the unit, explaining their reasoning in writing.",
					"Common assessment " + n + ": 8 items and a short response", Date.valueOf(given),
					"Strengths seen in cycle " + n, "Obstacles seen in cycle " + n,
					"By the re-assessment, 70% of our students will be proficient on standard " + n + ".", 70,
					Date.valueOf(given.plusWeeks(4)), "Strategies " + n, "Intervention " + n, "Extension " + n,
					"Who does what " + n, Date.valueOf(given.plusWeeks(4)), "Reflection " + n, "Carry forward " + n,
					now, by, met, by, now, by, now);
			last = jdbc.queryForObject("SELECT id FROM team_cycle WHERE workspace = ? AND number = ?", Long.class,
					workspace, n);
			for (String round : List.of("BASELINE", "REASSESSMENT")) {
				for (int c = 0; c < classes; c++) {
					int size = 18 + random.nextInt(12);
					int[] counts = new int[4];
					for (int s = 0; s < size - random.nextInt(3); s++) {
						counts["BASELINE".equals(round) ? random.nextInt(4) : 1 + random.nextInt(3)]++;
					}
					jdbc.update(
							"INSERT INTO team_cycle_result (cycle, round, position, class_name, class_size, counts) "
									+ "VALUES (?, ?, ?, ?, ?, ?)",
							last, round, c, "Room " + (10 + c), size,
							counts[0] + "," + counts[1] + "," + counts[2] + "," + counts[3]);
				}
			}
			jdbc.update("INSERT INTO team_cycle_participant (cycle, user_ref) VALUES (?, ?)", last, by);
		}
		return last;
	}

}
