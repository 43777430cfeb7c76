package org.coachroom.team.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Member;
import org.coachroom.team.CycleStep;
import org.coachroom.team.workspace.TeamCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A cycle step's screen, for the controllers that show it: the form as the cycle holds it
 * (or as it was typed), the results grid, the chart, and a save whose refusal re-shows
 * the step with each field's message and a 400.
 */
@Component
class CycleScreens {

	private static final Logger log = LoggerFactory.getLogger(CycleScreens.class);

	/** Blank rows the results grid offers beyond the classes entered. */
	static final int SPARE_ROWS = 3;

	private final CycleViews views;

	private final TeamCalendar calendar;

	private final MessageSource messages;

	CycleScreens(CycleViews views, TeamCalendar calendar, MessageSource messages) {
		this.views = views;
		this.calendar = calendar;
		this.messages = messages;
	}

	void show(CycleViews.View view, CycleStep step, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("step", step);
		model.addAttribute("steps", CycleStep.walked());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("bands", view.cycle().levels());
		model.addAttribute("today", calendar.today());
		if (step == CycleStep.ASSESS) {
			model.addAttribute("grid", grid(form, view, CycleResultQueries.Round.BASELINE));
		}
		if (step == CycleStep.ADJUST) {
			model.addAttribute("grid", grid(form, view, CycleResultQueries.Round.REASSESSMENT));
		}
		if (view.baseline().isPresent()) {
			List<Results.Row> after = view.reassessment().map(Results::inTheTeam).orElse(List.of());
			model.addAttribute("chart",
					chart("cycle-chart", view.cycle().levels(), view.baseline().get().inTheTeam(), after));
			model.addAttribute("chartTable", ResultsChart
				.table(ResultsChart.groups(view.baseline().get().inTheTeam(), after, word("team.chart.team"))));
			if (step == CycleStep.ADJUST && view.cycle().isClosed()) {
				// the sharing step previews exactly what the principal will see, lettered
				// and with the class names
				List<ClassResult> before = view.baseline().get().classes();
				List<ClassResult> reassessed = view.reassessment().map(Results::classes).orElse(List.of());
				model.addAttribute("previewLetters", preview(view.cycle().levels(), before, reassessed, false));
				model.addAttribute("previewNames", preview(view.cycle().levels(), before, reassessed, true));
			}
		}
	}

	private List<ResultsChart.TableRow> preview(ProficiencyBands bands, List<ClassResult> before,
			List<ClassResult> after, boolean classNames) {
		PrincipalResults shown = PrincipalResults.of(bands, before, after, classNames);
		return ResultsChart.table(ResultsChart.groups(shown.baseline(), shown.reassessment(), word("team.chart.team")));
	}

	/** The step's screen as the cycle holds it now. */
	void show(CycleViews.View view, CycleStep step, Model model) {
		show(view, step, formOf(view), Map.of(), model);
	}

	String word(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	String chart(String id, ProficiencyBands bands, List<Results.Row> baseline, List<Results.Row> after) {
		ResultsChart.Labels labels = new ResultsChart.Labels(word("team.chart.title"), word("team.chart.baseline"),
				word("team.chart.reassessment"), word("team.chart.team"), word("team.chart.proficient"),
				word("team.chart.not-entered"));
		return ResultsChart.svg(id, bands, ResultsChart.groups(baseline, after, labels.team()), labels);
	}

	/** The form as the cycle holds it now. */
	private static Map<String, String> formOf(CycleViews.View view) {
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
		form.put("target",
				c.getTargetPercent() == null ? "" : c.getTargetPercent().stripTrailingZeros().toPlainString());
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
	 * The grid's rows: as submitted (after a refusal), or the round's classes, or for the
	 * re-assessment the baseline's classes with empty counts; then a few blank rows.
	 */
	private static List<GridRow> grid(Map<String, String> form, CycleViews.View view, CycleResultQueries.Round round) {
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
		var entered = round == CycleResultQueries.Round.BASELINE ? view.baseline() : view.reassessment();
		if (entered.isPresent()) {
			for (ClassResult c : entered.get().classes()) {
				rows.add(new GridRow(rows.size(), c.className(), String.valueOf(c.classSize()),
						c.counts().stream().map(String::valueOf).toList()));
			}
		}
		else if (round == CycleResultQueries.Round.REASSESSMENT && view.baseline().isPresent()) {
			for (ClassResult c : view.baseline().get().classes()) {
				rows.add(new GridRow(rows.size(), c.className(), String.valueOf(c.classSize()),
						Collections.nCopies(levels, "")));
			}
		}
		int spare = Math.min(SPARE_ROWS, CycleEditing.MOST_CLASSES - rows.size());
		for (int i = 0; i < spare; i++) {
			rows.add(new GridRow(rows.size(), "", "", Collections.nCopies(levels, "")));
		}
		return rows;
	}

	/** The grid's rows as submitted, at most as many as a grid can show. */
	static int rows(Map<String, String> form) {
		String rows = form.getOrDefault("rows", "0");
		int n = rows.matches("\\d{1,2}") ? Integer.parseInt(rows) : 0;
		return Math.min(n, CycleEditing.MOST_CLASSES + SPARE_ROWS);
	}

	/**
	 * Runs a step's save; a refusal re-shows the step with what was typed, its messages
	 * and a 400.
	 */
	String saving(Member member, long id, long cycle, CycleStep step, Map<String, String> form, Runnable save,
			Model model, HttpServletResponse response, RedirectAttributes redirect, String flash, String next) {
		try {
			save.run();
		}
		catch (CycleFormException e) {
			log.info("Team cycle {} {} refused: {}", cycle, step.path(), e.errors());
			CycleViews.View view = views.view(member, id, cycle);
			Map<String, String> shown = formOf(view);
			shown.putAll(form);
			show(view, step, shown, e.errors(), model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "team/cycle";
		}
		redirect.addFlashAttribute("message", flash);
		return "redirect:/team/" + id + "/cycles/" + cycle + "/" + next;
	}

	/** The version of the cycle the form was filled in on. */
	static Integer version(Map<String, String> form) {
		String v = form.getOrDefault("version", "");
		return v.matches("\\d{1,9}") ? Integer.valueOf(v) : null;
	}

	/**
	 * A cycle's date as typed; a blank one is the field's "missing", any other refusal
	 * "team.cycle.date".
	 */
	LocalDate date(String typed, String field, Map<String, String> errors) {
		String value = typed == null ? "" : typed.strip();
		if (value.isEmpty()) {
			errors.put(field, "team.cycle." + field + ".missing");
			return null;
		}
		LocalDate date = calendar.parse(value).orElse(null);
		if (date == null) {
			errors.put(field, "team.cycle.date");
		}
		return date;
	}

}
