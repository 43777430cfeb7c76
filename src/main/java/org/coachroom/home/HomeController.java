package org.coachroom.home;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.team.LearningCycles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page for the person's role. Someone with several roles (a site admin who also
 * teaches) opens on the widest and can switch to the others.
 */
@Controller
class HomeController {

	private final StudyGroupManagement studyGroups;

	private final LearningCycles teams;

	HomeController(StudyGroupManagement studyGroups, LearningCycles teams) {
		this.studyGroups = studyGroups;
		this.teams = teams;
	}

	@GetMapping("/home")
	String home(@AuthenticationPrincipal Member member, @RequestParam(name = "as", required = false) String as,
			Model model) {
		CoachroomRole view = CoachroomRole.parse(as).filter(member::hasRole).orElse(CoachroomRole.primaryOf(member));
		model.addAttribute("member", member);
		model.addAttribute("view", view);
		model.addAttribute("otherRoles", CoachroomRole.sortedOf(member).stream().filter(r -> r != view).toList());
		if (view == CoachroomRole.TEACHER || view == CoachroomRole.COACH) {
			model.addAttribute("groups", studyGroups.overview(member));
			model.addAttribute("teams", teams.atHome(member));
		}
		return "home/home";
	}

}
