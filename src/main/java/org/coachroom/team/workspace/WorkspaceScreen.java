package org.coachroom.team.workspace;

import java.util.List;

import org.coachroom.lti.Member;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The workspace page's model, for the controllers that show it (the page, a meeting, a
 * refused form).
 */
@Component
class WorkspaceScreen {

	private final WorkspacePages pages;

	private final TeamCalendar calendar;

	private final List<WorkspacePanel> panels;

	WorkspaceScreen(WorkspacePages pages, TeamCalendar calendar, List<WorkspacePanel> panels) {
		this.pages = pages;
		this.calendar = calendar;
		this.panels = panels;
	}

	void show(Member member, long id, Model model) {
		WorkspacePages.Page page = pages.page(member, id);
		model.addAttribute("page", page);
		model.addAttribute("me", member.userId());
		model.addAttribute("today", calendar.today());
		panels.forEach(panel -> panel.addTo(member, page, model));
		Object meeting = model.getAttribute("meeting");
		if (meeting instanceof Meeting m) {
			model.addAttribute("meetingActions",
					page.actions().stream().filter(a -> m.getId().equals(a.getMeeting())).toList());
		}
	}

}
