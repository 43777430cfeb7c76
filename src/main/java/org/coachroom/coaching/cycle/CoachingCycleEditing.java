package org.coachroom.coaching.cycle;

import java.time.Clock;

import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.lti.Member;
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

	CoachingCycleEditing(CoachingCycles cycles, CoachingCycleAccess access, CoachingAccess coaching,
			CoachingCalendar calendar, Clock clock) {
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
		CoachingCycle cycle = cycles.save(CoachingCycle.open(coach.tenant().value(), coach.userId(), teacherRef, goal,
				calendar.today(), clock.instant()));
		log.info("Coaching cycle {} opened (tenant {})", cycle.getId(), coach.tenant().value());
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
		cycle.reopen(clock.instant());
		save(cycle);
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
