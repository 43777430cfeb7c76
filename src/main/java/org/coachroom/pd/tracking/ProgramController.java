package org.coachroom.pd.tracking;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.compliance.Mentors;
import org.coachroom.pd.evidence.EvidenceFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * One program's page for a person, and recording progress at a requirement. Input a rule
 * refuses comes back as a message; nothing is half-saved.
 */
@Controller
class ProgramController {

	private static final Logger log = LoggerFactory.getLogger(ProgramController.class);

	private final ProgramTracking tracking;

	private final ProgressRecording recording;

	private final EvidenceFiles evidence;

	private final Mentors mentors;

	private final PdCalendar calendar;

	ProgramController(ProgramTracking tracking, ProgressRecording recording, EvidenceFiles evidence, Mentors mentors,
			PdCalendar calendar) {
		this.tracking = tracking;
		this.recording = recording;
		this.evidence = evidence;
		this.mentors = mentors;
		this.calendar = calendar;
	}

	@GetMapping("/pd/programs/{code}")
	String program(@AuthenticationPrincipal Member member, @PathVariable String code, Model model) {
		tracking.recordPlacement(member, code);
		ProgramStatus status = tracking.program(member, code);
		model.addAttribute("status", status);
		model.addAttribute("evidence", evidence.latest(member, status.program().getId()));
		model.addAttribute("mentor", status.program().isMentored()
				? mentors.mentorsOf(member.tenant().value(), member.userId()).get(code) : null);
		model.addAttribute("today", calendar.today());
		return "pd/program";
	}

	@PostMapping("/pd/programs/{code}/requirements/{requirement}")
	String record(@AuthenticationPrincipal Member member, @PathVariable String code, @PathVariable String requirement,
			@Valid @ModelAttribute ProgressForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			log.info("PD progress refused: fields {} at {}/{}",
					result.getAllErrors()
						.stream()
						.map(e -> e instanceof FieldError f ? f.getField() : e.getObjectName())
						.toList(),
					clip(code), clip(requirement));
			redirect.addFlashAttribute("error", "pd.record.invalid");
			redirect.addFlashAttribute("errorAt", requirement);
			return backToRequirement(code, requirement);
		}
		ProgressRecording.Entry entry = form.entry();
		try {
			recording.record(member, code, requirement, entry);
		}
		catch (RecordingRefusedException e) {
			log.info("PD progress refused by its rule: {} at {}/{}", e.getMessage(), clip(code), clip(requirement));
			redirect.addFlashAttribute("error", e.getMessage());
			redirect.addFlashAttribute("errorAt", requirement);
			return backToRequirement(code, requirement);
		}
		redirect.addFlashAttribute("message", "pd.flash.recorded");
		return backToRequirement(code, requirement);
	}

	private static String clip(String s) {
		return s.length() > 60 ? s.substring(0, 60) : s;
	}

	/**
	 * The program page at a requirement. The codes come from the URL: encoded, so that
	 * braces are not read as a template by the redirect (a 500) and nothing else in them
	 * becomes part of the path.
	 */
	private static String backToRequirement(String code, String requirement) {
		return "redirect:/pd/programs/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "#req-"
				+ UriUtils.encodeFragment(requirement, StandardCharsets.UTF_8);
	}

}
