package org.coachroom.team;

import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.Member;
import org.coachroom.team.workspace.WorkspaceOpening;
import org.springframework.stereotype.Service;

/**
 * The team workspaces module's API for placing a workspace in a course: a coach opens the
 * workspace of the course they launched from, and places a link to it (with its gradebook
 * column) by deep linking. Only the team (members and facilitator) sees any of it; to
 * anyone else a workspace does not exist.
 */
@Service
public class TeamWorkspaces {

	private final WorkspaceOpening opening;

	TeamWorkspaces(WorkspaceOpening opening) {
		this.opening = opening;
	}

	/**
	 * Whether the member can place the team workspace of the course they are choosing
	 * content for.
	 */
	public boolean mayPlace(Member member) {
		return opening.mayPlace(member);
	}

	/**
	 * The deep linking content item for the course's team workspace (opened now if it was
	 * not): a link that opens it, with a gradebook column for the team's closed learning
	 * cycles.
	 */
	public DeepLinking.ResourceLink contentItem(Member coach) {
		return opening.contentItem(coach);
	}

}
