package org.coachroom.team.cycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachroom.lti.Member;
import org.coachroom.team.LearningCycles.TeamAtHome;
import org.coachroom.team.workspace.TeamAccess;
import org.coachroom.team.workspace.Workspace;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams a member is in, with where each one's latest cycle is, for their home page.
 */
@Component
public class CyclesAtHome {

	private final TeamAccess access;

	private final Cycles cycles;

	private final CycleQueries queries;

	CyclesAtHome(TeamAccess access, Cycles cycles, CycleQueries queries) {
		this.access = access;
		this.cycles = cycles;
		this.queries = queries;
	}

	/**
	 * The teams the member is in, with where each one's latest cycle is (none for a
	 * principal or HR).
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<TeamAtHome> of(Member member) {
		return of(access.visibleTo(member));
	}

	/**
	 * These teams (the member's, as {@code TeamAccess.visibleTo} read them), each with
	 * where its latest cycle is.
	 */
	public List<TeamAtHome> of(List<Workspace> mine) {
		if (mine.isEmpty()) {
			return List.of();
		}
		// the home page is where every launch lands: the latest cycle of each team, in a
		// few queries whatever the number
		List<Long> latestIds = queries.latestOf(mine.stream().map(Workspace::getId).toList());
		Map<Long, Cycle> latest = new HashMap<>();
		cycles.findAllById(latestIds).forEach(c -> latest.put(c.getWorkspace(), c));
		Set<Long> withBaseline = queries.baselined(latestIds);
		List<TeamAtHome> teamsHere = new ArrayList<>();
		for (Workspace w : mine) {
			Cycle c = latest.get(w.getId());
			teamsHere.add(new TeamAtHome(w.getId(), w.getTitle(), c == null ? null : c.getNumber(),
					c == null ? null : c.stage(withBaseline.contains(c.getId()))));
		}
		return teamsHere;
	}

}
