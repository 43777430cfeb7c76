package org.coachroom.coaching.log;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.coaching.pair.CoachSchools;
import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.coaching.pair.SupportType;
import org.coachroom.lti.Member;
import org.coachroom.team.TeamWork;
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
 * The coach's log: a contact logged in seconds from a phone, other time by category, and
 * the month and the school year at a glance. Anyone who is not coaching in this launch
 * finds their cycles instead.
 */
@Controller
class LogController {

	private static final Logger log = LoggerFactory.getLogger(LogController.class);

	private static final int LATEST = 12;

	private final LogEditing editing;

	private final LogQueries queries;

	private final CoachTime time;

	private final CoachingAccess access;

	private final CoachingCalendar calendar;

	private final CoachSchools schools;

	private final TeamWork teamWork;

	LogController(LogEditing editing, LogQueries queries, CoachTime time, CoachingAccess access,
			CoachingCalendar calendar, CoachSchools schools, TeamWork teamWork) {
		this.teamWork = teamWork;
		this.schools = schools;
		this.editing = editing;
		this.queries = queries;
		this.time = time;
		this.access = access;
		this.calendar = calendar;
	}

	@ModelAttribute("supportTypes")
	SupportType[] supportTypes() {
		return SupportType.values();
	}

	@ModelAttribute("categories")
	OtherTime.Category[] categories() {
		return OtherTime.Category.values();
	}

	@GetMapping("/coaching")
	String log(@AuthenticationPrincipal Member member, @RequestParam(required = false) String month, Model model) {
		if (!access.coaches(member)) {
			return "redirect:/coaching/cycles";
		}
		model.addAttribute("contactForm", LogForms.ContactForm.blank(calendar.today()));
		model.addAttribute("otherForm", LogForms.OtherTimeForm.blank(calendar.today()));
		show(member, month, model);
		return "coaching/log";
	}

	@PostMapping("/coaching/contacts")
	String logContact(@AuthenticationPrincipal Member coach, @ModelAttribute("contactForm") LogForms.ContactForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		access.requireCoach(coach);
		Long teacher = form.teacherRef(result);
		Long cycle = form.cycleId(result);
		Long team = form.teamRef();
		if (team != null && !teamWork.facilitates(coach, team)) {
			result.rejectValue("teacher", "coaching.contact.teacher");
		}
		if (teacher != null && cycle == null && !access.supports(coach, teacher)) {
			result.rejectValue("teacher", "coaching.contact.teacher");
		}
		Optional<Optional<Long>> countsFor = schools.countsFor(coach, form.schoolChosen());
		if (countsFor.isEmpty()) {
			result.rejectValue("school", "coaching.contact.school");
		}
		Long school = countsFor.flatMap(s -> s).orElse(null);
		LogForms.Logged logged = form.check(result, calendar, teacher, cycle, school);
		if (logged == null) {
			log.info("Coaching contact refused: {}", result.getFieldErrors().stream().map(e -> e.getField()).toList());
			model.addAttribute("otherForm", LogForms.OtherTimeForm.blank(calendar.today()));
			show(coach, null, model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "coaching/log";
		}
		editing.logContact(coach, logged);
		redirect.addFlashAttribute("message", "coaching.flash.contact-logged");
		return cycle != null ? "redirect:/coaching/cycles/" + cycle + "#contacts" : "redirect:/coaching#log";
	}

	/** The coach names the schools they serve (none ticked: none). */
	@PostMapping("/coaching/schools")
	String nameSchools(@AuthenticationPrincipal Member coach,
			@RequestParam(name = "school", required = false) List<String> chosen, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		access.requireCoach(coach);
		List<Long> ids = new ArrayList<>();
		boolean readable = true;
		for (String typed : chosen == null ? List.<String>of() : chosen) {
			try {
				ids.add(Long.valueOf(typed.strip()));
			}
			catch (NumberFormatException e) {
				readable = false;
			}
		}
		if (!readable || !schools.name(coach, ids)) {
			log.info("Coaching schools refused: not schools of the district");
			model.addAttribute("contactForm", LogForms.ContactForm.blank(calendar.today()));
			model.addAttribute("otherForm", LogForms.OtherTimeForm.blank(calendar.today()));
			model.addAttribute("schoolsRefused", true);
			show(coach, null, model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "coaching/log";
		}
		redirect.addFlashAttribute("message", "coaching.flash.schools-named");
		return "redirect:/coaching#schools";
	}

	@PostMapping("/coaching/contacts/{id}/remove")
	String removeContact(@AuthenticationPrincipal Member coach, @PathVariable long id, RedirectAttributes redirect) {
		editing.removeContact(coach, id);
		redirect.addFlashAttribute("message", "coaching.flash.entry-removed");
		return "redirect:/coaching#latest";
	}

	@PostMapping("/coaching/other-time")
	String logOtherTime(@AuthenticationPrincipal Member coach, @ModelAttribute("otherForm") LogForms.OtherTimeForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		access.requireCoach(coach);
		LogForms.Spent spent = form.check(result, calendar);
		if (spent == null) {
			log.info("Coaching other time refused: {}",
					result.getFieldErrors().stream().map(e -> e.getField()).toList());
			model.addAttribute("contactForm", LogForms.ContactForm.blank(calendar.today()));
			show(coach, null, model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "coaching/log";
		}
		editing.logOtherTime(coach, spent);
		redirect.addFlashAttribute("message", "coaching.flash.other-logged");
		return "redirect:/coaching#other";
	}

	@PostMapping("/coaching/other-time/{id}/remove")
	String removeOtherTime(@AuthenticationPrincipal Member coach, @PathVariable long id, RedirectAttributes redirect) {
		editing.removeOtherTime(coach, id);
		redirect.addFlashAttribute("message", "coaching.flash.entry-removed");
		return "redirect:/coaching#latest";
	}

	private void show(Member coach, String month, Model model) {
		YearMonth shown = month(month);
		var coachable = access.coachable(coach);
		model.addAttribute("coachable", coachable);
		Map<Long, String> names = coachable.stream()
			.collect(Collectors.toMap(CoachingAccess.Coachable::userRef, CoachingAccess.Coachable::name, (a, b) -> a));
		model.addAttribute("names", names);
		model.addAttribute("month", time.month(coach, shown));
		model.addAttribute("shownMonth", shown);
		model.addAttribute("previousMonth", shown.minusMonths(1));
		model.addAttribute("nextMonth", shown.plusMonths(1));
		model.addAttribute("thisMonth", YearMonth.from(calendar.today()));
		model.addAttribute("year", time.schoolYear(coach, calendar.today()));
		model.addAttribute("latest", queries.latest(coach.tenant().value(), coach.userId(), LATEST));
		model.addAttribute("today", calendar.today());
		model.addAttribute("usualMeetingMinutes", TeamWork.USUAL_MEETING_MINUTES);
		List<TeamWork.Facilitated> teams = teamWork.facilitatedBy(coach);
		model.addAttribute("teams", teams);
		model.addAttribute("teamNames",
				teams.stream().collect(Collectors.toMap(TeamWork.Facilitated::workspace, TeamWork.Facilitated::title)));
		model.addAttribute("servedSchools", schools.served(coach));
		model.addAttribute("schoolsToName", schools.toName(coach));
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
