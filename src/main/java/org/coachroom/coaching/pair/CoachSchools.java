package org.coachroom.coaching.pair;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.Member;
import org.coachroom.pd.Schools;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schools a coach serves, named by the coach from the district's schools (pd's): the
 * school a contact counts for, and whose principal sees the coach's time in counts.
 */
@Service
public class CoachSchools {

	private final JdbcClient jdbc;

	private final Schools schools;

	private final Clock clock;

	CoachSchools(JdbcClient jdbc, Schools schools, Clock clock) {
		this.jdbc = jdbc;
		this.schools = schools;
		this.clock = clock;
	}

	/** The district's schools a coach can name: the open ones. */
	public List<Schools.School> toName(Member coach) {
		return schools.open(coach.tenant().value());
	}

	/** The schools the coach serves, by name (an archived one stays until unnamed). */
	@Transactional(readOnly = true)
	public List<Schools.School> served(Member coach) {
		Set<Long> ids = servedIds(coach.tenant().value(), coach.userId());
		return schools.all(coach.tenant().value()).stream().filter(s -> ids.contains(s.id())).toList();
	}

	public Set<Long> servedIds(long tenant, long coach) {
		return new HashSet<>(
				jdbc.sql("SELECT school_ref FROM coaching_coach_school WHERE tenant_id = ? AND coach_ref = ?")
					.params(tenant, coach)
					.query(Long.class)
					.list());
	}

	public boolean serves(Member coach, long school) {
		return servedIds(coach.tenant().value(), coach.userId()).contains(school);
	}

	/**
	 * The school a contact counts for, from what the coach chose: the coach's only school
	 * when they serve one, the one chosen among theirs when they serve several, none when
	 * they serve none. Empty when the choice is missing or not one of theirs.
	 */
	public Optional<Optional<Long>> countsFor(Member coach, Long chosen) {
		Set<Long> served = servedIds(coach.tenant().value(), coach.userId());
		if (served.isEmpty()) {
			return Optional.of(Optional.empty());
		}
		if (chosen == null && served.size() == 1) {
			return Optional.of(Optional.of(served.iterator().next()));
		}
		return chosen != null && served.contains(chosen) ? Optional.of(Optional.of(chosen)) : Optional.empty();
	}

	/**
	 * The coach names the schools they serve; false (and nothing changed) when one is not
	 * an open school of the district.
	 */
	@Transactional
	public boolean name(Member coach, Collection<Long> chosen) {
		long tenant = coach.tenant().value();
		Set<Long> open = new HashSet<>(toName(coach).stream().map(Schools.School::id).toList());
		Set<Long> kept = servedIds(tenant, coach.userId());
		for (Long id : chosen) {
			if (!open.contains(id) && !kept.contains(id)) {
				return false;
			}
		}
		jdbc.sql("DELETE FROM coaching_coach_school WHERE tenant_id = ? AND coach_ref = ?")
			.params(tenant, coach.userId())
			.update();
		for (Long id : new HashSet<>(chosen)) {
			jdbc.sql(
					"INSERT INTO coaching_coach_school (tenant_id, coach_ref, school_ref, named_at) VALUES (?, ?, ?, ?)")
				.params(tenant, coach.userId(), id, Timestamp.from(clock.instant()))
				.update();
		}
		return true;
	}

}
