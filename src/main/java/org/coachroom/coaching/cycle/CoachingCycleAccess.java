package org.coachroom.coaching.cycle;

import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.coaching.pair.CoachingAccess.CoachingNotFoundException;
import org.coachroom.access.CoachingPrivacy;
import org.coachroom.lti.Member;
import org.coachroom.team.TeamWork;
import org.springframework.stereotype.Component;

/**
 * A cycle exists for its coach (while they coach: no principal's or HR role in this
 * launch) and for its teacher; for anyone else, in any district, it does not.
 */
@Component
public class CoachingCycleAccess {

	/** Which side of the coaching pair is looking. */
	public enum Side {

		COACH, TEACHER

	}

	/** A cycle as one side of its pair sees it. */
	public record Seen(CoachingCycle cycle, Side side) {

		public boolean byCoach() {
			return side == Side.COACH;
		}

	}

	private final CoachingCycles cycles;

	private final CoachingAccess access;

	private final TeamWork teams;

	CoachingCycleAccess(CoachingCycles cycles, CoachingAccess access, TeamWork teams) {
		this.teams = teams;
		this.cycles = cycles;
		this.access = access;
	}

	public Seen require(Member member, long id) {
		CoachingCycle cycle = cycles.findByIdAndTenantId(id, member.tenant().value()).orElseThrow(() -> notFound(id));
		if (cycle.getCoachRef() == member.userId() && access.coaches(member)) {
			return new Seen(cycle, Side.COACH);
		}
		if (cycle.getTeacherRef() != null && cycle.getTeacherRef() == member.userId()) {
			return new Seen(cycle, Side.TEACHER);
		}
		// a team's cycle is its members' (never a principal's or HR's, as the team
		// itself)
		if (cycle.withTeam() && !CoachingPrivacy.evaluative(member) && teams.isOfTeam(member, cycle.getTeamRef())) {
			return new Seen(cycle, Side.TEACHER);
		}
		throw notFound(id);
	}

	public CoachingCycle requireAsCoach(Member member, long id) {
		Seen seen = require(member, id);
		if (!seen.byCoach()) {
			throw notFound(id);
		}
		return seen.cycle();
	}

	public CoachingCycle requireAsTeacher(Member member, long id) {
		Seen seen = require(member, id);
		if (seen.byCoach()) {
			throw notFound(id);
		}
		return seen.cycle();
	}

	static CoachingNotFoundException notFound(long id) {
		return new CoachingNotFoundException("coaching cycle " + id, "coaching.not-found.cycle");
	}

}
