package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's learning cycle, one screen per step: starting it, showing a step, saving it.
 * Refused input comes back on its screen with each field's message and a 400, and nothing
 * of it is saved.
 */
@Controller
class CycleStepController {

	private final CycleViews views;

	private final CycleEditing editing;

	private final CycleScreens screens;

	CycleStepController(CycleViews views, CycleEditing editing, CycleScreens screens) {
		this.views = views;
		this.editing = editing;
		this.screens = screens;
	}

	@PostMapping("/team/{id}/cycles")
	String start(@AuthenticationPrincipal Member member, @PathVariable long id) {
		return "redirect:/team/" + id + "/cycles/" + editing.start(member, id).getId();
	}

	@GetMapping("/team/{id}/cycles/{cycle}")
	String current(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle) {
		CycleStep stage = views.view(member, id, cycle).stage();
		return "redirect:/team/" + id + "/cycles/" + cycle + "/"
				+ (stage == CycleStep.CLOSED ? CycleStep.ADJUST.path() : stage.path());
	}

	@GetMapping("/team/{id}/cycles/{cycle}/{step:learn|assess|goal|respond|adjust}")
	String step(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@PathVariable String step, Model model) {
		screens.show(views.view(member, id, cycle), CycleStep.ofPath(step).orElseThrow(), model);
		return "team/cycle";
	}

	@PostMapping("/team/{id}/cycles/{cycle}/learn")
	String learn(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@ModelAttribute("posted") CycleForms.StandardForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.LEARN, form.fields(),
				() -> editing.saveStandard(member, id, cycle, form.version(), form.standard()), model, response,
				redirect, "team.flash.cycle-saved", CycleStep.ASSESS.path());
	}

	@PostMapping("/team/{id}/cycles/{cycle}/assess")
	String assess(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@ModelAttribute("posted") CycleForms.AssessmentForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.ASSESS, form.fields(), () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate on = screens.date(form.assessedOn(), "assessedOn", errors);
			ProficiencyBands bands = form.bands(errors);
			if (form.assessment() == null || form.assessment().isBlank()) {
				errors.put("assessment", "team.cycle.assessment.missing");
			}
			if (!errors.isEmpty()) {
				throw new CycleFormException(errors);
			}
			editing.saveAssessment(member, id, cycle, form.version(), form.assessment(), on, bands);
		}, model, response, redirect, "team.flash.cycle-saved", CycleStep.ASSESS.path() + "#results");
	}

	@PostMapping("/team/{id}/cycles/{cycle}/goal")
	String goal(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@ModelAttribute("posted") CycleForms.GoalForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.GOAL, form.fields(), () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate by = screens.date(form.goalBy(), "goalBy", errors);
			BigDecimal target = form.targetPercent(errors);
			try {
				editing.saveGoal(member, id, cycle, form.version(), form.strengths(), form.obstacles(), form.goal(),
						target, by);
			}
			catch (CycleFormException e) {
				// a typing error of the field stands before the rule it could not be
				// checked against
				e.errors().forEach(errors::putIfAbsent);
			}
			if (!errors.isEmpty()) {
				throw new CycleFormException(errors);
			}
		}, model, response, redirect, "team.flash.cycle-saved", CycleStep.RESPOND.path());
	}

	@PostMapping("/team/{id}/cycles/{cycle}/respond")
	String respond(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@ModelAttribute("posted") CycleForms.ResponseForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.RESPOND, form.fields(),
				() -> editing.saveResponse(member, id, cycle, form.version(), form.strategies(), form.intervention(),
						form.extension(), form.responsibilities()),
				model, response, redirect, "team.flash.cycle-saved", CycleStep.ADJUST.path());
	}

	@PostMapping("/team/{id}/cycles/{cycle}/adjust")
	String adjust(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@ModelAttribute("posted") CycleForms.AdjustForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.ADJUST, form.fields(), () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate on = form.reassessed() ? screens.date(form.reassessedOn(), "reassessedOn", errors) : null;
			if (!errors.isEmpty()) {
				throw new CycleFormException(errors);
			}
			editing.saveAdjust(member, id, cycle, form.version(), on, form.reflection(), form.carryForward());
		}, model, response, redirect, "team.flash.cycle-saved", CycleStep.ADJUST.path() + "#close");
	}

}
