package org.coachroom.benchmark;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HR's compliance view at district size: starts Coachroom in this JVM on a fresh embedded
 * database, registers the benchmark LMS, writes a generated district of
 * {@code benchmark.teachers} (50,000) teachers, each in {@code benchmark.programs} (10)
 * programs with a spread of standings, launches a district admin, then times the view's
 * first page under several filters (p50/p95/p99 each) and the CSV export of everything
 * (time, size, peak heap). Run on demand (docs/benchmarks.md, "PD compliance benchmark"):
 *
 * <pre>
 * ./mvnw -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.coachroom.benchmark.PdComplianceBenchmark
 * </pre>
 *
 * Other settings: {@code benchmark.requests} (200 per filter), {@code benchmark.warmup}
 * (50).
 */
public final class PdComplianceBenchmark {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	private static final String[] GIVEN = { "Ana", "Ben", "Carla", "Dev", "Elena", "Felix", "Grace", "Hana", "Isaac",
			"Jade", "Kofi", "Lucia", "Maria", "Noah", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq" };

	private static final String[] FAMILY = { "Garcia", "Smith", "Nguyen", "Lopez", "Brown", "Kim", "Patel", "Mensah",
			"Romero", "Sato", "Wilson", "Ode", "Ruiz", "Ellis", "Moreno", "Chen", "Novak", "Haddad", "Okafor",
			"Silva" };

	private PdComplianceBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int teachers = Integer.getInteger("benchmark.teachers", 50_000);
		int programCount = Integer.getInteger("benchmark.programs", 10);
		int requests = Integer.getInteger("benchmark.requests", 200);
		int warmup = Integer.getInteger("benchmark.warmup", 50);
		ConfigurableApplicationContext app = InProcessApp.start("coachroom-pd-bench");
		try (BenchmarkLms lms = BenchmarkLms.start()) {
			URI base = InProcessApp.base(app);
			String run = UUID.randomUUID().toString().substring(0, 8);
			InProcessApp.register(base, lms, run);
			BenchmarkBrowser admin = new BenchmarkBrowser(base);
			admin.launch(lms, "admin-" + run, "Ada Admin", ADMINISTRATOR, "district-" + run, "District office");
			// opening the view once imports the starter catalog for the district
			admin.get("/pd/compliance");
			JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
			long tenant = jdbc.queryForObject("SELECT tenant_id FROM lti_user WHERE subject = ?", Long.class,
					"admin-" + run);

			long started = System.nanoTime();
			List<Long> programs = programs(jdbc, tenant, programCount);
			List<Long> schools = schools(jdbc, tenant, Integer.getInteger("benchmark.schools", 50));
			writeDistrict(jdbc, tenant, programs, schools, teachers);
			System.out.printf(Locale.ROOT, "District written: %,d teachers x %d programs = %,d standings in %.1f s%n",
					teachers, programs.size(), (long) teachers * programs.size(), (System.nanoTime() - started) / 1e9);
			// the counts Standings keeps as it writes, made here in one go
			jdbc.update(
					"""
							INSERT INTO pd_standing_tally (tenant_id, program, school_level, complete, started, due_sort, people)
							SELECT tenant_id, program, school_level, complete, started, due_sort, COUNT(*) FROM pd_standing
							WHERE tenant_id = ? GROUP BY tenant_id, program, school_level, complete, started, due_sort""",
					tenant);
			jdbc.execute("ANALYZE TABLE pd_standing, pd_standing_tally, pd_name_word");

			String letrs = "letrs";
			List<String[]> filters = List.of(new String[] { "everyone, by name", "/pd/compliance" },
					new String[] { "overdue", "/pd/compliance?standing=OVERDUE" },
					new String[] { "one program", "/pd/compliance?program=" + letrs },
					new String[] { "one program, due soon", "/pd/compliance?program=" + letrs + "&standing=DUE_SOON" },
					new String[] { "not started, by due date", "/pd/compliance?standing=NOT_STARTED&sort=due" },
					new String[] { "complete, elementary", "/pd/compliance?standing=COMPLETE&level=ELEMENTARY" },
					new String[] { "name search", "/pd/compliance?name=garcia" },
					new String[] { "name search, two words", "/pd/compliance?name=ana+gar" },
					new String[] { "name search, no one", "/pd/compliance?name=zzyzx" },
					new String[] { "name search, 2 letters", "/pd/compliance?name=ng" },
					new String[] { "name search, one person", "/pd/compliance?name=ana+garcia+1234" },
					new String[] { "page 100", "/pd/compliance?page=100" },
					new String[] { "one school", "/pd/compliance?school=" + schools.get(7) }, new String[] {
							"one school, overdue", "/pd/compliance?school=" + schools.get(7) + "&standing=OVERDUE" });
			System.out.println();
			System.out.println("================================================================");
			System.out.println("Coachroom PD compliance benchmark");
			System.out.println("================================================================");
			System.out.printf(Locale.ROOT,
					"  district        %,d teachers, %d programs, %,d standings; JVM %s, %d cores%n", teachers,
					programs.size(), (long) teachers * programs.size(), System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors());
			for (String[] filter : filters) {
				for (int i = 0; i < warmup; i++) {
					BenchmarkBrowser.expect(admin.get(filter[1]), 200, filter[0]);
				}
				long[] times = new long[requests];
				for (int i = 0; i < requests; i++) {
					long t0 = System.nanoTime();
					BenchmarkBrowser.expect(admin.get(filter[1]), 200, filter[0]);
					times[i] = System.nanoTime() - t0;
				}
				Latencies latencies = Latencies.of(Arrays.stream(times));
				System.out.printf(Locale.ROOT, "  %-26s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", filter[0],
						latencies.ms(50), latencies.ms(95), latencies.ms(99));
			}

			// the export: read as it streams, counting bytes, while the heap's peak is
			// watched
			System.gc();
			List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter(p -> p.getType() == MemoryType.HEAP)
				.toList();
			long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
			heap.forEach(MemoryPoolMXBean::resetPeakUsage);
			// what stays alive is what a leak would show: the heap used right after each
			// collection
			long[] liveAfterGc = { 0 };
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					long live = heap.stream()
						.mapToLong(p -> p.getCollectionUsage() == null ? 0 : p.getCollectionUsage().getUsed())
						.sum();
					liveAfterGc[0] = Math.max(liveAfterGc[0], live);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			});
			sampler.setDaemon(true);
			sampler.start();
			HttpClient client = HttpClient.newHttpClient();
			long t0 = System.nanoTime();
			HttpResponse<InputStream> csv = client.send(HttpRequest.newBuilder(base.resolve("/pd/compliance.csv"))
				.header("Cookie", admin.cookieHeader())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			long bytes = 0;
			long lines = 0;
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = csv.body()) {
				for (int n; (n = in.read(buffer)) > 0;) {
					bytes += n;
					for (int i = 0; i < n; i++) {
						if (buffer[i] == '\n') {
							lines++;
						}
					}
				}
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			sampler.interrupt();
			long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
			System.out.printf(Locale.ROOT, "  CSV export      %,d rows, %.1f MB in %.1f s (status %d)%n", lines - 1,
					bytes / 1e6, seconds, csv.statusCode());
			System.out.printf(Locale.ROOT,
					"  heap            %.0f MB before the export, peak %.0f MB during it, at most %.0f MB "
							+ "left after a collection (max heap %.0f MB)%n",
					before / 1e6, peak / 1e6, liveAfterGc[0] / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
			System.out.println("================================================================");
			admin.close();
		}
		finally {
			InProcessApp.stop(app);
		}
	}

	/**
	 * The district's programs: the starter catalog's, and copies of ESL up to the count.
	 */
	private static List<Long> programs(JdbcTemplate jdbc, long tenant, int count) {
		List<Long> ids = new ArrayList<>(
				jdbc.queryForList("SELECT id FROM pd_program WHERE tenant_id = ? ORDER BY id", Long.class, tenant));
		for (int i = ids.size(); i < count; i++) {
			jdbc.update(
					"""
							INSERT INTO pd_program (tenant_id, code, title, description, deadline_kind, deadline_fixed_date, deadline_years,
							catalog_version, mentored, archived, updated_at, version) VALUES (?, ?, ?, NULL, 'YEARS_AFTER_ROLE_START', NULL, 2,
							NULL, FALSE, FALSE, NOW(3), 1)""",
					tenant, "district-" + i, "District program " + i);
			long id = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
			jdbc.update(
					"""
							INSERT INTO pd_requirement (program, position, code, title, part, kind, threshold, attempts, hours, hours_unit,
							evidence_required) VALUES (?, 0, 'hours', 'Hours', NULL, 'HOURS', NULL, 0, 12, 'clock hours', FALSE)""",
					id);
			ids.add(id);
		}
		return ids.subList(0, count);
	}

	/**
	 * Teachers with profiles and a spread of standings: some complete, overdue, due soon,
	 * not started, on track.
	 */
	/** The district's schools, half elementary, half secondary. */
	private static List<Long> schools(JdbcTemplate jdbc, long tenant, int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			jdbc.update(
					"INSERT INTO pd_school (tenant_id, name, school_level, archived, created_at) VALUES (?, ?, ?, FALSE, NOW(3))",
					tenant, "School " + i, i % 2 == 0 ? "ELEMENTARY" : "SECONDARY");
			ids.add(jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class));
		}
		return ids;
	}

	private static void writeDistrict(JdbcTemplate jdbc, long tenant, List<Long> programs, List<Long> schools,
			int teachers) {
		Random random = new Random(42);
		LocalDate today = LocalDate.now();
		int batch = 1000;
		for (int from = 0; from < teachers; from += batch) {
			int to = Math.min(teachers, from + batch);
			StringBuilder users = new StringBuilder(
					"INSERT INTO lti_user (tenant_id, subject, name, given_name, family_name, email, updated_at) VALUES ");
			List<Object> params = new ArrayList<>();
			List<String> names = new ArrayList<>();
			for (int i = from; i < to; i++) {
				String given = GIVEN[random.nextInt(GIVEN.length)];
				String family = FAMILY[random.nextInt(FAMILY.length)];
				users.append(i > from ? "," : "").append("(?, ?, ?, ?, ?, ?, NOW(3))");
				names.add(given + " " + family + " " + i);
				params.addAll(List.of(tenant, "bench-teacher-" + i, names.get(names.size() - 1), given, family,
						"t" + i + "@district.invalid"));
			}
			jdbc.update(users.toString(), params.toArray());
			List<Long> ids = jdbc
				.queryForList("SELECT id FROM lti_user WHERE tenant_id = ? AND subject LIKE 'bench-teacher-%' "
						+ "AND id > COALESCE((SELECT MAX(user_ref) FROM pd_profile WHERE tenant_id = ?), 0) ORDER BY id",
						Long.class, tenant, tenant);
			StringBuilder profiles = new StringBuilder(
					"INSERT INTO pd_profile (tenant_id, user_ref, audience, confirmed, "
							+ "school_level, school_id, role_started_on, updated_at, updated_by) VALUES ");
			StringBuilder standings = new StringBuilder(
					"INSERT INTO pd_standing (tenant_id, program, user_ref, person_name, "
							+ "audience, school_level, school_id, obligation, complete, started, due_on, met, total, updated_at) VALUES ");
			List<Object> profileParams = new ArrayList<>();
			List<Object> standingParams = new ArrayList<>();
			for (int k = 0; k < ids.size(); k++) {
				long user = ids.get(k);
				int s = random.nextInt(schools.size());
				long school = schools.get(s);
				String level = s % 2 == 0 ? "ELEMENTARY" : "SECONDARY";
				profiles.append(k > 0 ? "," : "").append("(?, ?, 'TEACHER', TRUE, ?, ?, ?, NOW(3), ?)");
				profileParams.addAll(List.of(tenant, user, level, school,
						Date.valueOf(today.minusDays(random.nextInt(2000))), user));
				// ids come back in the order the rows were inserted
				String name = names.get(k);
				for (int p = 0; p < programs.size(); p++) {
					int roll = random.nextInt(100);
					boolean complete = roll < 30;
					boolean started = complete || roll < 70;
					LocalDate due = today.plusDays(random.nextInt(900) - 200);
					standings.append(k > 0 || p > 0 ? "," : "")
						.append("(?, ?, ?, ?, 'TEACHER', ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))");
					standingParams.addAll(Arrays.asList(tenant, programs.get(p), user, name, level, school,
							p % 3 == 0 ? "REQUIRED" : "RECOMMENDED", complete, started, Date.valueOf(due),
							complete ? 10 : started ? random.nextInt(10) : 0, 10));
				}
			}
			StringBuilder words = new StringBuilder(
					"INSERT IGNORE INTO pd_name_word (tenant_id, word, user_ref) VALUES ");
			List<Object> wordParams = new ArrayList<>();
			for (int k = 0; k < ids.size(); k++) {
				for (String word : names.get(k).toLowerCase(Locale.ROOT).split(" ")) {
					words.append(wordParams.isEmpty() ? "" : ",").append("(?, ?, ?)");
					wordParams.addAll(List.of(tenant, word, ids.get(k)));
				}
			}
			jdbc.update(words.toString(), wordParams.toArray());
			jdbc.update(profiles.toString(), profileParams.toArray());
			jdbc.update(standings.toString(), standingParams.toArray());
		}
	}

}
