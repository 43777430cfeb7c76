package org.coachroom.team.workspace;

import org.coachroom.lti.Member;
import org.springframework.ui.Model;

/**
 * A part of the workspace page another concern of the module draws (the learning cycles,
 * say), so that the workspace knows nothing of it.
 */
public interface WorkspacePanel {

	/** Adds what the panel shows to the page's model; the viewer is of the team. */
	void addTo(Member viewer, WorkspacePages.Page page, Model model);

}
