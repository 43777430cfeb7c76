package org.coachroom.team.cycle;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Member;
import org.coachroom.team.CycleStep;
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
 * Closing a cycle (the facilitator), sharing its summary with the principal, and its
 * printable summary.
 */
@Controller
class CycleClosingController {

	private final CycleViews views;

	private final CycleClosing closing;

	private final CycleScreens screens;

	CycleClosingController(CycleViews views, CycleClosing closing, CycleScreens screens) {
		this.views = views;
		this.closing = closing;
		this.screens = screens;
	}

	@PostMapping("/team/{id}/cycles/{cycle}/close")
	String close(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@ModelAttribute("posted") CycleForms.CloseForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.ADJUST, form.fields(),
				() -> closing.close(member, id, cycle, form.version(), form.people()), model, response, redirect,
				"team.flash.cycle-closed", CycleStep.ADJUST.path());
	}

	@PostMapping("/team/{id}/cycles/{cycle}/share")
	String share(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam(defaultValue = "true") boolean share,
			@RequestParam(defaultValue = "false") boolean classNames, RedirectAttributes redirect) {
		closing.share(member, id, cycle, share, classNames);
		redirect.addFlashAttribute("message", share ? "team.flash.cycle-shared" : "team.flash.cycle-unshared");
		return "redirect:/team/" + id + "/cycles/" + cycle + "/adjust#share";
	}

	@GetMapping("/team/{id}/cycles/{cycle}/summary")
	String summary(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			Model model) {
		screens.show(views.view(member, id, cycle), CycleStep.ADJUST, model);
		return "team/summary";
	}

}
