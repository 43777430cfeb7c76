package org.coachroom.team;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Member;
import org.coachroom.lti.ServiceUnavailableException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A PLC team's workspace: arriving from the course, opening it (the coach), its norms, meetings with
 * agenda and notes, action items and the roster import. Refusals are the team 404 page; input a
 * rule refuses comes back with its message, and nothing is half-saved.
 */
@Controller
class TeamController {

	private static final Logger log = LoggerFactory.getLogger(TeamController.class);

	private final TeamWorkspaces teams;

	private final LearningCycles cycles;

	TeamController(TeamWorkspaces teams, LearningCycles cycles) {
		this.teams = teams;
		this.cycles = cycles;
	}

	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return teams.zone();
	}

	@GetMapping("/team")
	String arrive(@AuthenticationPrincipal Member member, Model model) {
		TeamWorkspaces.Arrival arrival = teams.arrive(member);
		if (arrival.workspace().isPresent()) {
			return "redirect:/team/" + arrival.workspace().get().getId();
		}
		model.addAttribute("arrival", arrival);
		return "team/start";
	}

	@PostMapping("/team")
	String open(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String title, Model model,
			HttpServletResponse response) {
		try {
			return "redirect:/team/" + teams.open(member, title).getId();
		}
		catch (TeamInputException e) {
			log.info("Team workspace refused: {}", e.getMessage());
			model.addAttribute("arrival", teams.arrive(member));
			model.addAttribute("error", e.getMessage());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "team/start";
		}
	}

	@GetMapping("/team/{id}")
	String workspace(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		show(member, id, model);
		model.addAttribute("form", MeetingForm.blank(teams.today()));
		return "team/workspace";
	}

	private void show(Member member, long id, Model model) {
		TeamWorkspaces.Page page = teams.page(member, id);
		model.addAttribute("page", page);
		model.addAttribute("me", member.userId());
		model.addAttribute("today", teams.today());
		model.addAttribute("cycles", cycles.overview(member, id));
		model.addAttribute("school", cycles.schoolOf(member, id).orElse(null));
		if (page.role() == TeamRole.FACILITATOR) {
			model.addAttribute("schools", cycles.schoolsToName(member));
		}
		Object meeting = model.getAttribute("meeting");
		if (meeting instanceof Meeting m) {
			model.addAttribute("meetingActions", page.actions().stream().filter(a -> m.getId().equals(a.getMeeting())).toList());
		}
	}

	@PostMapping("/team/{id}/norms")
	String norms(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(required = false) String norms,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		try {
			teams.saveNorms(member, id, norms, version);
		}
		catch (TeamInputException e) {
			log.info("Team norms refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/team/" + id + "#norms";
		}
		redirect.addFlashAttribute("message", "team.flash.norms-saved");
		return "redirect:/team/" + id + "#norms";
	}

	@PostMapping("/team/{id}/meetings")
	String planMeeting(@AuthenticationPrincipal Member member, @PathVariable long id,
			@ModelAttribute("form") MeetingForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Meeting.MeetingDetails details = form.check(result);
		if (details == null) {
			log.info("Team meeting refused: {}", result.getFieldErrors().stream().map(e -> e.getField()).toList());
			show(member, id, model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "team/workspace";
		}
		Meeting meeting = teams.planMeeting(member, id, details);
		redirect.addFlashAttribute("message", "team.flash.meeting-planned");
		return "redirect:/team/" + id + "/meetings/" + meeting.getId();
	}

	@GetMapping("/team/{id}/meetings/{meetingId}")
	String meeting(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long meetingId,
			Model model) {
		Meeting meeting = teams.meeting(member, id, meetingId);
		model.addAttribute("meeting", meeting);
		show(member, id, model);
		model.addAttribute("form", MeetingForm.of(meeting));
		return "team/meeting";
	}

	@PostMapping("/team/{id}/meetings/{meetingId}")
	String reviseMeeting(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long meetingId,
			@ModelAttribute("form") MeetingForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Meeting meeting = teams.meeting(member, id, meetingId);
		Meeting.MeetingDetails details = form.check(result);
		if (details == null) {
			log.info("Team meeting {} refused: {}", meetingId, result.getFieldErrors().stream().map(e -> e.getField()).toList());
			model.addAttribute("meeting", meeting);
			show(member, id, model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "team/meeting";
		}
		teams.reviseMeeting(member, id, meetingId, details, form.version());
		redirect.addFlashAttribute("message", "team.flash.meeting-saved");
		return "redirect:/team/" + id + "/meetings/" + meetingId;
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
			LocalDate due = dueOn.isBlank() ? null : parseDate(dueOn);
			Long meetingId = meeting.isBlank() ? null : parseId(meeting);
			teams.agree(member, id, meetingId, clean, ownerRef, due);
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
		teams.markAction(member, id, actionId, done);
		redirect.addFlashAttribute("message", done ? "team.flash.action-done" : "team.flash.action-reopened");
		String meeting = from.replaceAll("[^0-9]", "");
		return meeting.isEmpty() ? "redirect:/team/" + id + "#actions"
				: "redirect:/team/" + id + "/meetings/" + meeting + "#actions";
	}

	@PostMapping("/team/{id}/links")
	String shareLink(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String url, RedirectAttributes redirect) {
		try {
			teams.shareLink(member, id, title, url);
			redirect.addFlashAttribute("message", "team.flash.link-shared");
		}
		catch (TeamInputException e) {
			log.info("Team link refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/team/" + id + "#resources";
	}

	@PostMapping("/team/{id}/files")
	String shareFile(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
			RedirectAttributes redirect) throws java.io.IOException {
		try {
			teams.shareFile(member, id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
			redirect.addFlashAttribute("message", "team.flash.file-shared");
		}
		catch (TeamInputException e) {
			log.info("Team file refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/team/" + id + "#resources";
	}

	@GetMapping("/team/{id}/files/{resourceId}")
	org.springframework.http.ResponseEntity<byte[]> download(@AuthenticationPrincipal Member member, @PathVariable long id,
			@PathVariable long resourceId) {
		TeamResources.Download file = teams.download(member, id, resourceId);
		return org.coachroom.shared.web.Attachment.of(file.name(), file.contentType(), file.content());
	}

	@PostMapping("/team/{id}/resources/{resourceId}/delete")
	String removeResource(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long resourceId,
			RedirectAttributes redirect) {
		teams.removeResource(member, id, resourceId);
		redirect.addFlashAttribute("message", "team.flash.resource-removed");
		return "redirect:/team/" + id + "#resources";
	}

	@PostMapping("/team/{id}/roster")
	String importRoster(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
		try {
			TeamWorkspaces.RosterImport result = teams.importRoster(member, id);
			redirect.addFlashAttribute("rosterAdded", result.added());
			redirect.addFlashAttribute("rosterAlready", result.alreadyIn());
			redirect.addFlashAttribute("rosterLeft", result.left());
			redirect.addFlashAttribute("rosterKept", result.removalsKept());
		}
		catch (ServiceUnavailableException e) {
			log.info("Team roster import failed: {}", e.getMessage());
			redirect.addFlashAttribute("error", "team.roster.unavailable");
		}
		return "redirect:/team/" + id + "#members";
	}

	private static long parseId(String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			throw new TeamInputException("team.action.owner");
		}
	}

	private static LocalDate parseDate(String value) {
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < 1950 || date.getYear() > 9000) {
				throw new TeamInputException("team.action.due");
			}
			return date;
		}
		catch (DateTimeParseException e) {
			throw new TeamInputException("team.action.due");
		}
	}
}
