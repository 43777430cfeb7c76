package org.coachroom.coaching.log;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.coachroom.coaching.pair.SupportType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coach's log summed over a period, each on the (tenant, coach, date) index: what
 * their month and year pages show.
 */
@Repository
class LogQueries {

	private final JdbcClient jdbc;

	LogQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Contacts and minutes of one kind of support. */
	record SupportCount(SupportType support, int contacts, int minutes) {
	}

	/** One entry of the log, newest first, for the coach to check and take back. */
	record Entry(String kind, long id, LocalDate on, int minutes, String what, Long teacherRef, Long teamRef,
			String note) {
	}

	List<SupportCount> bySupport(long tenant, long coach, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT support, COUNT(*), COALESCE(SUM(minutes), 0) FROM coaching_contact
				WHERE tenant_id = ? AND coach_ref = ? AND held_on >= ? AND held_on < ?
				GROUP BY support""")
			.params(tenant, coach, Date.valueOf(from), Date.valueOf(until))
			.query((rs, n) -> new SupportCount(SupportType.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	/** How many contacts each teacher had: the counts only, never who. */
	List<Integer> contactsPerTeacher(long tenant, long coach, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM coaching_contact
				WHERE tenant_id = ? AND coach_ref = ? AND held_on >= ? AND held_on < ? AND teacher_ref IS NOT NULL
				GROUP BY teacher_ref""")
			.params(tenant, coach, Date.valueOf(from), Date.valueOf(until))
			.query(Integer.class)
			.list();
	}

	/** How many PLC teams the coach had contacts with. */
	int teams(long tenant, long coach, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT team_ref) FROM coaching_contact
				WHERE tenant_id = ? AND coach_ref = ? AND held_on >= ? AND held_on < ?""")
			.params(tenant, coach, Date.valueOf(from), Date.valueOf(until))
			.query(Integer.class)
			.single();
	}

	Map<OtherTime.Category, Integer> otherMinutes(long tenant, long coach, LocalDate from, LocalDate until) {
		Map<OtherTime.Category, Integer> minutes = new EnumMap<>(OtherTime.Category.class);
		jdbc.sql("""
				SELECT category, COALESCE(SUM(minutes), 0) FROM coaching_other_time
				WHERE tenant_id = ? AND coach_ref = ? AND spent_on >= ? AND spent_on < ?
				GROUP BY category""")
			.params(tenant, coach, Date.valueOf(from), Date.valueOf(until))
			.query((rs, n) -> minutes.put(OtherTime.Category.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		return minutes;
	}

	/** The latest entries of the log, contacts and other time together. */
	List<Entry> latest(long tenant, long coach, int limit) {
		return jdbc
			.sql("""
					(SELECT 'contact', id, held_on, minutes, support, teacher_ref, team_ref, note, created_at FROM coaching_contact
					 WHERE tenant_id = ? AND coach_ref = ? ORDER BY held_on DESC, id DESC LIMIT ?)
					UNION ALL
					(SELECT 'other', id, spent_on, minutes, category, NULL, NULL, note, created_at FROM coaching_other_time
					 WHERE tenant_id = ? AND coach_ref = ? ORDER BY spent_on DESC, id DESC LIMIT ?)
					ORDER BY 3 DESC, 9 DESC LIMIT ?""")
			.params(tenant, coach, limit, tenant, coach, limit, limit)
			.query((rs, n) -> new Entry(rs.getString(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getInt(4),
					rs.getString(5), rs.getObject(6) == null ? null : rs.getLong(6),
					rs.getObject(7) == null ? null : rs.getLong(7), rs.getString(8)))
			.list();
	}

}
