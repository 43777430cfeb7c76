package org.coachroom.team;

import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.lti.ScoreReportAccess;
import org.coachroom.team.workspace.TeamAccess;
import org.coachroom.team.workspace.Workspace;
import org.coachroom.team.workspace.WorkspaceNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gradebook report of a team workspace's closed cycles: for the team's facilitators.
 */
@Component
class TeamScoreReports implements ScoreReportAccess {

	private final TeamAccess access;

	TeamScoreReports(TeamAccess access) {
		this.access = access;
	}

	@Override
	public String source() {
		return TeamCycleCompleted.SOURCE;
	}

	@Override
	public String segment() {
		return "team-workspaces";
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Reported> managedBy(Member member, long workspaceId) {
		try {
			Workspace workspace = access.require(member, workspaceId);
			return access.facilitates(member, workspaceId)
					? Optional.of(new Reported(workspace.getTitle(), "/team/" + workspaceId)) : Optional.empty();
		}
		catch (WorkspaceNotFoundException notOfTheTeam) {
			return Optional.empty();
		}
	}

}
