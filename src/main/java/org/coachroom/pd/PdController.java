package org.coachroom.pd;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own PD: their programs with standing and deadline, their profile facts, and recording
 * progress at a requirement. Input a rule refuses comes back as a message; nothing is half-saved.
 */
@Controller
class PdController {

	private static final Logger log = LoggerFactory.getLogger(PdController.class);

	private final ProgramTracking tracking;

	private final EvidenceReview evidence;

	private final Mentors mentors;

	private final Schools schools;

	PdController(ProgramTracking tracking, EvidenceReview evidence, Mentors mentors, Schools schools) {
		this.tracking = tracking;
		this.evidence = evidence;
		this.mentors = mentors;
		this.schools = schools;
	}

	@GetMapping("/pd")
	String mine(@AuthenticationPrincipal Member member, Model model) {
		model.addAttribute("profile", tracking.profile(member).orElse(null));
		model.addAttribute("programs", tracking.myPrograms(member));
		model.addAttribute("today", tracking.today());
		model.addAttribute("levels", SchoolLevel.values());
		var credits = tracking.profile(member).isPresent() ? tracking.credits(member) : java.util.List.<ProgramTracking.Credit>of();
		var targets = credits.isEmpty() ? java.util.List.<ProgramTracking.CreditTarget>of() : tracking.creditTargets(member);
		// for each credit, the hours requirements of the same unit it can count toward
		java.util.Map<Long, java.util.List<ProgramTracking.CreditTarget>> fits = new java.util.HashMap<>();
		for (ProgramTracking.Credit c : credits) {
			fits.put(c.id(), targets.stream().filter(t -> t.unit() != null && t.unit().equalsIgnoreCase(c.unit())).toList());
		}
		model.addAttribute("credits", credits);
		model.addAttribute("reminders", tracking.profile(member).isPresent() ? tracking.reminders(member) : java.util.List.of());
		model.addAttribute("zone", tracking.zone());
		model.addAttribute("fits", fits);
		model.addAttribute("mentees", mentors.menteesOf(member));
		model.addAttribute("schools", schools.open(member.tenant().value()));
		return "pd/list";
	}

	@PostMapping("/pd/credits/{id}")
	String applyCredit(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(defaultValue = "") String target, RedirectAttributes redirect) {
		int slash = target.indexOf('/');
		if (slash <= 0 || slash == target.length() - 1) {
			redirect.addFlashAttribute("error", "pd.credit.choose");
			return "redirect:/pd";
		}
		try {
			tracking.applyCredit(member, id, target.substring(0, slash), target.substring(slash + 1));
		}
		catch (RecordingRefusedException e) {
			log.info("PD credit refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/pd";
		}
		redirect.addFlashAttribute("message", "pd.flash.credit-applied");
		return "redirect:/pd";
	}

	private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("\\d{1,4}(\\.\\d{1,2})?");

	@PostMapping("/pd/profile")
	String saveProfile(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String schoolLevel,
			@RequestParam(defaultValue = "") String roleStartedOn, @RequestParam(defaultValue = "") String school,
			RedirectAttributes redirect) {
		SchoolLevel level;
		LocalDate start;
		Long schoolId;
		try {
			level = SchoolLevel.valueOf(schoolLevel);
			schoolId = school.isBlank() ? null : Long.valueOf(school);
			start = roleStartedOn.isBlank() ? null : LocalDate.parse(roleStartedOn);
			if (start != null && start.getYear() < 1950) {
				throw new IllegalArgumentException("start");
			}
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			log.info("PD profile refused: school level {} / start {}", clip(schoolLevel), clip(roleStartedOn));
			redirect.addFlashAttribute("error", "pd.profile.invalid");
			return "redirect:/pd";
		}
		try {
			tracking.saveProfile(member, level, start, schoolId);
		}
		catch (RecordingRefusedException e) {
			log.info("PD profile refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/pd";
		}
		redirect.addFlashAttribute("message", "pd.flash.profile-saved");
		return "redirect:/pd";
	}

	@GetMapping("/pd/programs/{code}")
	String program(@AuthenticationPrincipal Member member, @PathVariable String code, Model model) {
		tracking.recordPlacement(member, code);
		ProgramStatus status = tracking.program(member, code);
		model.addAttribute("status", status);
		model.addAttribute("evidence", evidence.latest(member, status.program().getId()));
		model.addAttribute("mentor", status.program().isMentored()
				? mentors.mentorsOf(member.tenant().value(), member.userId()).get(code) : null);
		model.addAttribute("today", tracking.today());
		return "pd/program";
	}

	@GetMapping("/pd/programs/{code}/certificate.pdf")
	org.springframework.http.ResponseEntity<byte[]> certificate(@AuthenticationPrincipal Member member,
			@PathVariable String code) {
		return pdf("certificate-" + code + ".pdf", tracking.certificate(member, code)
			.orElseThrow(() -> new ProgramNotFoundException(code + " (not complete)")));
	}

	static org.springframework.http.ResponseEntity<byte[]> pdf(String name, byte[] content) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment().filename(name).build().toString())
			.header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content);
	}

	@PostMapping("/pd/programs/{code}/requirements/{requirement}/evidence")
	String uploadEvidence(@AuthenticationPrincipal Member member, @PathVariable String code,
			@PathVariable String requirement, @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
			RedirectAttributes redirect) throws java.io.IOException {
		String back = backToRequirement(code, requirement);
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "pd.evidence.empty");
			return back;
		}
		try {
			evidence.upload(member, code, requirement, file.getOriginalFilename(), file.getBytes());
		}
		catch (RecordingRefusedException e) {
			log.info("PD evidence refused: {} at {}/{}", e.getMessage(), clip(code), clip(requirement));
			redirect.addFlashAttribute("error", e.getMessage());
			return back;
		}
		redirect.addFlashAttribute("message", "pd.flash.evidence-uploaded");
		return back;
	}

	@GetMapping("/pd/evidence/{id}")
	org.springframework.http.ResponseEntity<byte[]> download(@AuthenticationPrincipal Member member, @PathVariable long id) {
		EvidenceReview.Download file = evidence.download(member, id).orElseThrow(() -> new ProgramNotFoundException("evidence"));
		return org.coachroom.shared.web.Attachment.of(file.fileName(), file.mediaType(), file.content());
	}

	@GetMapping("/pd/evidence")
	String queue(@AuthenticationPrincipal Member member, Model model) {
		if (!evidence.reviews(member)) {
			throw new ProgramNotFoundException("evidence");
		}
		model.addAttribute("waiting", evidence.queue(member));
		return "pd/review";
	}

	@PostMapping("/pd/evidence/{id}/review")
	String review(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String comment,
			RedirectAttributes redirect) {
		if (!decision.equals("verify") && !decision.equals("return") || comment.length() > 1000) {
			redirect.addFlashAttribute("error", "pd.evidence.decision");
			return "redirect:/pd/evidence";
		}
		try {
			evidence.review(member, id, decision.equals("verify"), comment);
		}
		catch (RecordingRefusedException e) {
			log.info("PD review refused: {} on evidence {}", e.getMessage(), id);
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/pd/evidence";
		}
		redirect.addFlashAttribute("message", decision.equals("verify") ? "pd.flash.verified" : "pd.flash.returned");
		return "redirect:/pd/evidence";
	}

	@PostMapping("/pd/programs/{code}/requirements/{requirement}")
	String record(@AuthenticationPrincipal Member member, @PathVariable String code, @PathVariable String requirement,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String value,
			@RequestParam(defaultValue = "") String on, RedirectAttributes redirect) {
		ProgramTracking.Entry entry;
		try {
			LocalDate date = LocalDate.parse(on);
			// a number as the page's fields send it, and a date of this era: nothing the database would refuse
			if (date.getYear() < 1950 || (!kind.equals("done") && !AMOUNT.matcher(value.strip()).matches())) {
				throw new IllegalArgumentException("value");
			}
			entry = switch (kind) {
				case "score" -> new ProgramTracking.Score(new BigDecimal(value.strip()), date);
				case "hours" -> new ProgramTracking.Hours(new BigDecimal(value.strip()), date);
				case "done" -> new ProgramTracking.Done(date);
				default -> throw new IllegalArgumentException("kind");
			};
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			log.info("PD progress refused: {} at {}/{}", e.getClass().getSimpleName(), clip(code), clip(requirement));
			redirect.addFlashAttribute("error", "pd.record.invalid");
			redirect.addFlashAttribute("errorAt", requirement);
			return backToRequirement(code, requirement);
		}
		try {
			tracking.record(member, code, requirement, entry);
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
	 * The program page at a requirement. The codes come from the URL: encoded, so that braces are not
	 * read as a template by the redirect (a 500) and nothing else in them becomes part of the path.
	 */
	private static String backToRequirement(String code, String requirement) {
		return "redirect:/pd/programs/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "#req-"
				+ UriUtils.encodeFragment(requirement, StandardCharsets.UTF_8);
	}
}
