package org.coachroom.coaching.cycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;

import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.lti.Member;
import org.coachroom.team.TeamWork;
import org.coachroom.shared.PdCreditEarned;
import org.coachroom.shared.PdCreditWithdrawn;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every change to a coaching cycle, each checked against who is making it. */
@Service
@Transactional
public class CoachingCycleEditing {

	private static final Logger log = LoggerFactory.getLogger(CoachingCycleEditing.class);

	private final CoachingCycles cycles;

	private final CoachingCycleAccess access;

	private final CoachingAccess coaching;

	private final CoachingCalendar calendar;

	private final Clock clock;

	private final CoachingCycleContacts contacts;

	private final ApplicationEventPublisher events;

	private final TeamWork teams;

	CoachingCycleEditing(CoachingCycles cycles, CoachingCycleAccess access, CoachingAccess coaching,
			CoachingCalendar calendar, Clock clock, CoachingCycleContacts contacts, ApplicationEventPublisher events,
			TeamWork teams) {
		this.teams = teams;
		this.contacts = contacts;
		this.events = events;
		this.cycles = cycles;
		this.access = access;
		this.coaching = coaching;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Opens a cycle with a teacher the coach supports; anyone else is no one the coach
	 * can name.
	 */
	public CoachingCycle open(Member coach, long teacherRef, CoachingCycle.Goal goal) {
		coaching.requireCoach(coach);
		if (!coaching.supports(coach, teacherRef)) {
			throw new CoachingAccess.CoachingNotFoundException("supported teacher " + teacherRef,
					"coaching.not-found.teacher");
		}
		CoachingCycle cycle = cycles.save(CoachingCycle.open(coach.tenant().value(), coach.userId(), teacherRef, null,
				goal, calendar.today(), clock.instant()));
		log.info("Coaching cycle {} opened (tenant {})", cycle.getId(), coach.tenant().value());
		return cycle;
	}

	/**
	 * Opens a cycle with a PLC team the coach facilitates; any other team is none of
	 * theirs.
	 */
	public CoachingCycle openWithTeam(Member coach, long teamRef, CoachingCycle.Goal goal) {
		coaching.requireCoach(coach);
		if (!teams.facilitates(coach, teamRef)) {
			throw new CoachingAccess.CoachingNotFoundException("team " + teamRef + " of this coach",
					"coaching.not-found.team");
		}
		CoachingCycle cycle = cycles.save(CoachingCycle.open(coach.tenant().value(), coach.userId(), null, teamRef,
				goal, calendar.today(), clock.instant()));
		log.info("Coaching cycle {} opened with a team (tenant {})", cycle.getId(), coach.tenant().value());
		return cycle;
	}

	public void reword(Member member, long id, CoachingCycle.Goal goal, Integer version) {
		CoachingCycle cycle = access.require(member, id).cycle();
		requireVersion(cycle, version);
		cycle.reword(goal, clock.instant());
		save(cycle);
	}

	public void planMove(Member coach, long id, CoachingCycle.Move move) {
		CoachingCycle cycle = access.requireAsCoach(coach, id);
		cycle.planMove(move, clock.instant());
		save(cycle);
	}

	public void removeMove(Member coach, long id, int index) {
		CoachingCycle cycle = access.requireAsCoach(coach, id);
		cycle.removeMove(index, clock.instant());
		save(cycle);
	}

	public void keepNotes(Member coach, long id, String notes) {
		CoachingCycle cycle = access.requireAsCoach(coach, id);
		cycle.keepNotes(notes, clock.instant());
		save(cycle);
	}

	public void close(Member teacher, long id, CoachingCycle.Close close) {
		CoachingCycle cycle = access.requireAsTeacher(teacher, id);
		cycle.closeWithReflection(close, teacher.userId(), calendar.today(), clock.instant());
		save(cycle);
		BigDecimal hours = creditHours(cycle);
		// a team's cycle is the team's learning, not one person's PD credit
		if (!cycle.withTeam() && hours.signum() > 0) {
			// Counts as PD, as a study group does: pd turns it into credit.
			events.publishEvent(new PdCreditEarned(cycle.getTenantId(), cycle.getTeacherRef(), CREDIT_SOURCE, id,
					creditTitle(cycle), hours, CREDIT_UNIT, clock.instant()));
		}
		log.info("Coaching cycle {} closed with the teacher's reflection", id);
	}

	public void end(Member coach, long id) {
		CoachingCycle cycle = access.requireAsCoach(coach, id);
		cycle.end(coach.userId(), calendar.today(), clock.instant());
		save(cycle);
		log.info("Coaching cycle {} ended by its coach", id);
	}

	public void reopen(Member member, long id) {
		CoachingCycle cycle = access.require(member, id).cycle();
		boolean counted = cycle.closedWithReflection() && !cycle.withTeam();
		cycle.reopen(clock.instant());
		save(cycle);
		if (counted) {
			events.publishEvent(new PdCreditWithdrawn(cycle.getTenantId(), cycle.getTeacherRef(), CREDIT_SOURCE, id,
					creditTitle(cycle), clock.instant(), member.userId()));
		}
	}

	/** The kind of PD credit a closed cycle earns, for pd. */
	public static final String CREDIT_SOURCE = "COACHING_CYCLE";

	static final String CREDIT_UNIT = "clock hours";

	/**
	 * A closed cycle's credit: the time of its contacts, in quarter hours (the rounding
	 * PD hours are kept in).
	 */
	BigDecimal creditHours(CoachingCycle cycle) {
		int minutes = contacts.of(cycle).stream().mapToInt(CoachingCycleContacts.ContactLine::minutes).sum();
		return BigDecimal.valueOf(minutes / 15).multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.DOWN);
	}

	private static String creditTitle(CoachingCycle cycle) {
		String goal = cycle.getGoal();
		return "Coaching cycle: " + (goal.length() > 200 ? goal.substring(0, 200) + "…" : goal);
	}

	private void save(CoachingCycle cycle) {
		try {
			cycles.save(cycle);
		}
		catch (OptimisticLockingFailureException e) {
			throw stale(cycle);
		}
	}

	private static void requireVersion(CoachingCycle cycle, Integer version) {
		if (version == null || !version.equals(cycle.getVersion())) {
			throw stale(cycle);
		}
	}

	private static CoachingChangeRefusedException stale(CoachingCycle cycle) {
		return new CoachingChangeRefusedException(cycle.getId(), "coaching.cycle.stale");
	}

}
