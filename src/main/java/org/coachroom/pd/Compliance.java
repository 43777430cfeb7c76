package org.coachroom.pd;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.Member;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR's compliance view: every person's standing in every program that applies to them, filtered by
 * program, standing, school level and name, sorted, paged, and exported as CSV. HR and district
 * admins see names and credential facts (never coaching content); whoever holds a principal's role
 * sees counts only, small ones suppressed.
 */
@Service
public class Compliance {

	/** Counts below this are shown as "fewer than" to principals, so no one is singled out. */
	static final int SMALLEST_SHOWN = 5;

	static final int PAGE = 50;

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final ProgramTracking tracking;

	private final ProgressRecords progress;

	private final Programs programs;

	private final Standings standings;

	private final Clock clock;

	private final Period dueSoon;

	Compliance(JdbcClient jdbc, DataSource dataSource, ProgramTracking tracking, ProgressRecords progress,
			Programs programs, Standings standings, Clock clock, @Value("${coachroom.pd.due-soon:P30D}") Period dueSoon) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		// Connector/J streams rows one by one at this fetch size: the export's memory stays flat
		this.streaming.setFetchSize(Integer.MIN_VALUE);
		this.tracking = tracking;
		this.progress = progress;
		this.programs = programs;
		this.standings = standings;
		this.clock = clock;
		this.dueSoon = dueSoon;
	}

	/** What a viewer may see here. */
	public enum View {

		NONE, COUNTS, PEOPLE

	}

	/** The program of this code in the viewer's district, for the filter. */
	public Optional<Program> program(Member viewer, String code) {
		return programs.findByTenantIdAndCode(viewer.tenant().value(), code);
	}

	public List<Program> programs(Member viewer) {
		return programs.findByTenantIdAndArchivedFalseOrderByTitle(viewer.tenant().value());
	}

	public View viewOf(Member viewer) {
		if (viewer.hasRole(CoachroomRole.PRINCIPAL)) {
			return View.COUNTS;
		}
		if (viewer.hasRole(CoachroomRole.HR) || viewer.hasRole(CoachroomRole.DISTRICT_ADMIN)) {
			return View.PEOPLE;
		}
		return View.NONE;
	}

	/** The view's filter, as the page's form sends it. */
	public record Filter(Long program, Standing standing, SchoolLevel level, String name, String sort, int page,
			Long school) {

		public Filter {
			name = name == null ? "" : name.strip();
			if (name.length() > 100) {
				name = name.substring(0, 100);
			}
			sort = "due".equals(sort) ? "due" : "name";
			page = Math.max(0, Math.min(page, 100_000));
		}
	}

	/** One person in one program. */
	public record Row(long userRef, String name, String programTitle, String programCode, Obligation obligation,
			Standing standing, LocalDate dueOn, int met, int total) {
	}

	/** A page of rows, and whether another follows. */
	public record Page(List<Row> rows, boolean more) {
	}

	private record Where(String sql, List<Object> params) {
	}

	private Where where(long tenant, Filter filter, boolean withStanding) {
		LocalDate today = tracking.today();
		StringBuilder sql = new StringBuilder("s.tenant_id = ?");
		List<Object> params = new ArrayList<>(List.of(tenant));
		if (filter.program() != null) {
			sql.append(" AND s.program = ?");
			params.add(filter.program());
		}
		if (filter.level() != null) {
			sql.append(" AND s.school_level = ?");
			params.add(filter.level().name());
		}
		if (filter.school() != null) {
			sql.append(" AND s.school_id = ?");
			params.add(filter.school());
		}
		// each word typed must start a word of the person's name
		for (String word : Standings.words(filter.name())) {
			sql.append(" AND s.user_ref IN (SELECT w.user_ref FROM pd_name_word w WHERE w.tenant_id = ? AND w.word LIKE ? ESCAPE '!')");
			params.add(tenant);
			params.add(Standings.startsWith(word));
		}
		if (withStanding && filter.standing() != null) {
			// each standing is a range of due_sort (no deadline sorts last) with complete and started
			Date now = Date.valueOf(today);
			Date soon = Date.valueOf(today.plus(dueSoon));
			switch (filter.standing()) {
				case COMPLETE -> sql.append(" AND s.complete");
				case OVERDUE -> {
					sql.append(" AND NOT s.complete AND s.due_sort < ?");
					params.add(now);
				}
				case DUE_SOON -> {
					sql.append(" AND NOT s.complete AND s.due_sort >= ? AND s.due_sort <= ?");
					params.add(now);
					params.add(soon);
				}
				case NOT_STARTED -> {
					sql.append(" AND NOT s.complete AND NOT s.started AND s.due_sort > ?");
					params.add(soon);
				}
				case ON_TRACK -> {
					sql.append(" AND NOT s.complete AND s.started AND s.due_sort > ?");
					params.add(soon);
				}
			}
		}
		return new Where(sql.toString(), params);
	}

	private String standingExpression() {
		return "CASE WHEN s.complete THEN 'COMPLETE' WHEN s.due_sort < ? THEN 'OVERDUE' WHEN s.due_sort <= ? THEN 'DUE_SOON' "
				+ "WHEN NOT s.started THEN 'NOT_STARTED' ELSE 'ON_TRACK' END";
	}

	private List<Object> standingParams() {
		LocalDate today = tracking.today();
		return List.of(Date.valueOf(today), Date.valueOf(today.plus(dueSoon)));
	}

	@Transactional(readOnly = true)
	public Page page(Member viewer, Filter filter) {
		requirePeople(viewer);
		Where where = where(viewer.tenant().value(), filter, true);
		List<Object> params = new ArrayList<>(standingParams());
		params.addAll(where.params());
		params.add(PAGE + 1);
		params.add(filter.page() * PAGE);
		// orders an index holds, read from pd_standing first, so a page reads about a page of rows
		String order = filter.sort().equals("due") ? "s.due_sort, s.person_name, s.user_ref, s.program"
				: "s.person_name, s.user_ref, s.program";
		// read pd_standing in the index's order and stop after a page, unless a name matches so few people
		// that reading theirs and sorting them is quicker
		String join = filter.name().isEmpty() || namedPeople(viewer.tenant().value(), filter.name()) >= MANY_NAMED
				? "STRAIGHT_JOIN " : "";
		List<Row> rows = jdbc.sql("SELECT " + join + "s.user_ref, s.person_name, p.title, p.code, s.obligation, " + standingExpression()
				+ ", s.due_on, s.met, s.total FROM pd_standing s JOIN pd_program p ON p.id = s.program WHERE "
				+ where.sql() + " ORDER BY " + order + " LIMIT ? OFFSET ?")
			.params(params)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5) == null ? null : Obligation.valueOf(rs.getString(5)), Standing.valueOf(rs.getString(6)),
					rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getInt(8), rs.getInt(9)))
			.list();
		boolean more = rows.size() > PAGE;
		return new Page(more ? rows.subList(0, PAGE) : rows, more);
	}

	/** Above this many people named by a search, walking the name index beats sorting their standings. */
	static final int MANY_NAMED = 1000;

	/** How many people the least common word of a name search matches (counted up to {@link #MANY_NAMED}). */
	private int namedPeople(long tenant, String name) {
		int fewest = Integer.MAX_VALUE;
		for (String word : Standings.words(name)) {
			int named = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM pd_name_word WHERE tenant_id = ? AND word LIKE ? ESCAPE '!' LIMIT "
					+ MANY_NAMED + ") n")
				.params(tenant, Standings.startsWith(word))
				.query(Integer.class)
				.single();
			fewest = Math.min(fewest, named);
		}
		return fewest;
	}

	/** How many people stand where, under the filter (its standing aside). */
	@Transactional(readOnly = true)
	public Map<Standing, Integer> counts(Member viewer, Filter filter) {
		if (viewOf(viewer) == View.NONE) {
			throw new ProgramNotFoundException("compliance");
		}
		// counts carry no names: a principal's filter cannot search by one
		Filter used = viewOf(viewer) == View.COUNTS
				? new Filter(filter.program(), null, filter.level(), "", "name", 0, filter.school()) : filter;
		Map<Standing, Integer> counts = new EnumMap<>(Standing.class);
		for (Standing s : Standing.values()) {
			counts.put(s, 0);
		}
		List<Object> params = new ArrayList<>(standingParams());
		if (used.name().isEmpty() && used.school() == null) {
			// without a name or a school, the tallies answer: a few rows per program and due date, not every standing
			StringBuilder sql = new StringBuilder("s.tenant_id = ?");
			params.add(viewer.tenant().value());
			if (used.program() != null) {
				sql.append(" AND s.program = ?");
				params.add(used.program());
			}
			if (used.level() != null) {
				sql.append(" AND s.school_level = ?");
				params.add(used.level().name());
			}
			jdbc.sql("SELECT " + standingExpression() + " AS standing, SUM(s.people) FROM pd_standing_tally s WHERE " + sql
					+ " GROUP BY standing")
				.params(params)
				.query((rs, i) -> Map.entry(Standing.valueOf(rs.getString(1)), rs.getInt(2)))
				.list()
				.forEach(e -> counts.put(e.getKey(), e.getValue()));
			return counts;
		}
		Where where = where(viewer.tenant().value(), used, false);
		params.addAll(where.params());
		jdbc.sql("SELECT " + standingExpression() + " AS standing, COUNT(*) FROM pd_standing s WHERE " + where.sql()
				+ " GROUP BY standing")
			.params(params)
			.query((rs, i) -> Map.entry(Standing.valueOf(rs.getString(1)), rs.getInt(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** Writes every row under the filter as CSV (RFC 4180), row by row, however many there are. */
	public void exportCsv(Member viewer, Filter filter, OutputStream out) throws IOException {
		requirePeople(viewer);
		Where where = where(viewer.tenant().value(), filter, true);
		List<Object> params = new ArrayList<>(standingParams());
		params.addAll(where.params());
		Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		writer.write("person,program,obligation,standing,due_on,requirements_met,requirements_total\r\n");
		try {
			streaming.query("SELECT STRAIGHT_JOIN s.person_name, p.title, s.obligation, " + standingExpression()
					+ ", s.due_on, s.met, s.total FROM pd_standing s JOIN pd_program p ON p.id = s.program WHERE "
					+ where.sql() + " ORDER BY s.person_name, s.user_ref, s.program", rs -> {
						try {
							writer.write(csv(rs.getString(1)) + "," + csv(rs.getString(2)) + ","
									+ csv(rs.getString(3) == null ? "" : rs.getString(3)) + "," + rs.getString(4) + ","
									+ (rs.getDate(5) == null ? "" : rs.getDate(5).toLocalDate()) + "," + rs.getInt(6) + ","
									+ rs.getInt(7) + "\r\n");
						}
						catch (IOException e) {
							throw new java.io.UncheckedIOException(e);
						}
					}, params.toArray());
		}
		catch (java.io.UncheckedIOException e) {
			throw e.getCause();
		}
		writer.flush();
	}

	/**
	 * A field as RFC 4180 wants it, quoted when it holds a comma, quote or line break. A leading
	 * =, +, -, @, tab or carriage return gets a ' first (OWASP's list), so a spreadsheet never runs a name
	 * as a formula.
	 */
	static String csv(String value) {
		String v = value == null ? "" : value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.contains(",") || v.contains("\"") || v.contains("\r") || v.contains("\n")) {
			return "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}

	/** One person's credential facts, for HR: their programs and requirements, no coaching content. */
	public record Person(long userRef, String name, PdProfile facts, String school, List<ProgramStatus> programs) {
	}

	@Transactional(readOnly = true)
	public Optional<Person> person(Member viewer, long userRef) {
		requirePeople(viewer);
		return personOf(viewer.tenant().value(), userRef);
	}

	/** A person's credential facts, for whoever may see them (HR here, a coach who supports them). */
	/** Whether the person is known to PD tracking in the tenant (HR's view lists them), without working out their standing. */
	boolean isKnown(long tenant, long userRef) {
		return jdbc.sql("SELECT COUNT(*) FROM pd_profile f JOIN lti_user u ON u.id = f.user_ref WHERE f.tenant_id = ? AND f.user_ref = ?")
			.params(tenant, userRef)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<Person> personOf(long tenant, long userRef) {
		return jdbc.sql("""
				SELECT u.name, f.audience, f.school_level, f.role_started_on, sc.name FROM pd_profile f
				JOIN lti_user u ON u.id = f.user_ref LEFT JOIN pd_school sc ON sc.id = f.school_id AND sc.tenant_id = f.tenant_id
				WHERE f.tenant_id = ? AND f.user_ref = ?""")
			.params(tenant, userRef)
			.query((rs, i) -> new Person(userRef, rs.getString(1), new PdProfile(Audience.valueOf(rs.getString(2)),
					SchoolLevel.valueOf(rs.getString(3)), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()),
					rs.getString(5), List.of()))
			.optional()
			.map(p -> new Person(p.userRef(), p.name(), p.facts(), p.school(), tracking.statusesOf(tenant, userRef, p.facts())));
	}

	/** A person's certificate for a program they completed, for HR; empty while it is not complete. */
	@Transactional(readOnly = true)
	public Optional<byte[]> certificate(Member viewer, long userRef, String programCode) {
		return person(viewer, userRef).flatMap(p -> p.programs()
			.stream()
			.filter(s -> s.program().getCode().equals(programCode))
			.findFirst()
			.flatMap(s -> tracking.certificateOf(viewer.tenant().value(), userRef, p.name(), s)));
	}

	/** HR moves a person's due date in a program, with the reason. */
	@Transactional
	public void extend(Member viewer, long userRef, String programCode, LocalDate dueOn, String reason) {
		requirePeople(viewer);
		long tenant = viewer.tenant().value();
		if (person(viewer, userRef).isEmpty()) {
			throw new ProgramNotFoundException("person");
		}
		Program program = programs.findByTenantIdAndCode(tenant, programCode)
			.orElseThrow(() -> new ProgramNotFoundException(programCode));
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new RecordingRefusedException("pd.extension.reason-required");
		}
		if (dueOn == null || !dueOn.isAfter(tracking.today()) || dueOn.isAfter(tracking.today().plusYears(20))) {
			throw new RecordingRefusedException("pd.extension.date");
		}
		Instant now = clock.instant();
		ProgramProgress theirs = progress.findByProgramAndUserRef(program.getId(), userRef)
			.orElseGet(() -> ProgramProgress.start(program, userRef, now));
		String before = theirs.getExtensions().isEmpty() ? "no extension"
				: "due " + theirs.getExtensions().get(theirs.getExtensions().size() - 1).dueOn();
		theirs.extend(new Extension(dueOn, reason.strip(), viewer.userId(), now));
		progress.save(theirs);
		tracking.audit(tenant, userRef, program.getId(), null, viewer.userId(), now, "EXTENSION", before,
				"due " + dueOn + "; reason: " + reason.strip());
		standings.refresh(tenant, userRef);
	}

	private void requirePeople(Member viewer) {
		if (viewOf(viewer) != View.PEOPLE) {
			throw new ProgramNotFoundException("compliance");
		}
	}
}
