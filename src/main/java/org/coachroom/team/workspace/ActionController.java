package org.coachroom.team.workspace;

import java.time.LocalDate;

import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The actions a team agrees on, from the workspace page or a meeting's, and marking them done. */
@Controller
class ActionController {

	private static final Logger log = LoggerFactory.getLogger(ActionController.class);

	private final WorkspaceEditing editing;

	private final TeamCalendar calendar;

	ActionController(WorkspaceEditing editing, TeamCalendar calendar) {
		this.editing = editing;
		this.calendar = calendar;
	}

	@PostMapping("/team/{id}/actions")
	String agree(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String dueOn,
			@RequestParam(defaultValue = "") String meeting, RedirectAttributes redirect) {
		if (!meeting.isBlank() && !meeting.strip().matches("\\d{1,18}")) {
			throw new WorkspaceNotFoundException(id);
		}
		String back = meeting.isBlank() ? "redirect:/team/" + id + "#actions"
				: "redirect:/team/" + id + "/meetings/" + meeting.strip() + "#actions";
		try {
			String clean = text.strip();
			if (clean.isEmpty() || clean.length() > 500) {
				throw new TeamInputException("team.action.text");
			}
			Long ownerRef = owner.isBlank() ? null : parseId(owner);
			LocalDate due = dueOn.isBlank() ? null
					: calendar.parse(dueOn).orElseThrow(() -> new TeamInputException("team.action.due"));
			Long meetingId = meeting.isBlank() ? null : parseId(meeting);
			editing.agree(member, id, meetingId, clean, ownerRef, due);
		}
		catch (TeamInputException e) {
			log.info("Team action refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
			return back;
		}
		redirect.addFlashAttribute("message", "team.flash.action-added");
		return back;
	}

	@PostMapping("/team/{id}/actions/{actionId}")
	String markAction(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long actionId,
			@RequestParam(defaultValue = "true") boolean done, @RequestParam(defaultValue = "") String from,
			RedirectAttributes redirect) {
		editing.markAction(member, id, actionId, done);
		redirect.addFlashAttribute("message", done ? "team.flash.action-done" : "team.flash.action-reopened");
		String meeting = from.replaceAll("[^0-9]", "");
		return meeting.isEmpty() ? "redirect:/team/" + id + "#actions"
				: "redirect:/team/" + id + "/meetings/" + meeting + "#actions";
	}

	private static long parseId(String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			throw new TeamInputException("team.action.owner");
		}
	}
}
