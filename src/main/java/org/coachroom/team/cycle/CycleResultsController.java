package org.coachroom.team.cycle;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A cycle's results per class, the baseline (Assess step) or the re-assessment (Adjust
 * step), typed into a grid: every class is kept, or none, and every field a rule refuses
 * is named.
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
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		boolean again = "reassessment".equals(form.get("round"));
		CycleStep step = again ? CycleStep.ADJUST : CycleStep.ASSESS;
		return screens.saving(member, id, cycle, step, form, () -> {
			int levels = views.levels(member, id, cycle).size();
			List<ClassResult> classes = classes(form, levels);
			editing.saveResults(member, id, cycle, CycleScreens.version(form),
					again ? CycleResultQueries.Round.REASSESSMENT : CycleResultQueries.Round.BASELINE, classes);
		}, model, response, redirect, "team.flash.results-saved",
				again ? CycleStep.ADJUST.path() + "#results" : CycleStep.GOAL.path());
	}

	/**
	 * The grid's classes; a blank row is skipped, and every field a rule refuses is
	 * named.
	 */
	private static List<ClassResult> classes(Map<String, String> form, int levels) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<ClassResult> classes = new ArrayList<>();
		int rows = CycleScreens.rows(form);
		for (int i = 0; i < rows; i++) {
			String name = form.getOrDefault("class-" + i + "-name", "").strip();
			String size = form.getOrDefault("class-" + i + "-size", "").strip();
			List<String> typed = new ArrayList<>();
			for (int j = 0; j < levels; j++) {
				typed.add(form.getOrDefault("class-" + i + "-count-" + j, "").strip());
			}
			if (name.isEmpty() && size.isEmpty() && typed.stream().allMatch(String::isEmpty)) {
				continue;
			}
			String row = "class-" + i;
			Integer classSize = parseSize(size, row + "-size", errors);
			List<Integer> counts = new ArrayList<>();
			for (int j = 0; j < levels; j++) {
				counts.add(parseCount(typed.get(j), row + "-count-" + j, errors));
			}
			if (name.isEmpty() || name.length() > 100) {
				errors.put(row + "-name", "team.results.class-name");
			}
			if (errors.keySet().stream().anyMatch(k -> k.startsWith(row + "-"))) {
				continue;
			}
			try {
				classes.add(new ClassResult(name, classSize, counts));
			}
			catch (TeamInputException e) {
				errors.put(row, e.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			throw new CycleFormException(errors);
		}
		return classes;
	}

	/**
	 * A class size as typed; anything but a whole number is the size's error (its range
	 * is the rule's).
	 */
	private static Integer parseSize(String typed, String field, Map<String, String> errors) {
		if (typed.matches("\\d{1,4}")) {
			return Integer.valueOf(typed);
		}
		errors.put(field, "team.results.class-size");
		return null;
	}

	/**
	 * A count as typed: a whole number of 0 or more; otherwise the field's error says
	 * what is wrong.
	 */
	private static Integer parseCount(String typed, String field, Map<String, String> errors) {
		if (typed.matches("\\d{1,4}")) {
			return Integer.valueOf(typed);
		}
		errors.put(field, typed.isEmpty() ? "team.results.missing"
				: typed.matches("-\\d+") ? "team.results.negative" : "team.results.number");
		return null;
	}

}
