package org.coachroom.team.workspace;

import java.time.LocalDate;

import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The actions a team agrees on, from the workspace page or a meeting's, and marking them
 * done.
 */
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
	String agree(@AuthenticationPrincipal Member member, @PathVariable long id, @Valid @ModelAttribute ActionForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasFieldErrors("meeting")) {
			// not a meeting of ours: a page of ours sends its id or nothing
			throw new WorkspaceNotFoundException(id);
		}
		String back = form.meeting() == null ? "redirect:/team/" + id + "#actions"
				: "redirect:/team/" + id + "/meetings/" + form.meeting() + "#actions";
		try {
			if (result.hasFieldErrors("text")) {
				throw new TeamInputException("team.action.text");
			}
			if (result.hasFieldErrors("owner")) {
				throw new TeamInputException("team.action.owner");
			}
			LocalDate due = form.dueOn() == null || form.dueOn().isBlank() ? null
					: calendar.parse(form.dueOn()).orElseThrow(() -> new TeamInputException("team.action.due"));
			editing.agree(member, id, form.meetingId(), form.text(), form.ownerRef(), due);
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

}
