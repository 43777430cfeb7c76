package org.coachroom.team;

import java.util.Optional;

import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.Member;
import org.coachroom.lti.PlaceableContent;
import org.coachroom.team.workspace.WorkspaceNotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The course's team workspace in the deep linking picker: a link with a gradebook column
 * for its closed cycles.
 */
@Component
@Order(20)
class TeamPlaceables implements PlaceableContent {

	private final TeamWorkspaces teams;

	TeamPlaceables(TeamWorkspaces teams) {
		this.teams = teams;
	}

	@Override
	public String kind() {
		return "team";
	}

	@Override
	public Optional<Section> sectionFor(Member member) {
		return teams.mayPlace(member) ? Optional.of(new Section("team/placeable", Boolean.TRUE)) : Optional.empty();
	}

	@Override
	public DeepLinking.ResourceLink place(Member member, String id, Choice choice) {
		if (id != null) {
			// one workspace per course, placed at /deep-linking/team: no address names
			// one
			throw new WorkspaceNotFoundException(0);
		}
		return teams.contentItem(member);
	}

	@Override
	public String placingMessage() {
		return "Adding the team workspace to your course…";
	}

}
