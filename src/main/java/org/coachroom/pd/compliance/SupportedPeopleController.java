package org.coachroom.pd.compliance;

import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.tracking.PdCalendar;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A coach's view of the programs of the people they support; anyone else gets the PD 404
 * page.
 */
@Controller
class SupportedPeopleController {

	private final SupportedPeople supported;

	private final PdCalendar calendar;

	SupportedPeopleController(SupportedPeople supported, PdCalendar calendar) {
		this.supported = supported;
		this.calendar = calendar;
	}

	@GetMapping("/pd/people")
	String list(@AuthenticationPrincipal Member member, Model model) {
		model.addAttribute("people", supported.of(member));
		return "pd/people";
	}

	@GetMapping("/pd/people/{userRef}")
	String person(@AuthenticationPrincipal Member member, @PathVariable long userRef, Model model) {
		model.addAttribute("person",
				supported.person(member, userRef).orElseThrow(() -> ProgramNotFoundException.person()));
		model.addAttribute("today", calendar.today());
		model.addAttribute("coachView", true);
		return "pd/person";
	}

}
