package org.coachroom.team.cycle;

import org.coachroom.lti.Member;
import org.coachroom.team.workspace.TeamRole;
import org.coachroom.team.workspace.WorkspacePages;
import org.coachroom.team.workspace.WorkspacePanel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The learning cycles on the workspace page: the team's cycles, its school, and (the
 * facilitator) the schools to name.
 */
@Component
class CyclePanel implements WorkspacePanel {

	private final CycleViews views;

	private final TeamSchools schools;

	CyclePanel(CycleViews views, TeamSchools schools) {
		this.views = views;
		this.schools = schools;
	}

	@Override
	public void addTo(Member viewer, WorkspacePages.Page page, Model model) {
		long id = page.workspace().getId();
		model.addAttribute("cycles", views.overview(viewer, id));
		model.addAttribute("school", schools.schoolOf(viewer, id).orElse(null));
		if (page.role() == TeamRole.FACILITATOR) {
			model.addAttribute("schools", schools.schoolsToName(viewer));
		}
	}

}
