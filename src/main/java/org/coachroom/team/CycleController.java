package org.coachroom.team;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's learning cycle, one screen per step, with the results entered per class and drawn as a
 * chart; its printable summary; and what a principal sees: the school's teams and the summaries
 * teams shared. Refused input comes back on its screen with each field's message and a 400, and
 * nothing of it is saved.
 */
@Controller
class CycleController {

	private static final Logger log = LoggerFactory.getLogger(CycleController.class);

	/** Blank rows the results grid offers beyond the classes entered. */
	private static final int SPARE_ROWS = 3;

	private final LearningCycles cycles;

	private final TeamWorkspaces teams;

	private final MessageSource messages;

	CycleController(LearningCycles cycles, TeamWorkspaces teams, MessageSource messages) {
		this.cycles = cycles;
		this.teams = teams;
		this.messages = messages;
	}

	@PostMapping("/team/{id}/cycles")
	String start(@AuthenticationPrincipal Member member, @PathVariable long id) {
		return "redirect:/team/" + id + "/cycles/" + cycles.start(member, id).getId();
	}

	@GetMapping("/team/{id}/cycles/{cycle}")
	String current(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle) {
		LearningCycles.View view = cycles.view(member, id, cycle);
		CycleStep stage = view.stage();
		return "redirect:/team/" + id + "/cycles/" + cycle + "/"
				+ (stage == CycleStep.CLOSED ? CycleStep.ADJUST.path() : stage.path());
	}

	@GetMapping("/team/{id}/cycles/{cycle}/{step:learn|assess|goal|respond|adjust}")
	String step(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@PathVariable String step, Model model) {
		LearningCycles.View view = cycles.view(member, id, cycle);
		show(view, CycleStep.ofPath(step).orElseThrow(), formOf(view), Map.of(), model);
		return "team/cycle";
	}

	private void show(LearningCycles.View view, CycleStep step, Map<String, String> form, Map<String, String> errors,
			Model model) {
		model.addAttribute("view", view);
		model.addAttribute("step", step);
		model.addAttribute("steps", CycleStep.walked());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("bands", view.cycle().levels());
		model.addAttribute("today", teams.today());
		if (step == CycleStep.ASSESS) {
			model.addAttribute("grid", grid(form, view, CycleResults.Round.BASELINE));
		}
		if (step == CycleStep.ADJUST) {
			model.addAttribute("grid", grid(form, view, CycleResults.Round.REASSESSMENT));
		}
		if (view.baseline().isPresent()) {
			List<Results.Row> after = view.reassessment().map(Results::inTheTeam).orElse(List.of());
			model.addAttribute("chart", chart("cycle-chart", view.cycle().levels(), view.baseline().get().inTheTeam(), after));
			model.addAttribute("chartTable", ResultsChart.table(ResultsChart.groups(view.baseline().get().inTheTeam(), after, word("team.chart.team"))));
		}
	}

	private String word(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private String chart(String id, ProficiencyBands bands, List<Results.Row> baseline, List<Results.Row> after) {
		ResultsChart.Labels labels = new ResultsChart.Labels(word("team.chart.title"), word("team.chart.baseline"),
				word("team.chart.reassessment"), word("team.chart.team"), word("team.chart.proficient"),
				word("team.chart.not-entered"));
		return ResultsChart.svg(id, bands, ResultsChart.groups(baseline, after, labels.team()), labels);
	}

	/** The form as the cycle holds it now. */
	private static Map<String, String> formOf(LearningCycles.View view) {
		Cycle c = view.cycle();
		Map<String, String> form = new HashMap<>();
		form.put("version", String.valueOf(c.getVersion()));
		form.put("standard", c.getStandard() == null ? "Students will " : c.getStandard());
		form.put("assessment", orEmpty(c.getAssessment()));
		form.put("assessedOn", c.getAssessedOn() == null ? "" : c.getAssessedOn().toString());
		ProficiencyBands bands = c.levels();
		for (int i = 0; i < 6; i++) {
			form.put("band-" + i, i < bands.size() ? bands.names().get(i) : "");
		}
		form.put("proficientFrom", String.valueOf(bands.proficientFrom()));
		form.put("strengths", orEmpty(c.getStrengths()));
		form.put("obstacles", orEmpty(c.getObstacles()));
		form.put("goal", orEmpty(c.getGoal()));
		form.put("target", c.getTargetPercent() == null ? "" : c.getTargetPercent().stripTrailingZeros().toPlainString());
		form.put("goalBy", c.getGoalBy() == null ? "" : c.getGoalBy().toString());
		form.put("strategies", orEmpty(c.getStrategies()));
		form.put("intervention", orEmpty(c.getIntervention()));
		form.put("extension", orEmpty(c.getExtension()));
		form.put("responsibilities", orEmpty(c.getResponsibilities()));
		form.put("reassessedOn", c.getReassessedOn() == null ? "" : c.getReassessedOn().toString());
		form.put("reflection", orEmpty(c.getReflection()));
		form.put("carryForward", orEmpty(c.getCarryForward()));
		return form;
	}

	private static String orEmpty(String s) {
		return s == null ? "" : s;
	}

	/** A row of the results grid as typed: the class, its size, a count per level. */
	public record GridRow(int index, String name, String size, List<String> counts) {
	}

	/**
	 * The grid's rows: as submitted (after a refusal), or the round's classes, or for the re-assessment
	 * the baseline's classes with empty counts; then a few blank rows.
	 */
	private static List<GridRow> grid(Map<String, String> form, LearningCycles.View view, CycleResults.Round round) {
		int levels = view.cycle().levels().size();
		List<GridRow> rows = new ArrayList<>();
		if (form.containsKey("rows")) {
			int n = rows(form);
			for (int i = 0; i < n; i++) {
				List<String> counts = new ArrayList<>();
				for (int j = 0; j < levels; j++) {
					counts.add(form.getOrDefault("class-" + i + "-count-" + j, ""));
				}
				rows.add(new GridRow(i, form.getOrDefault("class-" + i + "-name", ""),
						form.getOrDefault("class-" + i + "-size", ""), counts));
			}
			return rows;
		}
		var entered = round == CycleResults.Round.BASELINE ? view.baseline() : view.reassessment();
		if (entered.isPresent()) {
			for (ClassResult c : entered.get().classes()) {
				rows.add(new GridRow(rows.size(), c.className(), String.valueOf(c.classSize()),
						c.counts().stream().map(String::valueOf).toList()));
			}
		}
		else if (round == CycleResults.Round.REASSESSMENT && view.baseline().isPresent()) {
			for (ClassResult c : view.baseline().get().classes()) {
				rows.add(new GridRow(rows.size(), c.className(), String.valueOf(c.classSize()),
						java.util.Collections.nCopies(levels, "")));
			}
		}
		int spare = Math.min(SPARE_ROWS, LearningCycles.MOST_CLASSES - rows.size());
		for (int i = 0; i < spare; i++) {
			rows.add(new GridRow(rows.size(), "", "", java.util.Collections.nCopies(levels, "")));
		}
		return rows;
	}

	/** Runs a step's save; a refusal re-shows the step with what was typed, its messages and a 400. */
	private String saving(Member member, long id, long cycle, CycleStep step, Map<String, String> form,
			Runnable save, Model model, HttpServletResponse response, RedirectAttributes redirect, String flash,
			String next) {
		try {
			save.run();
		}
		catch (CycleFormException e) {
			log.info("Team cycle {} {} refused: {}", cycle, step.path(), e.errors());
			LearningCycles.View view = cycles.view(member, id, cycle);
			Map<String, String> shown = formOf(view);
			shown.putAll(form);
			show(view, step, shown, e.errors(), model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "team/cycle";
		}
		redirect.addFlashAttribute("message", flash);
		return "redirect:/team/" + id + "/cycles/" + cycle + "/" + next;
	}

	@PostMapping("/team/{id}/cycles/{cycle}/learn")
	String learn(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return saving(member, id, cycle, CycleStep.LEARN, form,
				() -> cycles.saveStandard(member, id, cycle, version(form), form.get("standard")), model, response,
				redirect, "team.flash.cycle-saved", CycleStep.ASSESS.path());
	}

	@PostMapping("/team/{id}/cycles/{cycle}/assess")
	String assess(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return saving(member, id, cycle, CycleStep.ASSESS, form, () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate on = date(form.get("assessedOn"), "assessedOn", errors);
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
			cycles.saveAssessment(member, id, cycle, version(form), form.get("assessment"), on, bands);
		}, model, response, redirect, "team.flash.cycle-saved", CycleStep.ASSESS.path() + "#results");
	}

	@PostMapping("/team/{id}/cycles/{cycle}/results")
	String results(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		boolean again = "reassessment".equals(form.get("round"));
		CycleStep step = again ? CycleStep.ADJUST : CycleStep.ASSESS;
		return saving(member, id, cycle, step, form, () -> {
			int levels = cycles.levels(member, id, cycle).size();
			List<ClassResult> classes = classes(form, levels);
			cycles.saveResults(member, id, cycle, version(form),
					again ? CycleResults.Round.REASSESSMENT : CycleResults.Round.BASELINE, classes);
		}, model, response, redirect, "team.flash.results-saved", again ? CycleStep.ADJUST.path() + "#results"
				: CycleStep.GOAL.path());
	}

	/** The grid's classes; a blank row is skipped, and every field a rule refuses is named. */
	private static List<ClassResult> classes(Map<String, String> form, int levels) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<ClassResult> classes = new ArrayList<>();
		int rows = rows(form);
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

	private static int rows(Map<String, String> form) {
		String rows = form.getOrDefault("rows", "0");
		int n = rows.matches("\\d{1,2}") ? Integer.parseInt(rows) : 0;
		return Math.min(n, LearningCycles.MOST_CLASSES + SPARE_ROWS);
	}

	/** A class size as typed; anything but a whole number is the size's error (its range is the rule's). */
	private static Integer parseSize(String typed, String field, Map<String, String> errors) {
		if (typed.matches("\\d{1,4}")) {
			return Integer.valueOf(typed);
		}
		errors.put(field, "team.results.class-size");
		return null;
	}

	/** A count as typed: a whole number of 0 or more; otherwise the field's error says what is wrong. */
	private static Integer parseCount(String typed, String field, Map<String, String> errors) {
		if (typed.matches("\\d{1,4}")) {
			return Integer.valueOf(typed);
		}
		errors.put(field, typed.isEmpty() ? "team.results.missing"
				: typed.matches("-\\d+") ? "team.results.negative" : "team.results.number");
		return null;
	}

	@PostMapping("/team/{id}/cycles/{cycle}/goal")
	String goal(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return saving(member, id, cycle, CycleStep.GOAL, form, () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate by = date(form.get("goalBy"), "goalBy", errors);
			BigDecimal target = percent(form.get("target"), errors);
			try {
				cycles.saveGoal(member, id, cycle, version(form), form.get("strengths"), form.get("obstacles"),
						form.get("goal"), target, by);
			}
			catch (CycleFormException e) {
				// a typing error of the field stands before the rule it could not be checked against
				e.errors().forEach(errors::putIfAbsent);
			}
			if (!errors.isEmpty()) {
				throw new CycleFormException(errors);
			}
		}, model, response, redirect, "team.flash.cycle-saved", CycleStep.RESPOND.path());
	}

	@PostMapping("/team/{id}/cycles/{cycle}/respond")
	String respond(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return saving(member, id, cycle, CycleStep.RESPOND, form,
				() -> cycles.saveResponse(member, id, cycle, version(form), form.get("strategies"), form.get("intervention"),
						form.get("extension"), form.get("responsibilities")),
				model, response, redirect, "team.flash.cycle-saved", CycleStep.ADJUST.path());
	}

	@PostMapping("/team/{id}/cycles/{cycle}/adjust")
	String adjust(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return saving(member, id, cycle, CycleStep.ADJUST, form, () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			String typed = form.getOrDefault("reassessedOn", "").strip();
			LocalDate on = typed.isEmpty() ? null : date(typed, "reassessedOn", errors);
			if (!errors.isEmpty()) {
				throw new CycleFormException(errors);
			}
			cycles.saveAdjust(member, id, cycle, version(form), on, form.get("reflection"), form.get("carryForward"));
		}, model, response, redirect, "team.flash.cycle-saved", CycleStep.ADJUST.path() + "#close");
	}

	@PostMapping("/team/{id}/cycles/{cycle}/close")
	String close(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam Map<String, String> form, @RequestParam(name = "participant", required = false) List<String> took,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return saving(member, id, cycle, CycleStep.ADJUST, form, () -> {
			List<Long> participants = new ArrayList<>();
			for (String p : took == null ? List.<String>of() : took) {
				if (!p.matches("\\d{1,18}")) {
					throw CycleFormException.of("participants", "team.cycle.close.participants");
				}
				participants.add(Long.valueOf(p));
			}
			cycles.close(member, id, cycle, version(form), participants);
		}, model, response, redirect, "team.flash.cycle-closed", CycleStep.ADJUST.path());
	}

	@PostMapping("/team/{id}/cycles/{cycle}/share")
	String share(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle,
			@RequestParam(defaultValue = "true") boolean share, RedirectAttributes redirect) {
		cycles.share(member, id, cycle, share);
		redirect.addFlashAttribute("message", share ? "team.flash.cycle-shared" : "team.flash.cycle-unshared");
		return "redirect:/team/" + id + "/cycles/" + cycle + "/adjust#share";
	}

	@GetMapping("/team/{id}/cycles/{cycle}/summary")
	String summary(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long cycle, Model model) {
		LearningCycles.View view = cycles.view(member, id, cycle);
		show(view, CycleStep.ADJUST, formOf(view), Map.of(), model);
		return "team/summary";
	}

	@PostMapping("/team/{id}/school")
	String nameSchool(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(defaultValue = "") String school, RedirectAttributes redirect) {
		try {
			cycles.nameSchool(member, id, school.isBlank() ? null : parseId(school));
			redirect.addFlashAttribute("message", "team.flash.school-saved");
		}
		catch (TeamInputException e) {
			log.info("Team school refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/team/" + id + "#cycles";
	}

	@GetMapping("/team/school")
	String school(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String school, Model model) {
		Long schoolId = school.matches("\\d{1,18}") ? Long.valueOf(school) : null;
		model.addAttribute("overview", cycles.school(member, schoolId));
		model.addAttribute("steps", CycleStep.walked());
		return "team/school";
	}

	@GetMapping("/team/shared/{cycle}")
	String shared(@AuthenticationPrincipal Member member, @PathVariable long cycle, Model model) {
		LearningCycles.SharedSummary summary = cycles.shared(member, cycle);
		model.addAttribute("summary", summary);
		model.addAttribute("bands", summary.bands());
		model.addAttribute("chart", chart("shared-chart", summary.bands(), summary.baseline(), summary.reassessment()));
		model.addAttribute("chartTable", ResultsChart.table(ResultsChart.groups(summary.baseline(), summary.reassessment(), word("team.chart.team"))));
		return "team/shared";
	}

	private static Integer version(Map<String, String> form) {
		String v = form.getOrDefault("version", "");
		return v.matches("\\d{1,9}") ? Integer.valueOf(v) : null;
	}

	private static long parseId(String value) {
		if (!value.strip().matches("\\d{1,18}")) {
			throw new TeamInputException("team.school.unknown");
		}
		return Long.parseLong(value.strip());
	}

	private LocalDate date(String typed, String field, Map<String, String> errors) {
		String value = typed == null ? "" : typed.strip();
		if (value.isEmpty()) {
			errors.put(field, "team.cycle." + field + ".missing");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			// a cycle's dates are within a few years of today: a typo such as 20026 is not a date
			LocalDate today = teams.today();
			if (!date.isBefore(today.minusYears(10)) && !date.isAfter(today.plusYears(5))) {
				return date;
			}
		}
		catch (DateTimeParseException e) {
			// reported below
		}
		errors.put(field, "team.cycle.date");
		return null;
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
