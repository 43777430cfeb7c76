package org.coachroom.pd.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.shared.web.Attachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Evidence for requirements: a person uploads it at a requirement of a program; whoever
 * may review it downloads it, and verifies or returns it from the review queue.
 */
@Controller
class EvidenceController {

	private static final Logger log = LoggerFactory.getLogger(EvidenceController.class);

	private final EvidenceFiles files;

	private final EvidenceReview review;

	private final PdCalendar calendar;

	private final MessageSource messages;

	EvidenceController(EvidenceFiles files, EvidenceReview review, PdCalendar calendar, MessageSource messages) {
		this.messages = messages;
		this.calendar = calendar;
		this.files = files;
		this.review = review;
	}

	@PostMapping("/pd/programs/{code}/requirements/{requirement}/evidence")
	String uploadEvidence(@AuthenticationPrincipal Member member, @PathVariable String code,
			@PathVariable String requirement, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		String back = backToRequirement(code, requirement);
		// the page lands at the requirement (#req-...): the refusal is shown beside its
		// file field, in view
		redirect.addFlashAttribute("evidenceFor", requirement);
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("evidenceError", "pd.evidence.empty");
			return back;
		}
		try {
			files.upload(member, code, requirement, file.getOriginalFilename(), file.getBytes());
		}
		catch (RecordingRefusedException e) {
			log.info("PD evidence refused: {} at {}/{}", e.getMessage(), clip(code), clip(requirement));
			redirect.addFlashAttribute("evidenceError", e.getMessage());
			return back;
		}
		redirect.addFlashAttribute("message", "pd.flash.evidence-uploaded");
		return back;
	}

	@GetMapping("/pd/evidence/{id}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal Member member, @PathVariable long id) {
		EvidenceFiles.Download file = files.download(member, id).orElseThrow(() -> ProgramNotFoundException.evidence());
		return Attachment.of(file.fileName(), file.mediaType(), file.content());
	}

	@GetMapping("/pd/evidence")
	String queue(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "0") int page, Model model) {
		if (!review.reviews(member)) {
			throw ProgramNotFoundException.page("evidence queue");
		}
		model.addAttribute("waiting", review.queue(member));
		model.addAttribute("history", review.history(member, page));
		model.addAttribute("zone", calendar.zone());
		return "pd/review";
	}

	@PostMapping("/pd/evidence/{id}/review")
	String review(@AuthenticationPrincipal Member member, @PathVariable long id, @Valid @ModelAttribute ReviewForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "pd.evidence.decision");
			return "redirect:/pd/evidence";
		}
		try {
			review.review(member, id, form.verifies(), form.said());
		}
		catch (RecordingRefusedException e) {
			log.info("PD review refused: {} on evidence {}", e.getMessage(), id);
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/pd/evidence";
		}
		redirect.addFlashAttribute("message", form.verifies() ? "pd.flash.verified" : "pd.flash.returned");
		return "redirect:/pd/evidence";
	}

	/**
	 * HR (or a district admin) corrects a verified entry, with a reason. Anyone else gets
	 * the 404 of evidence they cannot see, whatever they sent. A refusal is the review
	 * page again, 400, each reason by its field in the row, nothing saved.
	 */
	@PostMapping("/pd/evidence/{id}/correction")
	String correct(@AuthenticationPrincipal Member member, @PathVariable long id,
			@Valid @ModelAttribute("correction") CorrectionForm form, BindingResult result, Model model,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
		review.requireCorrector(member, id);
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : result.getFieldErrors()) {
			String field = CorrectionForm.fieldOf(error.getField());
			String key = error.isBindingFailure()
					? (field.equals("on") ? "pd.hr-correct.date-required" : "pd.hr-correct.value-invalid")
					: error.getDefaultMessage();
			errors.putIfAbsent(field, messages.getMessage(key, null, key, locale));
		}
		if (errors.isEmpty()) {
			try {
				review.correctVerified(member, id, form.amount(), form.on(), form.reason());
				redirect.addFlashAttribute("message", "pd.flash.hr-corrected");
				return "redirect:/pd/evidence?page=" + form.onPage() + "#decided-" + id;
			}
			catch (RecordingRefusedException e) {
				log.info("PD correction of verified evidence {} refused: {}", id, e.getMessage());
				errors.put(fieldOfRefusal(e.getMessage()), messages.getMessage(e.getMessage(), e.args(), locale));
			}
		}
		else {
			log.info("PD correction of verified evidence {} refused: fields {}", id, errors.keySet());
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("correctionFor", id);
		model.addAttribute("correctionErrors", errors);
		return queue(member, form.onPage(), model);
	}

	/** The field a rule's refusal of a correction is about. */
	private static String fieldOfRefusal(String key) {
		if (key.endsWith("score-range") || key.endsWith("hours-range")) {
			return "value";
		}
		if (key.startsWith("pd.record.date") || key.equals("pd.hr-correct.date-required")) {
			return "on";
		}
		return key.startsWith("pd.hr-correct.reason") ? "reason" : "entry";
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
