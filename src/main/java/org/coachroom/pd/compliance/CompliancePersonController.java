package org.coachroom.pd.compliance;

import java.util.List;

import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.tracking.PdCalendar;
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
 * One person's credential facts as HR sees them, with their mentors and due date
 * extensions.
 */
@Controller
class CompliancePersonController {

	private static final Logger log = LoggerFactory.getLogger(CompliancePersonController.class);

	private final CredentialFacts facts;

	private final Extensions extensions;

	private final Mentors mentors;

	private final PdCalendar calendar;

	CompliancePersonController(CredentialFacts facts, Extensions extensions, Mentors mentors, PdCalendar calendar) {
		this.facts = facts;
		this.extensions = extensions;
		this.mentors = mentors;
		this.calendar = calendar;
	}

	@GetMapping("/pd/compliance/people/{userRef}")
	String person(@AuthenticationPrincipal Member member, @PathVariable long userRef,
			@RequestParam(name = "mentor-search", defaultValue = "") String mentorSearch,
			@RequestParam(name = "for", defaultValue = "") String forProgram, Model model) {
		model.addAttribute("person",
				facts.person(member, userRef).orElseThrow(() -> ProgramNotFoundException.person()));
		model.addAttribute("today", calendar.today());
		model.addAttribute("coachView", false);
		model.addAttribute("mentors", mentors.mentorsOf(member.tenant().value(), userRef));
		model.addAttribute("mentorSearch", mentorSearch.length() > 100 ? mentorSearch.substring(0, 100) : mentorSearch);
		model.addAttribute("mentorFor", forProgram);
		model.addAttribute("candidates",
				mentorSearch.isBlank() ? List.of() : mentors.candidates(member, userRef, mentorSearch));
		return "pd/person";
	}

	@PostMapping("/pd/compliance/people/{userRef}/programs/{code}/mentor")
	String mentor(@AuthenticationPrincipal Member member, @PathVariable long userRef, @PathVariable String code,
			@RequestParam(defaultValue = "") String mentor, RedirectAttributes redirect) {
		String back = "redirect:/pd/compliance/people/" + userRef;
		Long mentorRef = null;
		if (!mentor.isBlank()) {
			try {
				mentorRef = Long.valueOf(mentor);
			}
			catch (NumberFormatException e) {
				mentorRef = -1L;
			}
		}
		try {
			mentors.assign(member, userRef, code, mentorRef);
		}
		catch (RecordingRefusedException e) {
			log.info("Mentor refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
			return back;
		}
		redirect.addFlashAttribute("message",
				mentorRef == null ? "pd.flash.mentor-removed" : "pd.flash.mentor-assigned");
		return back;
	}

	@PostMapping("/pd/compliance/people/{userRef}/programs/{code}/extensions")
	String extend(@AuthenticationPrincipal Member member, @PathVariable long userRef, @PathVariable String code,
			@Valid @ModelAttribute ExtensionForm form, BindingResult result, RedirectAttributes redirect) {
		String back = "redirect:/pd/compliance/people/" + userRef;
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "pd.extension.date");
			return back;
		}
		try {
			extensions.extend(member, userRef, code, form.dueOn(), form.given());
		}
		catch (RecordingRefusedException e) {
			log.info("Extension refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
			return back;
		}
		redirect.addFlashAttribute("message", "pd.flash.extended");
		return back;
	}

}
