package org.coachroom.benchmark;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Coaching at district size: starts Coachroom in this JVM on a fresh embedded database,
 * writes a district of {@code benchmark.coaches} (200) coaches serving
 * {@code benchmark.schools} (50) schools and {@code benchmark.teachers} (5,000) teachers,
 * with a year of logs ({@code benchmark.contacts}, 400,000 contacts, and other time),
 * launches one of the coaches and a principal, and times the coach's month page, the
 * principal's view of their school and the staff report (p50/p95/p99 each). Run on demand
 * (docs/benchmarks.md, "Coaching benchmark"):
 *
 * <pre>
 * ./mvnw -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.coachroom.benchmark.CoachingBenchmark
 * </pre>
 *
 * Other settings: {@code benchmark.requests} (200 a page), {@code benchmark.warmup} (50).
 */
public final class CoachingBenchmark {

	private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	private static final String STAFF = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Staff";

	private static final String[] SUPPORT = { "MODEL_LESSON", "CO_TEACHING", "OBSERVATION", "VIDEO", "PLANNING",
			"DATA_CONVERSATION", "FEEDBACK_CONVERSATION", "OTHER" };

	private static final String[] OTHER = { "DUTY", "SUBBING", "MEETINGS", "ADMINISTRATIVE", "OTHER" };

	private CoachingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int coaches = Integer.getInteger("benchmark.coaches", 200);
		int teachers = Integer.getInteger("benchmark.teachers", 5000);
		int schoolCount = Integer.getInteger("benchmark.schools", 50);
		int contacts = Integer.getInteger("benchmark.contacts", 400_000);
		int requests = Integer.getInteger("benchmark.requests", 200);
		int warmup = Integer.getInteger("benchmark.warmup", 50);
		ConfigurableApplicationContext app = InProcessApp.start("coachroom-coaching-bench");
		try (BenchmarkLms lms = BenchmarkLms.start()) {
			var base = InProcessApp.base(app);
			String run = UUID.randomUUID().toString().substring(0, 8);
			InProcessApp.register(base, lms, run);
			JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
			// principals come from the link's custom parameter, as a district sets it
			jdbc.update("UPDATE lti_platform SET custom_role_parameter = 'coachroom_role' WHERE issuer = ?",
					lms.issuer());
			BenchmarkBrowser coach = new BenchmarkBrowser(base);
			coach.launch(lms, "coach-" + run, "Carla Coach", INSTRUCTOR, "hub-" + run, "Coaching hub");
			long tenant = jdbc.queryForObject("SELECT tenant_id FROM lti_user WHERE subject = ?", Long.class,
					"coach-" + run);
			long measured = jdbc.queryForObject("SELECT id FROM lti_user WHERE subject = ?", Long.class,
					"coach-" + run);

			long started = System.nanoTime();
			List<Long> schools = schools(jdbc, tenant, schoolCount, run);
			List<Long> coachIds = new ArrayList<>(List.of(measured));
			coachIds.addAll(people(jdbc, tenant, "bench-coach-" + run + "-", coaches - 1));
			List<Long> teacherIds = people(jdbc, tenant, "bench-teacher-" + run + "-", teachers);
			for (int c = 0; c < coachIds.size(); c++) {
				jdbc.update(
						"INSERT INTO coaching_coach_school (tenant_id, coach_ref, school_ref, named_at) VALUES (?, ?, ?, NOW(3))",
						tenant, coachIds.get(c), schools.get(c % schools.size()));
			}
			writeLog(jdbc, tenant, coachIds, teacherIds, schools, contacts);
			jdbc.execute("ANALYZE TABLE coaching_contact, coaching_other_time, coaching_coach_school");
			System.out.printf(Locale.ROOT,
					"District written: %d coaches, %,d teachers, %d schools, %,d contacts in %.1f s%n",
					coachIds.size(), teachers, schools.size(), contacts, (System.nanoTime() - started) / 1e9);

			BenchmarkBrowser principal = new BenchmarkBrowser(base);
			principal.launch(lms, "principal-" + run, "Pat Principal", STAFF, "hub-" + run, "Coaching hub",
					Map.of("coachroom_role", "Principal"));
			long school = schools.get(0);

			System.out.println();
			System.out.println("================================================================");
			System.out.println("Coachroom coaching benchmark");
			System.out.println("================================================================");
			System.out.printf(Locale.ROOT,
					"  district        %d coaches, %,d teachers, %d schools, %,d contacts a year; JVM %s, %d cores%n",
					coachIds.size(), teachers, schools.size(), contacts, System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors());
			time("coach's month (/coaching)", coach, "/coaching", warmup, requests);
			time("principal's month", principal, "/coaching/school?school=" + school, warmup, requests);
			time("staff report", coach, "/coaching/report", warmup, Math.max(20, requests / 4));
			time("staff report PDF", coach, "/coaching/report.pdf", Math.min(warmup, 10), Math.max(20, requests / 10));
			System.out.println("  targets         month pages p95 < 150 ms, staff report < 1 s");
			// what the pages timed showed, so that a fast page is not an empty one
			System.out.printf(Locale.ROOT, "  shown           the coach's month: %s contacts; the principal's month: %s contacts%n",
					figure(coach.get("/coaching").body(), "month-contacts"),
					figure(principal.get("/coaching/school?school=" + school).body(), "school-contacts"));
		}
		finally {
			InProcessApp.stop(app);
		}
	}

	private static void time(String what, BenchmarkBrowser browser, String path, int warmup, int requests)
			throws Exception {
		for (int i = 0; i < warmup; i++) {
			BenchmarkBrowser.expect(browser.get(path), 200, what);
		}
		long[] times = new long[requests];
		for (int i = 0; i < requests; i++) {
			long t0 = System.nanoTime();
			BenchmarkBrowser.expect(browser.get(path), 200, what);
			times[i] = System.nanoTime() - t0;
		}
		Latencies latencies = Latencies.of(Arrays.stream(times));
		System.out.printf(Locale.ROOT, "  %-28s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", what, latencies.ms(50),
				latencies.ms(95), latencies.ms(99));
	}

	private static String figure(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\">\\s*<strong>([^<]+)</strong>").matcher(page);
		return m.find() ? m.group(1) : "(not found)";
	}

	private static List<Long> schools(JdbcTemplate jdbc, long tenant, int count, String run) {
		for (int i = 0; i < count; i++) {
			jdbc.update(
					"INSERT INTO pd_school (tenant_id, name, school_level, archived, created_at) VALUES (?, ?, 'ELEMENTARY', FALSE, NOW(3))",
					tenant, "School " + i + " " + run);
		}
		return jdbc.queryForList("SELECT id FROM pd_school WHERE tenant_id = ? ORDER BY id", Long.class, tenant);
	}

	private static List<Long> people(JdbcTemplate jdbc, long tenant, String prefix, int count) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { tenant, prefix + i, "Person " + i, Timestamp.from(Instant.now()) });
		}
		jdbc.batchUpdate("INSERT INTO lti_user (tenant_id, subject, name, updated_at) VALUES (?, ?, ?, ?)", rows);
		return jdbc.queryForList("SELECT id FROM lti_user WHERE tenant_id = ? AND subject LIKE ? ORDER BY id",
				Long.class, tenant, prefix + "%");
	}

	/**
	 * A year of contacts: each coach works with a set of teachers of their own, some
	 * weekly, most now and then; and some other time each week.
	 */
	private static void writeLog(JdbcTemplate jdbc, long tenant, List<Long> coaches, List<Long> teachers,
			List<Long> schools, int contacts) {
		Random random = new Random(42);
		LocalDate today = LocalDate.now();
		int perCoach = contacts / coaches.size();
		int teachersPerCoach = Math.max(1, teachers.size() / coaches.size());
		List<Object[]> batch = new ArrayList<>();
		for (int c = 0; c < coaches.size(); c++) {
			long school = schools.get(c % schools.size());
			for (int i = 0; i < perCoach; i++) {
				// a skewed spread: a few teachers most of the contacts
				int pick = (int) Math.min(teachersPerCoach - 1, Math.abs(random.nextGaussian()) * teachersPerCoach / 3);
				long teacher = teachers.get((c * teachersPerCoach + pick) % teachers.size());
				batch.add(new Object[] { tenant, coaches.get(c), teacher, school,
						Date.valueOf(today.minusDays(random.nextInt(365))), 15 + random.nextInt(46),
						SUPPORT[random.nextInt(SUPPORT.length)], Timestamp.from(Instant.now()) });
				if (batch.size() == 5000) {
					insertContacts(jdbc, batch);
				}
			}
			List<Object[]> other = new ArrayList<>();
			for (int week = 0; week < 52; week++) {
				other.add(new Object[] { tenant, coaches.get(c), Date.valueOf(today.minusWeeks(week)),
						30 + random.nextInt(200), OTHER[random.nextInt(OTHER.length)], Timestamp.from(Instant.now()) });
			}
			jdbc.batchUpdate(
					"INSERT INTO coaching_other_time (tenant_id, coach_ref, spent_on, minutes, category, created_at) VALUES (?, ?, ?, ?, ?, ?)",
					other);
		}
		insertContacts(jdbc, batch);
	}

	private static void insertContacts(JdbcTemplate jdbc, List<Object[]> batch) {
		if (!batch.isEmpty()) {
			jdbc.batchUpdate(
					"INSERT INTO coaching_contact (tenant_id, coach_ref, teacher_ref, school_ref, held_on, minutes, support, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
					batch);
			batch.clear();
		}
	}

}
