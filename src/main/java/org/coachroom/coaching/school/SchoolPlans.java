package org.coachroom.coaching.school;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.pd.Schools;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the principal and the coach agree at their monthly meeting: the school's goals (a
 * short list both edit) and what the coach needs (the coach's words for the principal);
 * and the school a principal looks at, remembered.
 */
@Service
@Transactional
public class SchoolPlans {

	/** A short list: what a school works on this year. */
	static final int MOST_GOALS = 10;

	static final int LONGEST_GOAL = 300;

	static final int LONGEST_NEED = 2000;

	private final JdbcClient jdbc;

	private final SchoolAccess access;

	private final Schools schools;

	private final People people;

	private final Clock clock;

	SchoolPlans(JdbcClient jdbc, SchoolAccess access, Schools schools, People people, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.schools = schools;
		this.people = people;
		this.clock = clock;
	}

	public record Goal(long id, String text) {
	}

	/** What a coach needs, in their words, with their name and the day written. */
	public record Need(String coach, String text, Instant updatedAt) {
	}

	@Transactional(readOnly = true)
	public List<Goal> goals(long tenant, long school) {
		return jdbc.sql("SELECT id, text FROM coaching_school_goal WHERE tenant_id = ? AND school_ref = ? ORDER BY id")
			.params(tenant, school)
			.query((rs, n) -> new Goal(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** The text of a goal as typed: 1 to 300 characters; empty when it is not. */
	static Optional<String> goalText(String typed) {
		String text = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
		return text.isEmpty() || text.length() > LONGEST_GOAL ? Optional.empty() : Optional.of(text);
	}

	/** Whether the list has room for one more goal. */
	@Transactional(readOnly = true)
	boolean roomForAGoal(long tenant, long school) {
		return goals(tenant, school).size() < MOST_GOALS;
	}

	/** Adds a goal to a school's list, for its principal or a coach who serves it. */
	void addGoal(Member member, long school, String text) {
		requireWriter(member, school);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO coaching_school_goal (tenant_id, school_ref, text, written_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(member.tenant().value(), school, text, member.userId(), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	void editGoal(Member member, long school, long goal, String text) {
		requireWriter(member, school);
		int changed = jdbc.sql(
				"UPDATE coaching_school_goal SET text = ?, written_by = ?, updated_at = ? WHERE id = ? AND tenant_id = ? AND school_ref = ?")
			.params(text, member.userId(), Timestamp.from(clock.instant()), goal, member.tenant().value(), school)
			.update();
		if (changed == 0) {
			throw new CoachingAccess.CoachingNotFoundException("school goal " + goal, "coaching.not-found.school");
		}
	}

	void removeGoal(Member member, long school, long goal) {
		requireWriter(member, school);
		int changed = jdbc.sql("DELETE FROM coaching_school_goal WHERE id = ? AND tenant_id = ? AND school_ref = ?")
			.params(goal, member.tenant().value(), school)
			.update();
		if (changed == 0) {
			throw new CoachingAccess.CoachingNotFoundException("school goal " + goal, "coaching.not-found.school");
		}
	}

	/**
	 * A principal may write the goals of any school of their district; a coach of theirs.
	 */
	void requireWriter(Member member, long school) {
		if (schools.find(member.tenant().value(), school).isEmpty()) {
			throw new CoachingAccess.CoachingNotFoundException("school " + school, "coaching.not-found.school");
		}
		if (!SchoolAccess.principal(member)) {
			access.requireServingCoach(member, school);
		}
	}

	@Transactional(readOnly = true)
	public List<Need> needs(Member reader, long school) {
		record Row(long coach, String text, Instant updatedAt) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT coach_ref, text, updated_at FROM coaching_school_need
				WHERE tenant_id = ? AND school_ref = ? ORDER BY updated_at DESC""")
			.params(reader.tenant().value(), school)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
		Map<Long, People.Person> named = rows.isEmpty() ? Map.of()
				: people.people(reader.tenant(), rows.stream().map(Row::coach).toList());
		return rows.stream()
			.map(r -> new Need(Optional.ofNullable(named.get(r.coach())).map(People.Person::displayName).orElse(""),
					r.text(), r.updatedAt()))
			.toList();
	}

	@Transactional(readOnly = true)
	public String needOf(Member coach, long school) {
		return jdbc
			.sql("SELECT text FROM coaching_school_need WHERE tenant_id = ? AND school_ref = ? AND coach_ref = ?")
			.params(coach.tenant().value(), school, coach.userId())
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** The coach writes what they need from the school; blank, it is taken back. */
	void writeNeed(Member coach, long school, String text) {
		access.requireServingCoach(coach, school);
		long tenant = coach.tenant().value();
		if (text.isBlank()) {
			jdbc.sql("DELETE FROM coaching_school_need WHERE tenant_id = ? AND school_ref = ? AND coach_ref = ?")
				.params(tenant, school, coach.userId())
				.update();
			return;
		}
		jdbc.sql(
				"""
						INSERT INTO coaching_school_need (tenant_id, school_ref, coach_ref, text, updated_at) VALUES (?, ?, ?, ?, ?)
						ON DUPLICATE KEY UPDATE text = VALUES(text), updated_at = VALUES(updated_at)""")
			.params(tenant, school, coach.userId(), text.strip(), Timestamp.from(clock.instant()))
			.update();
	}

	/** The school the principal chose last time, if it is still a school of theirs. */
	@Transactional(readOnly = true)
	public Optional<Long> rememberedSchool(Member principal) {
		return jdbc.sql("SELECT school_ref FROM coaching_principal_school WHERE user_ref = ? AND tenant_id = ?")
			.params(principal.userId(), principal.tenant().value())
			.query(Long.class)
			.optional();
	}

	void rememberSchool(Member principal, long school) {
		jdbc.sql("""
				INSERT INTO coaching_principal_school (user_ref, tenant_id, school_ref, chosen_at) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE school_ref = VALUES(school_ref), chosen_at = VALUES(chosen_at)""")
			.params(principal.userId(), principal.tenant().value(), school, Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * The principal's school: the one asked for (then remembered), else the one chosen
	 * last time, else the district's only open school; empty when they must choose.
	 */
	public Optional<Schools.School> schoolOf(Member principal, Long asked) {
		long tenant = principal.tenant().value();
		if (asked != null) {
			Optional<Schools.School> school = schools.find(tenant, asked);
			school.ifPresent(s -> rememberSchool(principal, s.id()));
			return school;
		}
		Optional<Schools.School> remembered = rememberedSchool(principal).flatMap(id -> schools.find(tenant, id));
		if (remembered.isPresent()) {
			return remembered;
		}
		List<Schools.School> open = schools.open(tenant);
		return open.size() == 1 ? Optional.of(open.get(0)) : Optional.empty();
	}

}
