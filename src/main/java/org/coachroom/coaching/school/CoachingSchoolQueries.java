package org.coachroom.coaching.school;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.coachroom.coaching.pair.SupportType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coaching contacts counted by the school they count for, on the (tenant, school, date)
 * index: counts and sums only, never who.
 */
@Repository
class CoachingSchoolQueries {

	private final JdbcClient jdbc;

	CoachingSchoolQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Contacts and distinct teachers at a school (or at none, for a null school). */
	record Tally(Long school, int contacts, int teachers, int teams) {

		Tally(Long school, int contacts, int teachers) {
			this(school, contacts, teachers, 0);
		}

	}

	Tally tally(long tenant, long school, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT COUNT(*), COUNT(DISTINCT teacher_ref), COUNT(DISTINCT team_ref) FROM coaching_contact
				WHERE tenant_id = ? AND school_ref = ? AND held_on >= ? AND held_on < ?""")
			.params(tenant, school, Date.valueOf(from), Date.valueOf(until))
			.query((rs, n) -> new Tally(school, rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	/** Per school of the district, and for contacts of no school. */
	List<Tally> tallies(long tenant, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT school_ref, COUNT(*), COUNT(DISTINCT teacher_ref) FROM coaching_contact
				WHERE tenant_id = ? AND held_on >= ? AND held_on < ? GROUP BY school_ref""")
			.params(tenant, Date.valueOf(from), Date.valueOf(until))
			.query((rs, n) -> new Tally((Long) rs.getObject(1, Long.class), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	int teachersInDistrict(long tenant, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT teacher_ref) FROM coaching_contact
				WHERE tenant_id = ? AND held_on >= ? AND held_on < ?""")
			.params(tenant, Date.valueOf(from), Date.valueOf(until))
			.query(Integer.class)
			.single();
	}

	Map<SupportType, Integer> bySupport(long tenant, long school, LocalDate from, LocalDate until) {
		Map<SupportType, Integer> counts = new TreeMap<>();
		jdbc.sql("""
				SELECT support, COUNT(*) FROM coaching_contact
				WHERE tenant_id = ? AND school_ref = ? AND held_on >= ? AND held_on < ? GROUP BY support""")
			.params(tenant, school, Date.valueOf(from), Date.valueOf(until))
			.query((rs, n) -> counts.put(SupportType.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		return counts;
	}

	Map<LocalDate, Integer> byDay(long tenant, long school, LocalDate from, LocalDate until) {
		Map<LocalDate, Integer> counts = new TreeMap<>();
		jdbc.sql("""
				SELECT held_on, COUNT(*) FROM coaching_contact
				WHERE tenant_id = ? AND school_ref = ? AND held_on >= ? AND held_on < ? GROUP BY held_on""")
			.params(tenant, school, Date.valueOf(from), Date.valueOf(until))
			.query((rs, n) -> counts.put(rs.getDate(1).toLocalDate(), rs.getInt(2)))
			.list();
		return counts;
	}

	/** Contacts and distinct teachers per month, for the months from {@code from}. */
	Map<YearMonth, int[]> byMonth(long tenant, long school, LocalDate from, LocalDate until) {
		Map<YearMonth, int[]> counts = new TreeMap<>();
		jdbc.sql("""
				SELECT YEAR(held_on), MONTH(held_on), COUNT(*), COUNT(DISTINCT teacher_ref) FROM coaching_contact
				WHERE tenant_id = ? AND school_ref = ? AND held_on >= ? AND held_on < ?
				GROUP BY YEAR(held_on), MONTH(held_on)""")
			.params(tenant, school, Date.valueOf(from), Date.valueOf(until))
			.query((rs, n) -> counts.put(YearMonth.of(rs.getInt(1), rs.getInt(2)),
					new int[] { rs.getInt(3), rs.getInt(4) }))
			.list();
		return counts;
	}

	/** The coaches who logged a contact for the school in the period. */
	List<Long> coachesAt(long tenant, long school, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT DISTINCT coach_ref FROM coaching_contact
				WHERE tenant_id = ? AND school_ref = ? AND held_on >= ? AND held_on < ?""")
			.params(tenant, school, Date.valueOf(from), Date.valueOf(until))
			.query(Long.class)
			.list();
	}

	/** The coaches who serve the school now. */
	List<Long> coachesServing(long tenant, long school) {
		return jdbc.sql("SELECT coach_ref FROM coaching_coach_school WHERE tenant_id = ? AND school_ref = ?")
			.params(tenant, school)
			.query(Long.class)
			.list();
	}

	/** The schools each coach of the district serves. */
	Map<Long, Set<Long>> servedByCoach(long tenant) {
		Map<Long, Set<Long>> served = new HashMap<>();
		jdbc.sql("SELECT coach_ref, school_ref FROM coaching_coach_school WHERE tenant_id = ?")
			.param(tenant)
			.query((rs, n) -> served.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2)))
			.list();
		return served;
	}

	/** Minutes of contacts by coach and school (a null school: of none). */
	record CoachMinutes(long coach, Long school, int minutes) {
	}

	List<CoachMinutes> contactMinutes(long tenant, Collection<Long> coaches, LocalDate from, LocalDate until) {
		if (coaches.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT coach_ref, school_ref, SUM(minutes) FROM coaching_contact
				WHERE tenant_id = :tenant AND coach_ref IN (:coaches) AND held_on >= :from AND held_on < :until
				GROUP BY coach_ref, school_ref""")
			.param("tenant", tenant)
			.param("coaches", coaches)
			.param("from", Date.valueOf(from))
			.param("until", Date.valueOf(until))
			.query((rs, n) -> new CoachMinutes(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getInt(3)))
			.list();
	}

	/** Minutes of contacts by coach and school, for every coach of the district. */
	List<CoachMinutes> contactMinutes(long tenant, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT coach_ref, school_ref, SUM(minutes) FROM coaching_contact
				WHERE tenant_id = ? AND held_on >= ? AND held_on < ? GROUP BY coach_ref, school_ref""")
			.params(tenant, Date.valueOf(from), Date.valueOf(until))
			.query((rs, n) -> new CoachMinutes(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getInt(3)))
			.list();
	}

	/** Minutes of other time by coach (all coaches when {@code coaches} is null). */
	Map<Long, Integer> otherMinutes(long tenant, Collection<Long> coaches, LocalDate from, LocalDate until) {
		Map<Long, Integer> minutes = new HashMap<>();
		if (coaches != null && coaches.isEmpty()) {
			return minutes;
		}
		String sql = "SELECT coach_ref, SUM(minutes) FROM coaching_other_time WHERE tenant_id = :tenant"
				+ (coaches == null ? "" : " AND coach_ref IN (:coaches)")
				+ " AND spent_on >= :from AND spent_on < :until GROUP BY coach_ref";
		var statement = jdbc.sql(sql)
			.param("tenant", tenant)
			.param("from", Date.valueOf(from))
			.param("until", Date.valueOf(until));
		if (coaches != null) {
			statement = statement.param("coaches", coaches);
		}
		statement.query((rs, n) -> minutes.put(rs.getLong(1), rs.getInt(2))).list();
		return minutes;
	}

}
