package org.coachroom.coaching.cycle;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Observations and walk-throughs in a cycle: the coach writes them, the teacher reads
 * them; no one else.
 */
@Controller
class CoachingObservationController {

	private static final Logger log = LoggerFactory.getLogger(CoachingObservationController.class);

	private final CoachingCycleAccess access;

	private final Observations observations;

	private final CoachingCyclePages pages;

	private final CoachingCalendar calendar;

	private final Clock clock;

	CoachingObservationController(CoachingCycleAccess access, Observations observations, CoachingCyclePages pages,
			CoachingCalendar calendar, Clock clock) {
		this.access = access;
		this.observations = observations;
		this.pages = pages;
		this.calendar = calendar;
		this.clock = clock;
	}

	@ModelAttribute("starterLookFors")
	List<String> starterLookFors() {
		return ObservationForm.STARTER_LOOK_FORS;
	}

	@ModelAttribute("observationKinds")
	Observation.Kind[] observationKinds() {
		return Observation.Kind.values();
	}

	@GetMapping("/coaching/cycles/{id}/observations/new")
	String initWrite(@AuthenticationPrincipal Member coach, @PathVariable long id, Model model) {
		CoachingCycle cycle = access.requireAsCoach(coach, id);
		model.addAttribute("cycle", cycle);
		model.addAttribute("with",
				pages.otherSide(coach, new CoachingCycleAccess.Seen(cycle, CoachingCycleAccess.Side.COACH)));
		model.addAttribute("form", ObservationForm.blank(calendar.today()));
		return "coaching/observation-form";
	}

	@PostMapping("/coaching/cycles/{id}/observations")
	@Transactional
	String processWrite(@AuthenticationPrincipal Member coach, @PathVariable long id,
			@ModelAttribute("form") ObservationForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CoachingCycle cycle = access.requireAsCoach(coach, id);
		Observation.Notes notes = form.check(result, calendar);
		if (notes == null) {
			return refused(coach, cycle, null, model, response, result);
		}
		Observation observation = observations.save(Observation.write(id, notes, clock.instant()));
		log.info("Observation {} written in coaching cycle {}", observation.getId(), id);
		redirect.addFlashAttribute("message", "coaching.flash.observation-saved");
		return "redirect:/coaching/cycles/" + id + "/observations/" + observation.getId();
	}

	@GetMapping("/coaching/cycles/{id}/observations/{observationId}")
	String observation(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long observationId,
			Model model) {
		CoachingCycleAccess.Seen seen = access.require(member, id);
		Observation observation = find(id, observationId);
		model.addAttribute("cycle", seen.cycle());
		model.addAttribute("byCoach", seen.byCoach());
		model.addAttribute("with", pages.otherSide(member, seen));
		model.addAttribute("observation", observation);
		if (seen.byCoach()) {
			model.addAttribute("form", ObservationForm.of(observation));
		}
		return "coaching/observation";
	}

	@PostMapping("/coaching/cycles/{id}/observations/{observationId}")
	@Transactional
	String revise(@AuthenticationPrincipal Member coach, @PathVariable long id, @PathVariable long observationId,
			@ModelAttribute("form") ObservationForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CoachingCycle cycle = access.requireAsCoach(coach, id);
		Observation observation = find(id, observationId);
		Observation.Notes notes = form.check(result, calendar);
		if (notes == null) {
			return refused(coach, cycle, observation, model, response, result);
		}
		if (form.version() == null || !form.version().equals(observation.getVersion())) {
			throw new CoachingChangeRefusedException(id, "coaching.cycle.stale");
		}
		observation.revise(notes, clock.instant());
		try {
			observations.save(observation);
		}
		catch (OptimisticLockingFailureException e) {
			throw new CoachingChangeRefusedException(id, "coaching.cycle.stale");
		}
		redirect.addFlashAttribute("message", "coaching.flash.observation-saved");
		return "redirect:/coaching/cycles/" + id + "/observations/" + observationId;
	}

	private Observation find(long cycle, long id) {
		return observations.findByIdAndCycle(id, cycle)
			.orElseThrow(() -> new CoachingAccess.CoachingNotFoundException("observation " + id,
					"coaching.not-found.observation"));
	}

	private String refused(Member coach, CoachingCycle cycle, Observation observation, Model model,
			HttpServletResponse response, BindingResult result) {
		log.info("Observation in coaching cycle {} refused: {}", cycle.getId(),
				result.getFieldErrors().stream().map(e -> e.getField()).toList());
		model.addAttribute("cycle", cycle);
		model.addAttribute("with",
				pages.otherSide(coach, new CoachingCycleAccess.Seen(cycle, CoachingCycleAccess.Side.COACH)));
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		if (observation != null) {
			model.addAttribute("observation", observation);
			model.addAttribute("byCoach", true);
			return "coaching/observation";
		}
		return "coaching/observation-form";
	}

}
