package org.coachroom.coaching.school;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.coaching.pair.CoachSchools;
import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.lti.Member;
import org.coachroom.pd.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coaching by school: the principal's monthly view of their school, the district admin's
 * of every school, and the coach's page of a school they serve, where they agree its
 * goals with the principal and say what they need. Counts only, never a teacher.
 */
@Controller
class CoachingSchoolController {

	private static final Logger log = LoggerFactory.getLogger(CoachingSchoolController.class);

	private final SchoolAccess access;

	private final SchoolFigures figures;

	private final SchoolPlans plans;

	private final Schools schools;

	private final CoachSchools coachSchools;

	private final CoachingCalendar calendar;

	CoachingSchoolController(SchoolAccess access, SchoolFigures figures, SchoolPlans plans, Schools schools,
			CoachSchools coachSchools, CoachingCalendar calendar) {
		this.access = access;
		this.figures = figures;
		this.plans = plans;
		this.schools = schools;
		this.coachSchools = coachSchools;
		this.calendar = calendar;
	}

	/** A school goal as typed. */
	record GoalForm(String text) {

		static GoalForm blank() {
			return new GoalForm("");
		}

	}

	/** What the coach needs, as typed. */
	record NeedForm(String text) {
	}

	@GetMapping("/coaching/school")
	String school(@AuthenticationPrincipal Member principal, @RequestParam(required = false) String school,
			@RequestParam(required = false) String month, Model model) {
		access.requirePrincipal(principal);
		Long asked = school != null && school.strip().matches("\\d{1,18}") ? Long.valueOf(school.strip()) : null;
		Optional<Schools.School> chosen = plans.schoolOf(principal, asked);
		model.addAttribute("goalForm", GoalForm.blank());
		showSchool(principal, chosen, month(month), model);
		return "coaching/school";
	}

	@GetMapping("/coaching/district")
	String district(@AuthenticationPrincipal Member admin, @RequestParam(required = false) String month, Model model) {
		access.requireDistrictAdmin(admin);
		YearMonth shown = month(month);
		model.addAttribute("district", figures.district(admin.tenant().value(), shown));
		months(shown, model);
		return "coaching/district";
	}

	@GetMapping("/coaching/schools/{school}")
	String coachSchool(@AuthenticationPrincipal Member coach, @PathVariable long school, Model model) {
		access.requireServingCoach(coach, school);
		model.addAttribute("goalForm", GoalForm.blank());
		model.addAttribute("needForm", new NeedForm(plans.needOf(coach, school)));
		showCoachSchool(coach, school, model);
		return "coaching/coach-school";
	}

	@PostMapping("/coaching/schools/{school}/goals")
	String addGoal(@AuthenticationPrincipal Member member, @PathVariable long school,
			@ModelAttribute("goalForm") GoalForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requireWriter(member, school);
		Optional<String> text = SchoolPlans.goalText(form.text());
		if (text.isEmpty()) {
			result.rejectValue("text", "coaching.school.goal.text", new Object[] { SchoolPlans.LONGEST_GOAL }, null);
		}
		else if (!plans.roomForAGoal(member.tenant().value(), school)) {
			result.rejectValue("text", "coaching.school.goal.many", new Object[] { SchoolPlans.MOST_GOALS }, null);
		}
		if (result.hasErrors()) {
			log.info("School goal refused: {}", result.getFieldErrors().stream().map(e -> e.getCode()).toList());
			return refused(member, school, model, response);
		}
		plans.addGoal(member, school, text.get());
		redirect.addFlashAttribute("message", "coaching.flash.school-goal-added");
		return back(member, school, "goals");
	}

	@PostMapping("/coaching/schools/{school}/goals/{goal}")
	String editGoal(@AuthenticationPrincipal Member member, @PathVariable long school, @PathVariable long goal,
			@RequestParam(required = false) String text, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requireWriter(member, school);
		Optional<String> checked = SchoolPlans.goalText(text);
		if (checked.isEmpty()) {
			log.info("School goal {} edit refused", goal);
			model.addAttribute("goalForm", GoalForm.blank());
			model.addAttribute("editRefused", goal);
			return refused(member, school, model, response);
		}
		plans.editGoal(member, school, goal, checked.get());
		redirect.addFlashAttribute("message", "coaching.flash.school-goal-saved");
		return back(member, school, "goals");
	}

	@PostMapping("/coaching/schools/{school}/goals/{goal}/remove")
	String removeGoal(@AuthenticationPrincipal Member member, @PathVariable long school, @PathVariable long goal,
			RedirectAttributes redirect) {
		requireWriter(member, school);
		plans.removeGoal(member, school, goal);
		redirect.addFlashAttribute("message", "coaching.flash.school-goal-removed");
		return back(member, school, "goals");
	}

	@PostMapping("/coaching/schools/{school}/needs")
	String writeNeed(@AuthenticationPrincipal Member coach, @PathVariable long school,
			@ModelAttribute("needForm") NeedForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		access.requireServingCoach(coach, school);
		String text = form.text() == null ? "" : form.text();
		if (text.strip().length() > SchoolPlans.LONGEST_NEED) {
			result.rejectValue("text", "coaching.school.need.long", new Object[] { SchoolPlans.LONGEST_NEED }, null);
			log.info("What the coach needs refused: too long");
			model.addAttribute("goalForm", GoalForm.blank());
			showCoachSchool(coach, school, model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "coaching/coach-school";
		}
		plans.writeNeed(coach, school, text);
		redirect.addFlashAttribute("message", "coaching.flash.need-saved");
		return "redirect:/coaching/schools/" + school + "#needs";
	}

	private void requireWriter(Member member, long school) {
		plans.requireWriter(member, school);
	}

	private String refused(Member member, long school, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		if (SchoolAccess.principal(member)) {
			showSchool(member, schools.find(member.tenant().value(), school), month(null), model);
			return "coaching/school";
		}
		model.addAttribute("needForm", new NeedForm(plans.needOf(member, school)));
		showCoachSchool(member, school, model);
		return "coaching/coach-school";
	}

	private String back(Member member, long school, String anchor) {
		return SchoolAccess.principal(member) ? "redirect:/coaching/school?school=" + school + "#" + anchor
				: "redirect:/coaching/schools/" + school + "#" + anchor;
	}

	private void showSchool(Member principal, Optional<Schools.School> school, YearMonth shown, Model model) {
		long tenant = principal.tenant().value();
		model.addAttribute("schools", schools.open(tenant));
		model.addAttribute("school", school.orElse(null));
		if (school.isPresent()) {
			long id = school.get().id();
			model.addAttribute("figures", figures.school(tenant, id, shown));
			model.addAttribute("goals", plans.goals(tenant, id));
			model.addAttribute("needs", plans.needs(principal, id));
		}
		months(shown, model);
	}

	private void showCoachSchool(Member coach, long school, Model model) {
		long tenant = coach.tenant().value();
		model.addAttribute("school", schools.find(tenant, school).orElseThrow());
		model.addAttribute("goals", plans.goals(tenant, school));
		model.addAttribute("served", coachSchools.served(coach));
	}

	private void months(YearMonth shown, Model model) {
		model.addAttribute("shownMonth", shown);
		model.addAttribute("previousMonth", shown.minusMonths(1));
		model.addAttribute("nextMonth", shown.plusMonths(1));
		model.addAttribute("thisMonth", YearMonth.from(calendar.today()));
		model.addAttribute("smallest", Count.SMALLEST_SHOWN);
	}

	/** The month asked for, as {@code yyyy-mm}; this month when none or nonsense. */
	private YearMonth month(String typed) {
		YearMonth now = YearMonth.from(calendar.today());
		if (typed == null || typed.isBlank()) {
			return now;
		}
		try {
			YearMonth month = YearMonth.parse(typed.strip());
			return month.isBefore(now.minusYears(3)) || month.isAfter(now) ? now : month;
		}
		catch (DateTimeParseException e) {
			return now;
		}
	}

}
