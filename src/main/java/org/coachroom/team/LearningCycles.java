package org.coachroom.team;

import java.util.List;

import org.coachroom.lti.Member;
import org.coachroom.team.cycle.CyclesAtHome;
import org.springframework.stereotype.Service;

/**
 * The team learning cycles module's API for the home page: the teams a member is in, with
 * where each one's latest cycle is. Closing a cycle publishes {@link TeamCycleCompleted}
 * for the gradebook.
 */
@Service
public class LearningCycles {

	private final CyclesAtHome home;

	LearningCycles(CyclesAtHome home) {
		this.home = home;
	}

	/** A team on its member's home page: where its latest cycle is. */
	public record TeamAtHome(long workspace, String title, Integer cycleNumber, CycleStep stage) {
	}

	/**
	 * The teams the member is in, with where each one's latest cycle is (none for a
	 * principal or HR).
	 */
	public List<TeamAtHome> atHome(Member member) {
		return home.of(member);
	}

}
