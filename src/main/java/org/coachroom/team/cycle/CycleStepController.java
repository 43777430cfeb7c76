package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Member;
import org.coachroom.team.CycleStep;
import org.coachroom.team.workspace.TeamInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.LEARN, form,
				() -> editing.saveStandard(member, id, cycle, CycleScreens.version(form), form.get("standard")), model,
				response, redirect, "team.flash.cycle-saved", CycleStep.ASSESS.path());
	}

	@PostMapping("/team/{id}/cycles/{cycle}/assess")
	String assess(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.ASSESS, form, () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate on = screens.date(form.get("assessedOn"), "assessedOn", errors);
			ProficiencyBands bands = null;
			try {
				List<String> names = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					String name = form.getOrDefault("band-" + i, "").strip();
					if (!name.isEmpty()) {
						names.add(name);
					}
				}
				String from = form.getOrDefault("proficientFrom", "").strip();
				bands = new ProficiencyBands(names, from.matches("\\d") ? Integer.parseInt(from) : -1);
			}
			catch (TeamInputException e) {
				errors.put("bands", e.getMessage());
			}
			if (form.getOrDefault("assessment", "").isBlank()) {
				errors.put("assessment", "team.cycle.assessment.missing");
			}
			if (!errors.isEmpty()) {
				throw new CycleFormException(errors);
			}
			editing.saveAssessment(member, id, cycle, CycleScreens.version(form), form.get("assessment"), on, bands);
		}, model, response, redirect, "team.flash.cycle-saved", CycleStep.ASSESS.path() + "#results");
	}

	@PostMapping("/team/{id}/cycles/{cycle}/goal")
	String goal(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.GOAL, form, () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate by = screens.date(form.get("goalBy"), "goalBy", errors);
			BigDecimal target = percent(form.get("target"), errors);
			try {
				editing.saveGoal(member, id, cycle, CycleScreens.version(form), form.get("strengths"),
						form.get("obstacles"), form.get("goal"), target, by);
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
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.RESPOND, form,
				() -> editing.saveResponse(member, id, cycle, CycleScreens.version(form), form.get("strategies"),
						form.get("intervention"), form.get("extension"), form.get("responsibilities")),
				model, response, redirect, "team.flash.cycle-saved", CycleStep.ADJUST.path());
	}

	@PostMapping("/team/{id}/cycles/{cycle}/adjust")
	String adjust(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return screens.saving(member, id, cycle, CycleStep.ADJUST, form, () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			String typed = form.getOrDefault("reassessedOn", "").strip();
			LocalDate on = typed.isEmpty() ? null : screens.date(typed, "reassessedOn", errors);
			if (!errors.isEmpty()) {
				throw new CycleFormException(errors);
			}
			editing.saveAdjust(member, id, cycle, CycleScreens.version(form), on, form.get("reflection"),
					form.get("carryForward"));
		}, model, response, redirect, "team.flash.cycle-saved", CycleStep.ADJUST.path() + "#close");
	}

	private static BigDecimal percent(String typed, Map<String, String> errors) {
		String value = typed == null ? "" : typed.strip().replace("%", "").strip();
		if (!value.matches("\\d{1,3}(\\.\\d)?")) {
			errors.put("target", "team.goal.target");
			return null;
		}
		return new BigDecimal(value);
	}

}
