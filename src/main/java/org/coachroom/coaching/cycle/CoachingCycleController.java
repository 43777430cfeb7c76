package org.coachroom.coaching.cycle;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

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
 * Coaching cycles: the list of a person's cycles, opening one with a teacher, and the
 * cycle's page, where the coach plans and keeps notes and the teacher words the goal and
 * closes with a reflection.
 */
@Controller
class CoachingCycleController {

	private static final Logger log = LoggerFactory.getLogger(CoachingCycleController.class);

	private final CoachingCyclePages pages;

	private final CoachingCycleEditing editing;

	private final CoachingCycleAccess access;

	private final CoachingAccess coaching;

	private final CoachingCycleContacts contacts;

	private final CoachingCalendar calendar;

	private final Observations observations;

	private final CoachingStories stories;

	private final CoachSchools coachSchools;

	private final TeamWork teamWork;

	CoachingCycleController(CoachingCyclePages pages, CoachingCycleEditing editing, CoachingCycleAccess access,
			CoachingAccess coaching, CoachingCycleContacts contacts, CoachingCalendar calendar,
			Observations observations, CoachingStories stories, CoachSchools coachSchools, TeamWork teamWork) {
		this.teamWork = teamWork;
		this.coachSchools = coachSchools;
		this.observations = observations;
		this.stories = stories;
		this.pages = pages;
		this.editing = editing;
		this.access = access;
		this.coaching = coaching;
		this.contacts = contacts;
		this.calendar = calendar;
	}

	@ModelAttribute("supportTypes")
	SupportType[] supportTypes() {
		return SupportType.values();
	}

	@GetMapping("/coaching/cycles")
	String cycles(@AuthenticationPrincipal Member member, Model model) {
		model.addAttribute("mine", pages.of(member));
		model.addAttribute("coaches", coaching.coaches(member));
		return "coaching/cycles";
	}

	@GetMapping("/coaching/cycles/new")
	String initOpen(@AuthenticationPrincipal Member coach, @RequestParam(required = false) Long teacher, Model model) {
		coaching.requireCoach(coach);
		model.addAttribute("form", CoachingCycleForms.OpenForm.blank(teacher));
		model.addAttribute("coachable", coaching.coachable(coach));
		model.addAttribute("teams", teamWork.facilitatedBy(coach));
		return "coaching/cycle-new";
	}

	@PostMapping("/coaching/cycles")
	String processOpen(@AuthenticationPrincipal Member coach, @ModelAttribute("form") CoachingCycleForms.OpenForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		coaching.requireCoach(coach);
		Long teacher = form.teacherRef(result);
		Long team = form.teamRef();
		if (teacher != null && !coaching.supports(coach, teacher)) {
			result.rejectValue("teacher", "coaching.cycle.teacher");
		}
		if (team != null && !teamWork.facilitates(coach, team)) {
			result.rejectValue("teacher", "coaching.cycle.teacher");
		}
		CoachingCycle.Goal goal = form.goal(result);
		if (result.hasErrors()) {
			log.info("Coaching cycle refused: {}", result.getFieldErrors().stream().map(e -> e.getField()).toList());
			model.addAttribute("coachable", coaching.coachable(coach));
			model.addAttribute("teams", teamWork.facilitatedBy(coach));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "coaching/cycle-new";
		}
		CoachingCycle cycle = team != null ? editing.openWithTeam(coach, team, goal)
				: editing.open(coach, teacher, goal);
		redirect.addFlashAttribute("message", "coaching.flash.opened");
		return "redirect:/coaching/cycles/" + cycle.getId();
	}

	@GetMapping("/coaching/cycles/{id}")
	String cycle(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		CoachingCycleAccess.Seen seen = access.require(member, id);
		show(member, seen, model);
		model.addAttribute("goalForm", CoachingCycleForms.GoalForm.of(seen.cycle()));
		model.addAttribute("moveForm", CoachingCycleForms.MoveForm.blank());
		if (seen.byCoach()) {
			model.addAttribute("notesForm", CoachingCycleForms.NotesForm.of(seen.cycle()));
		}
		else {
			model.addAttribute("closeForm", CoachingCycleForms.CloseForm.of(seen.cycle()));
		}
		model.addAttribute("storyForm", StoryForm.blank());
		model.addAttribute("approveForm", StoryForm.blank());
		return "coaching/cycle";
	}

	@PostMapping("/coaching/cycles/{id}/stories")
	String draftStory(@AuthenticationPrincipal Member coach, @PathVariable long id,
			@ModelAttribute("storyForm") StoryForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CoachingCycleAccess.Seen seen = new CoachingCycleAccess.Seen(access.requireAsCoach(coach, id),
				CoachingCycleAccess.Side.COACH);
		String wording = form.check(result);
		if (wording == null) {
			return refused(coach, seen, model, response, "story", result);
		}
		stories.draft(coach, id, wording);
		redirect.addFlashAttribute("message", "coaching.flash.story-drafted");
		return "redirect:/coaching/cycles/" + id + "#stories";
	}

	@PostMapping("/coaching/cycles/{id}/stories/{story}/approve")
	String approveStory(@AuthenticationPrincipal Member teacher, @PathVariable long id, @PathVariable long story,
			@ModelAttribute("approveForm") StoryForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CoachingCycleAccess.Seen seen = new CoachingCycleAccess.Seen(access.requireAsTeacher(teacher, id),
				CoachingCycleAccess.Side.TEACHER);
		stories.find(id, story);
		String wording = form.check(result);
		if (wording == null) {
			return refused(teacher, seen, model, response, "story approval", result);
		}
		stories.approve(teacher, id, story, wording);
		redirect.addFlashAttribute("message", "coaching.flash.story-approved");
		return "redirect:/coaching/cycles/" + id + "#stories";
	}

	@PostMapping("/coaching/cycles/{id}/stories/{story}/withdraw")
	String withdrawStory(@AuthenticationPrincipal Member teacher, @PathVariable long id, @PathVariable long story,
			RedirectAttributes redirect) {
		stories.withdraw(teacher, id, story);
		redirect.addFlashAttribute("message", "coaching.flash.story-withdrawn");
		return "redirect:/coaching/cycles/" + id + "#stories";
	}

	@PostMapping("/coaching/cycles/{id}/stories/{story}/remove")
	String removeStory(@AuthenticationPrincipal Member coach, @PathVariable long id, @PathVariable long story,
			RedirectAttributes redirect) {
		stories.remove(coach, id, story);
		redirect.addFlashAttribute("message", "coaching.flash.story-removed");
		return "redirect:/coaching/cycles/" + id + "#stories";
	}

	@PostMapping("/coaching/cycles/{id}/goal")
	String reword(@AuthenticationPrincipal Member member, @PathVariable long id,
			@ModelAttribute("goalForm") CoachingCycleForms.GoalForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CoachingCycleAccess.Seen seen = access.require(member, id);
		CoachingCycle.Goal goal = form.check(result);
		if (goal == null) {
			return refused(member, seen, model, response, "goal", result);
		}
		editing.reword(member, id, goal, form.version());
		redirect.addFlashAttribute("message", "coaching.flash.goal-saved");
		return "redirect:/coaching/cycles/" + id;
	}

	@PostMapping("/coaching/cycles/{id}/moves")
	String planMove(@AuthenticationPrincipal Member coach, @PathVariable long id,
			@ModelAttribute("moveForm") CoachingCycleForms.MoveForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CoachingCycleAccess.Seen seen = new CoachingCycleAccess.Seen(access.requireAsCoach(coach, id),
				CoachingCycleAccess.Side.COACH);
		CoachingCycle.Move move = form.check(result, calendar);
		if (move == null) {
			return refused(coach, seen, model, response, "move", result);
		}
		editing.planMove(coach, id, move);
		redirect.addFlashAttribute("message", "coaching.flash.move-planned");
		return "redirect:/coaching/cycles/" + id + "#moves";
	}

	@PostMapping("/coaching/cycles/{id}/moves/{index}/remove")
	String removeMove(@AuthenticationPrincipal Member coach, @PathVariable long id, @PathVariable int index,
			RedirectAttributes redirect) {
		editing.removeMove(coach, id, index);
		redirect.addFlashAttribute("message", "coaching.flash.move-removed");
		return "redirect:/coaching/cycles/" + id + "#moves";
	}

	@PostMapping("/coaching/cycles/{id}/notes")
	String keepNotes(@AuthenticationPrincipal Member coach, @PathVariable long id,
			@ModelAttribute("notesForm") CoachingCycleForms.NotesForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CoachingCycleAccess.Seen seen = new CoachingCycleAccess.Seen(access.requireAsCoach(coach, id),
				CoachingCycleAccess.Side.COACH);
		String notes = form.check(result);
		if (result.hasErrors()) {
			return refused(coach, seen, model, response, "notes", result);
		}
		editing.keepNotes(coach, id, notes);
		redirect.addFlashAttribute("message", "coaching.flash.notes-saved");
		return "redirect:/coaching/cycles/" + id + "#notes";
	}

	@PostMapping("/coaching/cycles/{id}/close")
	String close(@AuthenticationPrincipal Member teacher, @PathVariable long id,
			@ModelAttribute("closeForm") CoachingCycleForms.CloseForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CoachingCycleAccess.Seen seen = new CoachingCycleAccess.Seen(access.requireAsTeacher(teacher, id),
				CoachingCycleAccess.Side.TEACHER);
		CoachingCycle.Close close = form.check(result);
		if (close == null) {
			return refused(teacher, seen, model, response, "close", result);
		}
		editing.close(teacher, id, close);
		redirect.addFlashAttribute("message", "coaching.flash.closed");
		return "redirect:/coaching/cycles/" + id;
	}

	@PostMapping("/coaching/cycles/{id}/end")
	String end(@AuthenticationPrincipal Member coach, @PathVariable long id, RedirectAttributes redirect) {
		editing.end(coach, id);
		redirect.addFlashAttribute("message", "coaching.flash.ended");
		return "redirect:/coaching/cycles/" + id;
	}

	@PostMapping("/coaching/cycles/{id}/reopen")
	String reopen(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
		editing.reopen(member, id);
		redirect.addFlashAttribute("message", "coaching.flash.reopened");
		return "redirect:/coaching/cycles/" + id;
	}

	/**
	 * The cycle's page again, with the refused form's errors beside its fields: a 400.
	 */
	private String refused(Member member, CoachingCycleAccess.Seen seen, Model model, HttpServletResponse response,
			String which, BindingResult result) {
		log.info("Coaching cycle {} {} refused: {}", seen.cycle().getId(), which,
				result.getFieldErrors().stream().map(e -> e.getField()).toList());
		show(member, seen, model);
		CoachingCycle cycle = seen.cycle();
		if (!model.containsAttribute("goalForm")) {
			model.addAttribute("goalForm", CoachingCycleForms.GoalForm.of(cycle));
		}
		if (!model.containsAttribute("moveForm")) {
			model.addAttribute("moveForm", CoachingCycleForms.MoveForm.blank());
		}
		if (seen.byCoach() && !model.containsAttribute("notesForm")) {
			model.addAttribute("notesForm", CoachingCycleForms.NotesForm.of(cycle));
		}
		if (!seen.byCoach() && !model.containsAttribute("closeForm")) {
			model.addAttribute("closeForm", CoachingCycleForms.CloseForm.of(cycle));
		}
		if (!model.containsAttribute("storyForm")) {
			model.addAttribute("storyForm", StoryForm.blank());
		}
		if (!model.containsAttribute("approveForm")) {
			model.addAttribute("approveForm", StoryForm.blank());
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "coaching/cycle";
	}

	private void show(Member member, CoachingCycleAccess.Seen seen, Model model) {
		model.addAttribute("cycle", seen.cycle());
		model.addAttribute("byCoach", seen.byCoach());
		model.addAttribute("with", pages.otherSide(member, seen));
		// The notes of contacts are the coach's: the teacher's page gets the contacts
		// without them.
		model.addAttribute("contacts",
				seen.byCoach() ? contacts.of(seen.cycle()) : contacts.of(seen.cycle())
					.stream()
					.map(c -> new CoachingCycleContacts.ContactLine(c.id(), c.heldOn(), c.support(), c.minutes(), null))
					.toList());
		model.addAttribute("today", calendar.today());
		model.addAttribute("servedSchools", seen.byCoach() ? coachSchools.served(member) : List.of());
		model.addAttribute("observations", observations.findByCycleOrderByObservedOnDescIdDesc(seen.cycle().getId()));
		model.addAttribute("stories", stories.of(seen.cycle()));
	}

}
