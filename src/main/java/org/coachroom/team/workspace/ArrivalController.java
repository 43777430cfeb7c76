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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Arriving from the course at /team: into its workspace, or (the coach) opening it. */
@Controller
class ArrivalController {

	private static final Logger log = LoggerFactory.getLogger(ArrivalController.class);

	private final WorkspaceOpening opening;

	private final TeamCalendar calendar;

	ArrivalController(WorkspaceOpening opening, TeamCalendar calendar) {
		this.opening = opening;
		this.calendar = calendar;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return calendar.zone();
	}

	@GetMapping("/team")
	String arrive(@AuthenticationPrincipal Member member, Model model) {
		WorkspaceOpening.Arrival arrival = opening.arrive(member);
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
			return "redirect:/team/" + opening.open(member, title).getId();
		}
		catch (TeamInputException e) {
			log.info("Team workspace refused: {}", e.getMessage());
			model.addAttribute("arrival", opening.arrive(member));
			model.addAttribute("error", e.getMessage());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "team/start";
		}
	}

}
