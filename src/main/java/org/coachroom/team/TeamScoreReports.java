package org.coachroom.team;

import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.lti.ScoreReportAccess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The gradebook report of a team workspace's closed cycles: for the team's facilitators. */
@Component
class TeamScoreReports implements ScoreReportAccess {

	private final TeamWorkspaces workspaces;

	private final TeamMembers members;

	TeamScoreReports(TeamWorkspaces workspaces, TeamMembers members) {
		this.workspaces = workspaces;
		this.members = members;
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
			Workspace workspace = workspaces.require(member, workspaceId);
			return members.roleOf(workspaceId, member.userId())
				.filter(role -> role == TeamRole.FACILITATOR)
				.map(role -> new Reported(workspace.getTitle(), "/team/" + workspaceId));
		}
		catch (WorkspaceNotFoundException notOfTheTeam) {
			return Optional.empty();
		}
	}
}
