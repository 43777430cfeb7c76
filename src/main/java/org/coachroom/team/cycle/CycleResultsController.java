package org.coachroom.team.cycle;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Member;
import org.coachroom.team.CycleStep;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A cycle's results per class, the baseline (Assess step) or the re-assessment (Adjust
 * step), typed into a grid ({@link ResultsForm}): every class is kept, or none, and every
 * field a rule refuses is named.
 */
@Controller
class CycleResultsController {

	private final CycleViews views;

	private final CycleEditing editing;

	private final CycleScreens screens;

	CycleResultsController(CycleViews views, CycleEditing editing, CycleScreens screens) {
		this.views = views;
		this.editing = editing;
		this.screens = screens;
	}

	@PostMapping("/team/{id}/cycles/{cycle}/results")
	String results(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> posted, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ResultsForm form = ResultsForm.of(posted);
		CycleStep step = form.reassessment() ? CycleStep.ADJUST : CycleStep.ASSESS;
		// a refused grid is shown again as posted, row by row
		return screens.saving(member, id, cycle, step, posted, () -> {
			List<ClassResult> classes = form.classes(views.levels(member, id, cycle).size());
			editing.saveResults(member, id, cycle, form.version(), form.round(), classes);
		}, model, response, redirect, "team.flash.results-saved",
				form.reassessment() ? CycleStep.ADJUST.path() + "#results" : CycleStep.GOAL.path());
	}

}
