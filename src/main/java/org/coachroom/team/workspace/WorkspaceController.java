package org.coachroom.team.workspace;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A PLC team's workspace page and its norms. Refusals are the team 404 page; input a rule
 * refuses comes back with its message, and nothing is half-saved.
 */
@Controller
class WorkspaceController {

	private static final Logger log = LoggerFactory.getLogger(WorkspaceController.class);

	private final WorkspaceEditing editing;

	private final WorkspaceScreen screen;

	private final TeamCalendar calendar;

	WorkspaceController(WorkspaceEditing editing, WorkspaceScreen screen, TeamCalendar calendar) {
		this.editing = editing;
		this.screen = screen;
		this.calendar = calendar;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return calendar.zone();
	}

	@GetMapping("/team/{id}")
	String workspace(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		screen.show(member, id, model);
		model.addAttribute("form", MeetingForm.blank(calendar.today()));
		return "team/workspace";
	}

	@PostMapping("/team/{id}/norms")
	String norms(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(required = false) String norms, @RequestParam(required = false) Integer version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			editing.saveNorms(member, id, norms, version);
		}
		catch (EditConflictException e) {
			// someone of the team saved meanwhile: the page again, theirs above, the text
			// this person typed kept in the box (saving it again replaces theirs)
			log.info("Team norms saved meanwhile by someone else: workspace {}", id);
			screen.show(member, id, model);
			model.addAttribute("form", MeetingForm.blank(calendar.today()));
			model.addAttribute("normsDraft", norms == null ? "" : norms);
			model.addAttribute("error", "team.norms.saved-meanwhile");
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return "team/workspace";
		}
		catch (TeamInputException e) {
			log.info("Team norms refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/team/" + id + "#norms";
		}
		redirect.addFlashAttribute("message", "team.flash.norms-saved");
		return "redirect:/team/" + id + "#norms";
	}

}
