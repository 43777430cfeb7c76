package org.coachroom.team.workspace;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's meetings, with agenda and notes: planned from the workspace page, revised on
 * their own page.
 */
@Controller
class MeetingController {

	private static final Logger log = LoggerFactory.getLogger(MeetingController.class);

	private final WorkspaceEditing editing;

	private final WorkspacePages pages;

	private final WorkspaceScreen screen;

	private final TeamCalendar calendar;

	MeetingController(WorkspaceEditing editing, WorkspacePages pages, WorkspaceScreen screen, TeamCalendar calendar) {
		this.editing = editing;
		this.pages = pages;
		this.screen = screen;
		this.calendar = calendar;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return calendar.zone();
	}

	@PostMapping("/team/{id}/meetings")
	String planMeeting(@AuthenticationPrincipal Member member, @PathVariable long id,
			@ModelAttribute("form") MeetingForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Meeting.MeetingDetails details = form.check(result, calendar);
		if (details == null) {
			log.info("Team meeting refused: {}", result.getFieldErrors().stream().map(e -> e.getField()).toList());
			screen.show(member, id, model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "team/workspace";
		}
		Meeting meeting = editing.planMeeting(member, id, details);
		redirect.addFlashAttribute("message", "team.flash.meeting-planned");
		return "redirect:/team/" + id + "/meetings/" + meeting.getId();
	}

	@GetMapping("/team/{id}/meetings/{meetingId}")
	String meeting(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long meetingId,
			Model model) {
		Meeting meeting = pages.meeting(member, id, meetingId);
		model.addAttribute("meeting", meeting);
		screen.show(member, id, model);
		model.addAttribute("form", MeetingForm.of(meeting));
		return "team/meeting";
	}

	@PostMapping("/team/{id}/meetings/{meetingId}")
	String reviseMeeting(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long meetingId,
			@ModelAttribute("form") MeetingForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Meeting meeting = pages.meeting(member, id, meetingId);
		Meeting.MeetingDetails details = form.check(result, calendar);
		if (details == null) {
			log.info("Team meeting {} refused: {}", meetingId,
					result.getFieldErrors().stream().map(e -> e.getField()).toList());
			model.addAttribute("meeting", meeting);
			screen.show(member, id, model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "team/meeting";
		}
		editing.reviseMeeting(member, id, meetingId, details, form.version());
		redirect.addFlashAttribute("message", "team.flash.meeting-saved");
		return "redirect:/team/" + id + "/meetings/" + meetingId;
	}

}
