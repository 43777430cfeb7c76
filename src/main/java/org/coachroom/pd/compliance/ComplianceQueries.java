package org.coachroom.pd.compliance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.catalog.Obligation;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.tracking.NameWords;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.pd.tracking.Standing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR's compliance view as queries: every person's standing in every program that applies
 * to them, filtered by program, standing, school level, school and name, sorted and
 * paged, and counted. Reads only pd's own tables ({@code pd_standing} keeps each person's
 * name for sorting and paging).
 */
@Component
public class ComplianceQueries {

	static final int PAGE = 50;

	private final JdbcClient jdbc;

	private final Programs programs;

	private final ComplianceAccess access;

	private final PdCalendar calendar;

	ComplianceQueries(JdbcClient jdbc, Programs programs, ComplianceAccess access, PdCalendar calendar) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.access = access;
		this.calendar = calendar;
	}

	/** The program of this code in the viewer's district, for the filter. */
	public Optional<Program> program(Member viewer, String code) {
		return programs.findByTenantIdAndCode(viewer.tenant().value(), code);
	}

	public List<Program> programs(Member viewer) {
		return programs.findByTenantIdAndArchivedFalseOrderByTitle(viewer.tenant().value());
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

	record Where(String sql, List<Object> params) {
	}

	Where where(long tenant, Filter filter, boolean withStanding) {
		LocalDate today = calendar.today();
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
		for (String word : NameWords.words(filter.name())) {
			sql.append(
					" AND s.user_ref IN (SELECT w.user_ref FROM pd_name_word w WHERE w.tenant_id = ? AND w.word LIKE ? ESCAPE '!')");
			params.add(tenant);
			params.add(NameWords.startsWith(word));
		}
		if (withStanding && filter.standing() != null) {
			// each standing is a range of due_sort (no deadline sorts last) with complete
			// and started
			Date now = Date.valueOf(today);
			Date soon = Date.valueOf(today.plus(calendar.dueSoon()));
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

	String standingExpression() {
		return "CASE WHEN s.complete THEN 'COMPLETE' WHEN s.due_sort < ? THEN 'OVERDUE' WHEN s.due_sort <= ? THEN 'DUE_SOON' "
				+ "WHEN NOT s.started THEN 'NOT_STARTED' ELSE 'ON_TRACK' END";
	}

	List<Object> standingParams() {
		LocalDate today = calendar.today();
		return List.of(Date.valueOf(today), Date.valueOf(today.plus(calendar.dueSoon())));
	}

	@Transactional(readOnly = true)
	public Page page(Member viewer, Filter filter) {
		access.requirePeople(viewer);
		Where where = where(viewer.tenant().value(), filter, true);
		List<Object> params = new ArrayList<>(standingParams());
		params.addAll(where.params());
		params.add(PAGE + 1);
		params.add(filter.page() * PAGE);
		// orders an index holds, read from pd_standing first, so a page reads about a
		// page of rows
		String order = filter.sort().equals("due") ? "s.due_sort, s.person_name, s.user_ref, s.program"
				: "s.person_name, s.user_ref, s.program";
		// read pd_standing in the index's order and stop after a page, unless a name
		// matches so few people
		// that reading theirs and sorting them is quicker
		String join = filter.name().isEmpty() || namedPeople(viewer.tenant().value(), filter.name()) >= MANY_NAMED
				? "STRAIGHT_JOIN " : "";
		List<Row> rows = jdbc
			.sql("SELECT " + join + "s.user_ref, s.person_name, p.title, p.code, s.obligation, " + standingExpression()
					+ ", s.due_on, s.met, s.total FROM pd_standing s JOIN pd_program p ON p.id = s.program WHERE "
					+ where.sql() + " ORDER BY " + order + " LIMIT ? OFFSET ?")
			.params(params)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5) == null ? null : Obligation.valueOf(rs.getString(5)),
					Standing.valueOf(rs.getString(6)), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
					rs.getInt(8), rs.getInt(9)))
			.list();
		boolean more = rows.size() > PAGE;
		return new Page(more ? rows.subList(0, PAGE) : rows, more);
	}

	/**
	 * Above this many people named by a search, walking the name index beats sorting
	 * their standings.
	 */
	static final int MANY_NAMED = 1000;

	/**
	 * How many people the least common word of a name search matches (counted up to
	 * {@link #MANY_NAMED}).
	 */
	private int namedPeople(long tenant, String name) {
		int fewest = Integer.MAX_VALUE;
		for (String word : NameWords.words(name)) {
			int named = jdbc.sql(
					"SELECT COUNT(*) FROM (SELECT 1 FROM pd_name_word WHERE tenant_id = ? AND word LIKE ? ESCAPE '!' LIMIT "
							+ MANY_NAMED + ") n")
				.params(tenant, NameWords.startsWith(word))
				.query(Integer.class)
				.single();
			fewest = Math.min(fewest, named);
		}
		return fewest;
	}

	/** How many people stand where, under the filter (its standing aside). */
	@Transactional(readOnly = true)
	public Map<Standing, Integer> counts(Member viewer, Filter filter) {
		if (access.viewOf(viewer) == ComplianceAccess.View.NONE) {
			throw ProgramNotFoundException.page("compliance");
		}
		// counts carry no names: a principal's filter cannot search by one
		Filter used = access.viewOf(viewer) == ComplianceAccess.View.COUNTS
				? new Filter(filter.program(), null, filter.level(), "", "name", 0, filter.school()) : filter;
		Map<Standing, Integer> counts = new EnumMap<>(Standing.class);
		for (Standing s : Standing.values()) {
			counts.put(s, 0);
		}
		List<Object> params = new ArrayList<>(standingParams());
		if (used.name().isEmpty() && used.school() == null) {
			// without a name or a school, the tallies answer: a few rows per program and
			// due date, not every standing
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
			jdbc.sql("SELECT " + standingExpression() + " AS standing, SUM(s.people) FROM pd_standing_tally s WHERE "
					+ sql + " GROUP BY standing")
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

}
