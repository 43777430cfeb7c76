package org.coachroom.team.workspace;

import org.coachroom.lti.Member;
import org.coachroom.lti.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The team's members: the facilitator brings the course roster in. */
@Controller
class MemberController {

	private static final Logger log = LoggerFactory.getLogger(MemberController.class);

	private final RosterImports rosters;

	MemberController(RosterImports rosters) {
		this.rosters = rosters;
	}

	@PostMapping("/team/{id}/roster")
	String importRoster(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
		try {
			RosterImports.RosterImport result = rosters.importRoster(member, id);
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

}
