package org.coachroom.pd;

import org.coachroom.lti.Member;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A coach's view of the programs of the people they support; anyone else gets the PD 404 page. */
@Controller
class SupportedPeopleController {

	private final SupportedPeople supported;

	private final ProgramTracking tracking;

	SupportedPeopleController(SupportedPeople supported, ProgramTracking tracking) {
		this.supported = supported;
		this.tracking = tracking;
	}

	@GetMapping("/pd/people")
	String list(@AuthenticationPrincipal Member member, Model model) {
		model.addAttribute("people", supported.of(member));
		return "pd/people";
	}

	@GetMapping("/pd/people/{userRef}")
	String person(@AuthenticationPrincipal Member member, @PathVariable long userRef, Model model) {
		model.addAttribute("person", supported.person(member, userRef).orElseThrow(() -> new ProgramNotFoundException("person")));
		model.addAttribute("today", tracking.today());
		model.addAttribute("coachView", true);
		return "pd/person";
	}
}
