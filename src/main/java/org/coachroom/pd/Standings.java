package org.coachroom.pd;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.People;
import org.coachroom.shared.TenantId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code pd_standing} current: after any change to a person's profile, progress or evidence,
 * their row per program is recomputed with the same rules the person's own page uses, so HR's view
 * can filter and sort a district in SQL. Rows hold the due date; overdue and due soon are read
 * against the day of the query.
 */
@Component
class Standings {

	private final Programs programs;

	private final ProgressRecords progress;

	private final People people;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	Standings(Programs programs, ProgressRecords progress, People people, JdbcClient jdbc, Clock clock,
			@Value("${coachroom.time-zone:}") String timeZone) {
		this.programs = programs;
		this.progress = progress;
		this.people = people;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
	}

	@Transactional
	void refresh(long tenantId, long userRef) {
		Optional<PdProfile> profile = jdbc
			.sql("SELECT audience, school_level, role_started_on FROM pd_profile WHERE tenant_id = ? AND user_ref = ?")
			.params(tenantId, userRef)
			.query((rs, i) -> new PdProfile(Audience.valueOf(rs.getString(1)), SchoolLevel.valueOf(rs.getString(2)),
					rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
			.optional();
		if (profile.isEmpty()) {
			return;
		}
		String name = people.person(new TenantId(tenantId), userRef).map(People.Person::name).orElse("?");
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Instant now = clock.instant();
		Map<Long, ProgramProgress> recorded = new HashMap<>();
		progress.findByTenantIdAndUserRef(tenantId, userRef).forEach(p -> recorded.put(p.getProgram(), p));
		Set<Long> kept = new HashSet<>();
		for (Program program : programs.findByTenantIdAndArchivedFalseOrderByTitle(tenantId)) {
			Optional<Obligation> obligation = program.obligationFor(profile.get(), today);
			ProgramProgress mine = recorded.get(program.getId());
			if (obligation.isEmpty() && mine == null) {
				continue;
			}
			ProgramStatus status = ProgramProgress.evaluate(program, mine, profile.get(), obligation.orElse(null), today,
					Period.ZERO);
			boolean started = status.requirements()
				.stream()
				.anyMatch(s -> s.progress() != RequirementStatus.Progress.NOT_STARTED);
			jdbc.sql("""
					INSERT INTO pd_standing (tenant_id, program, user_ref, person_name, audience, school_level, obligation,
					complete, started, due_on, met, total, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON DUPLICATE KEY UPDATE person_name = VALUES(person_name), audience = VALUES(audience),
					school_level = VALUES(school_level), obligation = VALUES(obligation), complete = VALUES(complete),
					started = VALUES(started), due_on = VALUES(due_on), met = VALUES(met), total = VALUES(total),
					updated_at = VALUES(updated_at)""")
				.params(tenantId, program.getId(), userRef, name.length() > 300 ? name.substring(0, 300) : name,
						profile.get().audience().name(), profile.get().schoolLevel().name(),
						obligation.map(Enum::name).orElse(null), status.standing() == Standing.COMPLETE, started,
						status.dueOn() == null ? null : java.sql.Date.valueOf(status.dueOn()), (int) status.met(),
						status.requirements().size(), Timestamp.from(now))
				.update();
			kept.add(program.getId());
		}
		// programs that no longer apply (a changed role start, say) and hold no progress leave the view
		jdbc.sql("SELECT program FROM pd_standing WHERE tenant_id = ? AND user_ref = ?")
			.params(tenantId, userRef)
			.query(Long.class)
			.list()
			.stream()
			.filter(p -> !kept.contains(p))
			.forEach(p -> jdbc.sql("DELETE FROM pd_standing WHERE program = ? AND user_ref = ?").params(p, userRef).update());
	}
}
