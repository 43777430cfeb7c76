package org.coachroom.pd.tracking;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
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

	private final AuditTrail audit;

	ProgramController(ProgramTracking tracking, ProgressRecording recording, EvidenceFiles evidence, Mentors mentors,
			PdCalendar calendar, AuditTrail audit) {
		this.audit = audit;
		this.tracking = tracking;
		this.recording = recording;
		this.evidence = evidence;
		this.mentors = mentors;
		this.calendar = calendar;
	}

	@GetMapping("/pd/programs/{code}")
	String program(@AuthenticationPrincipal Member member, @PathVariable String code, Model model) {
		tracking.recordPlacement(member, code);
		return page(member, code, model);
	}

	private String page(Member member, String code, Model model) {
		ProgramStatus status = tracking.program(member, code);
		model.addAttribute("status", status);
		model.addAttribute("evidence", evidence.latest(member, status.program().getId()));
		model.addAttribute("corrections",
				audit.corrections(member.tenant().value(), member.userId(), status.program().getId()));
		model.addAttribute("mentor", status.program().isMentored()
				? mentors.mentorsOf(member.tenant().value(), member.userId()).get(code) : null);
		model.addAttribute("today", calendar.today());
		model.addAttribute("zone", calendar.zone());
		return "pd/program";
	}

	@PostMapping("/pd/programs/{code}/requirements/{requirement}")
	String record(@AuthenticationPrincipal Member member, @PathVariable String code, @PathVariable String requirement,
			@Valid @ModelAttribute ProgressForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(member, code, requirement, form, result, model, response, redirect, false);
	}

	@PostMapping("/pd/programs/{code}/requirements/{requirement}/correction")
	String correct(@AuthenticationPrincipal Member member, @PathVariable String code, @PathVariable String requirement,
			@Valid @ModelAttribute ProgressForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(member, code, requirement, form, result, model, response, redirect, true);
	}

	/**
	 * Records or corrects an entry. A refusal is the program page again, 400, with the
	 * reason beside the requirement's fields and nothing saved.
	 */
	private String save(Member member, String code, String requirement, ProgressForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, boolean correction) {
		if (result.hasErrors()) {
			log.info("PD progress refused: fields {} at {}/{}",
					result.getAllErrors()
						.stream()
						.map(e -> e instanceof FieldError f ? f.getField() : e.getObjectName())
						.toList(),
					clip(code), clip(requirement));
			return refused(member, code, requirement, "pd.record.invalid", new Object[0], correction, model, response);
		}
		ProgressRecording.Entry entry = form.entry();
		try {
			if (correction) {
				recording.correct(member, code, requirement, entry);
			}
			else {
				recording.record(member, code, requirement, entry);
			}
		}
		catch (RecordingRefusedException e) {
			log.info("PD progress refused by its rule: {} at {}/{}", e.getMessage(), clip(code), clip(requirement));
			return refused(member, code, requirement, e.getMessage(), e.args(), correction, model, response);
		}
		redirect.addFlashAttribute("message", correction ? "pd.flash.corrected" : "pd.flash.recorded");
		return backToRequirement(code, requirement);
	}

	private String refused(Member member, String code, String requirement, String error, Object[] args,
			boolean correction, Model model, HttpServletResponse response) {
		String view = page(member, code, model);
		ProgramStatus status = (ProgramStatus) model.getAttribute("status");
		if (status.program().requirement(requirement).isEmpty()) {
			throw new ProgramNotFoundException(code + "/" + requirement);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", error);
		model.addAttribute("errorArgs", args);
		model.addAttribute("errorAt", requirement);
		model.addAttribute("errorInCorrection", correction);
		return view;
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
