package org.coachroom.pd.tracking;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.coachroom.lti.People;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.catalog.Audience;
import org.coachroom.pd.catalog.CatalogChanged;
import org.coachroom.pd.catalog.Obligation;
import org.coachroom.pd.catalog.PdProfile;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.placement.CoursePlacements;
import org.coachroom.shared.DistrictClock;
import org.coachroom.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code pd_standing} current: after any change to a person's profile, progress or
 * evidence, their row per program is recomputed with the same rules the person's own page
 * uses, so HR's view can filter and sort a district in SQL. Rows hold the due date;
 * overdue and due soon are read against the day of the query.
 */
@Component
public class Standings {

	private final Programs programs;

	private final ProgressRecords progress;

	private final People people;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final TransactionTemplate transactions;

	private static final Logger log = LoggerFactory.getLogger(Standings.class);

	private final CoursePlacements courseItems;

	private final NameWords nameWords;

	Standings(Programs programs, ProgressRecords progress, People people, CoursePlacements courseItems,
			NameWords nameWords, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager,
			DistrictClock district) {
		this.courseItems = courseItems;
		this.nameWords = nameWords;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.programs = programs;
		this.progress = progress;
		this.people = people;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = district.zone();
	}

	/**
	 * After a catalog change, everyone's standings in the district: in batches, each its
	 * own transaction, so a big district never holds one long transaction and a person
	 * changing their own progress meanwhile waits for one batch at most.
	 */
	@ApplicationModuleListener
	void on(CatalogChanged changed) {
		long tenant = changed.tenantId();
		long after = 0;
		int done = 0;
		long started = System.nanoTime();
		while (true) {
			List<Long> batch = jdbc
				.sql("SELECT user_ref FROM pd_profile WHERE tenant_id = ? AND user_ref > ? ORDER BY user_ref LIMIT ?")
				.params(tenant, after, BATCH)
				.query(Long.class)
				.list();
			if (batch.isEmpty()) {
				break;
			}
			transactions.executeWithoutResult(tx -> {
				List<Program> catalog = programs.findByTenantIdAndArchivedFalseOrderByTitle(tenant);
				batch.forEach(user -> refresh(tenant, user, catalog));
			});
			done += batch.size();
			after = batch.get(batch.size() - 1);
		}
		log.info("PD standings of {} people refreshed after a catalog change in tenant {} ({} ms)", done, tenant,
				(System.nanoTime() - started) / 1_000_000);
	}

	private static final int BATCH = 200;

	@Transactional
	public void refresh(long tenantId, long userRef) {
		refresh(tenantId, userRef, programs.findByTenantIdAndArchivedFalseOrderByTitle(tenantId));
	}

	private void refresh(long tenantId, long userRef, List<Program> catalog) {
		long[] school = { 0 };
		Optional<PdProfile> profile = jdbc
			.sql("""
					SELECT audience, school_level, role_started_on, school_id FROM pd_profile WHERE tenant_id = ? AND user_ref = ?
					FOR UPDATE""")
			.params(tenantId, userRef)
			.query((rs, i) -> {
				school[0] = rs.getLong(4);
				return new PdProfile(Audience.valueOf(rs.getString(1)), SchoolLevel.valueOf(rs.getString(2)),
						rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate());
			})
			.optional();
		if (profile.isEmpty()) {
			// no standing without a profile (HR's view needs its facts), but a placed
			// item's completion is the course's, whatever the person told us about
			// themselves
			followPlacements(tenantId, userRef, catalog);
			return;
		}
		String name = people.person(new TenantId(tenantId), userRef).map(People.Person::name).orElse("?");
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Instant now = clock.instant();
		// the profile's row lock makes one refresh per person at a time, so the counts
		// move exactly once
		Map<Long, Tally> before = new HashMap<>();
		jdbc.sql("""
				SELECT program, school_level, complete, started, due_sort FROM pd_standing
				WHERE tenant_id = ? AND user_ref = ? FOR UPDATE""")
			.params(tenantId, userRef)
			.query((rs, i) -> new Tally(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
					rs.getDate(5).toLocalDate()))
			.list()
			.forEach(t -> before.put(t.program(), t));
		Map<Long, Tally> after = new HashMap<>();
		Set<Long> placed = courseItems.placedPrograms(tenantId);
		Map<Long, ProgramProgress> recorded = new HashMap<>();
		progress.findByTenantIdAndUserRef(tenantId, userRef).forEach(p -> recorded.put(p.getProgram(), p));
		for (Program program : catalog) {
			Optional<Obligation> obligation = program.obligationFor(profile.get(), today);
			ProgramProgress mine = recorded.get(program.getId());
			if (obligation.isEmpty() && mine == null) {
				continue;
			}
			ProgramStatus status = ProgramProgress.evaluate(program, mine, profile.get(), obligation.orElse(null),
					today, Period.ZERO);
			boolean started = status.requirements()
				.stream()
				.anyMatch(s -> s.progress() != RequirementStatus.Progress.NOT_STARTED);
			jdbc.sql(
					"""
							INSERT INTO pd_standing (tenant_id, program, user_ref, person_name, audience, school_level, school_id,
							obligation, complete, started, due_on, met, total, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
							ON DUPLICATE KEY UPDATE person_name = VALUES(person_name), audience = VALUES(audience),
							school_level = VALUES(school_level), school_id = VALUES(school_id), obligation = VALUES(obligation), complete = VALUES(complete),
							started = VALUES(started), due_on = VALUES(due_on), met = VALUES(met), total = VALUES(total),
							updated_at = VALUES(updated_at)""")
				.params(tenantId, program.getId(), userRef, name.length() > 300 ? name.substring(0, 300) : name,
						profile.get().audience().name(), profile.get().schoolLevel().name(), school[0],
						obligation.map(Enum::name).orElse(null), status.standing() == Standing.COMPLETE, started,
						status.dueOn() == null ? null : Date.valueOf(status.dueOn()), (int) status.met(),
						status.requirements().size(), Timestamp.from(now))
				.update();
			if (placed.contains(program.getId())) {
				courseItems.follow(tenantId, userRef, status);
			}
			after.put(program.getId(),
					new Tally(program.getId(), profile.get().schoolLevel().name(),
							status.standing() == Standing.COMPLETE, started,
							status.dueOn() == null ? NO_DEADLINE : status.dueOn()));
		}
		// programs that no longer apply (a changed role start, say) and hold no progress
		// leave the view
		before.keySet()
			.stream()
			.filter(p -> !after.containsKey(p))
			.forEach(p -> jdbc.sql("DELETE FROM pd_standing WHERE program = ? AND user_ref = ?")
				.params(p, userRef)
				.update());
		adjustTallies(tenantId, before.values(), after.values());
		nameWords.keep(tenantId, userRef, name);
	}

	/**
	 * Completion of the placed programs a person without a profile recorded progress in:
	 * whether a requirement is met depends on the progress alone, and without an
	 * obligation there is no deadline to work out.
	 */
	private void followPlacements(long tenantId, long userRef, List<Program> catalog) {
		Set<Long> placed = courseItems.placedPrograms(tenantId);
		if (placed.isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Map<Long, ProgramProgress> recorded = new HashMap<>();
		progress.findByTenantIdAndUserRef(tenantId, userRef).forEach(p -> recorded.put(p.getProgram(), p));
		for (Program program : catalog) {
			ProgramProgress mine = recorded.get(program.getId());
			if (mine != null && placed.contains(program.getId())) {
				courseItems.follow(tenantId, userRef,
						ProgramProgress.evaluate(program, mine, null, null, today, Period.ZERO));
			}
		}
	}

	/** {@code pd_standing.due_sort} of a standing without a deadline. */
	static final LocalDate NO_DEADLINE = LocalDate.of(9999, 12, 31);

	/** A standing's key in {@code pd_standing_tally}. */
	private record Tally(long program, String schoolLevel, boolean complete, boolean started, LocalDate dueSort) {
	}

	private static final Comparator<Tally> TALLY_ORDER = Comparator.comparingLong(Tally::program)
		.thenComparing(Tally::schoolLevel)
		.thenComparing(Tally::complete)
		.thenComparing(Tally::started)
		.thenComparing(Tally::dueSort);

	/**
	 * Moves this person's counts from their old keys to their new ones, touching rows in
	 * key order so two people's refreshes never wait on each other in a circle.
	 */
	private void adjustTallies(long tenantId, Collection<Tally> before, Collection<Tally> after) {
		Map<Tally, Integer> delta = new TreeMap<>(TALLY_ORDER);
		before.forEach(t -> delta.merge(t, -1, Integer::sum));
		after.forEach(t -> delta.merge(t, 1, Integer::sum));
		delta.forEach((t, d) -> {
			if (d != 0) {
				jdbc.sql(
						"""
								INSERT INTO pd_standing_tally (tenant_id, program, school_level, complete, started, due_sort, people)
								VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE people = people + VALUES(people)""")
					.params(tenantId, t.program(), t.schoolLevel(), t.complete(), t.started(),
							Date.valueOf(t.dueSort()), d)
					.update();
			}
		});
	}

}
