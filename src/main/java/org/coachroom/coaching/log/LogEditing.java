package org.coachroom.coaching.log;

import java.time.Clock;
import java.util.Objects;

import org.coachroom.coaching.cycle.CoachingCycle;
import org.coachroom.coaching.cycle.CoachingCycleAccess;
import org.coachroom.coaching.cycle.CoachingCyclePages;
import org.coachroom.coaching.pair.CoachSchools;
import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.lti.Member;
import org.coachroom.team.TeamWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What goes into a coach's log and comes out of it again, always their own. */
@Service
@Transactional
class LogEditing {

	private static final Logger log = LoggerFactory.getLogger(LogEditing.class);

	private final Contacts contacts;

	private final OtherTimes otherTimes;

	private final CoachingAccess access;

	private final CoachingCycleAccess cycles;

	private final CoachingCyclePages cyclePages;

	private final CoachSchools schools;

	private final Clock clock;

	private final TeamWork teams;

	LogEditing(Contacts contacts, OtherTimes otherTimes, CoachingAccess access, CoachingCycleAccess cycles,
			CoachingCyclePages cyclePages, CoachSchools schools, Clock clock, TeamWork teams) {
		this.teams = teams;
		this.schools = schools;
		this.contacts = contacts;
		this.otherTimes = otherTimes;
		this.access = access;
		this.cycles = cycles;
		this.cyclePages = cyclePages;
		this.clock = clock;
	}

	/**
	 * Logs a contact with a teacher the coach supports (or the teacher of the coach's
	 * cycle named); from the quick log it joins the teacher's one open cycle, if any.
	 */
	long logContact(Member coach, LogForms.Logged logged) {
		access.requireCoach(coach);
		Long cycleId = logged.cycleId();
		if (logged.schoolRef() != null && !schools.serves(coach, logged.schoolRef())) {
			throw new CoachingAccess.CoachingNotFoundException("school " + logged.schoolRef() + " of this coach",
					"coaching.not-found.entry");
		}
		if (logged.teamRef() != null) {
			// a team's contact: a team the coach facilitates, in no cycle or in that
			// team's
			if (cycleId != null
					&& !Objects.equals(cycles.requireAsCoach(coach, cycleId).getTeamRef(), logged.teamRef())) {
				throw new CoachingAccess.CoachingNotFoundException("coaching cycle " + cycleId + " with this team",
						"coaching.not-found.cycle");
			}
			if (!teams.facilitates(coach, logged.teamRef())) {
				throw new CoachingAccess.CoachingNotFoundException("team " + logged.teamRef() + " of this coach",
						"coaching.not-found.team");
			}
		}
		else if (cycleId != null) {
			CoachingCycle cycle = cycles.requireAsCoach(coach, cycleId);
			if (!Objects.equals(cycle.getTeacherRef(), logged.teacherRef())) {
				throw new CoachingAccess.CoachingNotFoundException("coaching cycle " + cycleId + " with this teacher",
						"coaching.not-found.cycle");
			}
		}
		else {
			if (!access.supports(coach, logged.teacherRef())) {
				throw new CoachingAccess.CoachingNotFoundException("supported teacher " + logged.teacherRef(),
						"coaching.not-found.teacher");
			}
			cycleId = cyclePages.theOpenCycle(coach, logged.teacherRef()).orElse(null);
		}
		Contact contact = contacts.save(
				Contact
					.log(coach.tenant().value(), coach.userId(),
							new LogForms.Logged(logged.teacherRef(), logged.teamRef(), cycleId, logged.schoolRef(),
									logged.heldOn(), logged.minutes(), logged.support(), logged.note()),
							clock.instant()));
		log.info("Coaching contact {} logged: {} minutes, {}", contact.getId(), logged.minutes(), logged.support());
		return contact.getId();
	}

	void removeContact(Member coach, long id) {
		access.requireCoach(coach);
		Contact contact = contacts.findByIdAndTenantIdAndCoachRef(id, coach.tenant().value(), coach.userId())
			.orElseThrow(
					() -> new CoachingAccess.CoachingNotFoundException("contact " + id, "coaching.not-found.entry"));
		contacts.delete(contact);
	}

	void logOtherTime(Member coach, LogForms.Spent spent) {
		access.requireCoach(coach);
		otherTimes.save(OtherTime.log(coach.tenant().value(), coach.userId(), spent, clock.instant()));
	}

	void removeOtherTime(Member coach, long id) {
		access.requireCoach(coach);
		OtherTime time = otherTimes.findByIdAndTenantIdAndCoachRef(id, coach.tenant().value(), coach.userId())
			.orElseThrow(
					() -> new CoachingAccess.CoachingNotFoundException("time entry " + id, "coaching.not-found.entry"));
		otherTimes.delete(time);
	}

}
