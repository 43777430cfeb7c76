package org.coachroom.pd;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** HR's compliance view, its CSV export, a person's credential facts, and extensions. */
@Controller
class ComplianceController {

	private static final Logger log = LoggerFactory.getLogger(ComplianceController.class);

	private final Compliance compliance;

	private final ProgramTracking tracking;

	private final Mentors mentors;

	private final Schools schools;

	ComplianceController(Compliance compliance, ProgramTracking tracking, Mentors mentors, Schools schools) {
		this.compliance = compliance;
		this.tracking = tracking;
		this.mentors = mentors;
		this.schools = schools;
	}

	private Compliance.Filter filter(Member viewer, String program, String standing, String level, String name, String sort,
			int page, String school) {
		Long programId = program.isBlank() ? null
				: compliance.program(viewer, program).map(Program::getId).orElse(-1L);
		// a school of another district, or no number, finds no one
		Long schoolId = null;
		if (!school.isBlank()) {
			try {
				schoolId = schools.find(viewer.tenant().value(), Long.parseLong(school)).map(Schools.School::id).orElse(-1L);
			}
			catch (NumberFormatException e) {
				schoolId = -1L;
			}
		}
		return new Compliance.Filter(programId, parse(Standing.class, standing), parse(SchoolLevel.class, level), name, sort,
				page, schoolId);
	}

	/** A filter value no form offers is ignored, not an error: the view shows everyone. */
	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return value.isBlank() ? null : Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			log.info("Compliance filter ignored: {} is no {}", value.length() > 30 ? value.substring(0, 30) : value,
					type.getSimpleName());
			return null;
		}
	}

	@GetMapping("/pd/compliance")
	String view(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String program,
			@RequestParam(defaultValue = "") String standing, @RequestParam(defaultValue = "") String level,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String school, Model model) {
		Compliance.View view = compliance.viewOf(member);
		if (view == Compliance.View.NONE) {
			throw new ProgramNotFoundException("compliance");
		}
		tracking.today();
		Compliance.Filter filter = filter(member, program, standing, level, name, sort, page, school);
		model.addAttribute("view", view.name());
		model.addAttribute("schools", schools.all(member.tenant().value()));
		model.addAttribute("filter", filter);
		model.addAttribute("programCode", program);
		model.addAttribute("programs", compliance.programs(member));
		model.addAttribute("counts", compliance.counts(member, filter));
		model.addAttribute("smallest", Compliance.SMALLEST_SHOWN);
		model.addAttribute("standings", Standing.values());
		model.addAttribute("levels", SchoolLevel.values());
		model.addAttribute("today", tracking.today());
		if (view == Compliance.View.PEOPLE) {
			model.addAttribute("page", compliance.page(member, filter));
		}
		return "pd/compliance";
	}

	@GetMapping("/pd/compliance.csv")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Member member,
			@RequestParam(defaultValue = "") String program, @RequestParam(defaultValue = "") String standing,
			@RequestParam(defaultValue = "") String level, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String school) {
		if (compliance.viewOf(member) != Compliance.View.PEOPLE) {
			throw new ProgramNotFoundException("compliance");
		}
		Compliance.Filter filter = filter(member, program, standing, level, name, "name", 0, school);
		StreamingResponseBody body = out -> compliance.exportCsv(member, filter, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv; charset=utf-8; header=present"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("pd-compliance-" + tracking.today() + ".csv").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(body);
	}

	@GetMapping("/pd/compliance/people/{userRef}")
	String person(@AuthenticationPrincipal Member member, @PathVariable long userRef,
			@RequestParam(name = "mentor-search", defaultValue = "") String mentorSearch,
			@RequestParam(name = "for", defaultValue = "") String forProgram, Model model) {
		model.addAttribute("person", compliance.person(member, userRef).orElseThrow(() -> new ProgramNotFoundException("person")));
		model.addAttribute("today", tracking.today());
		model.addAttribute("coachView", false);
		model.addAttribute("mentors", mentors.mentorsOf(member.tenant().value(), userRef));
		model.addAttribute("mentorSearch", mentorSearch.length() > 100 ? mentorSearch.substring(0, 100) : mentorSearch);
		model.addAttribute("mentorFor", forProgram);
		model.addAttribute("candidates", mentorSearch.isBlank() ? java.util.List.of()
				: mentors.candidates(member, userRef, mentorSearch));
		return "pd/person";
	}

	@GetMapping("/pd/compliance/people/{userRef}/programs/{code}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@AuthenticationPrincipal Member member, @PathVariable long userRef,
			@PathVariable String code) {
		return PdController.pdf("certificate-" + code + "-" + userRef + ".pdf", compliance.certificate(member, userRef, code)
			.orElseThrow(() -> new ProgramNotFoundException(code + " (not complete)")));
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
		redirect.addFlashAttribute("message", mentorRef == null ? "pd.flash.mentor-removed" : "pd.flash.mentor-assigned");
		return back;
	}

	@PostMapping("/pd/compliance/people/{userRef}/programs/{code}/extensions")
	String extend(@AuthenticationPrincipal Member member, @PathVariable long userRef, @PathVariable String code,
			@RequestParam(defaultValue = "") String dueOn, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		String back = "redirect:/pd/compliance/people/" + userRef;
		LocalDate date;
		try {
			date = LocalDate.parse(dueOn);
		}
		catch (DateTimeParseException e) {
			redirect.addFlashAttribute("error", "pd.extension.date");
			return back;
		}
		try {
			compliance.extend(member, userRef, code, date, reason);
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
