package org.coachroom.studygroup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.coachroom.lti.ServiceUnavailableException;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Study group pages: a coach's management and a teacher's participation, one controller. */
@Controller
class StudyGroupController {

	private static final Logger log = LoggerFactory.getLogger(StudyGroupController.class);

	private static final int MAX_TEXT = 10_000;

	private final StudyGroupManagement management;

	private final ZoneId zone;

	private final Clock clock;

	StudyGroupController(StudyGroupManagement management, @Value("${coachroom.time-zone:}") String timeZone, Clock clock) {
		this.management = management;
		this.zone = timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
		this.clock = clock;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

	@GetMapping("/groups")
	String list(@AuthenticationPrincipal Member member, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("overview", management.overview(member));
		return "studygroup/list";
	}

	@GetMapping("/groups/new")
	String initCreate(@AuthenticationPrincipal Member member, Model model) {
		if (!management.canCreate(member)) {
			throw new GroupNotFoundException(0);
		}
		model.addAttribute("form", StudyGroupForm.blank());
		model.addAttribute("editing", false);
		return "studygroup/form";
	}

	@PostMapping("/groups")
	String processCreate(@AuthenticationPrincipal Member member, @Valid @ModelAttribute("form") StudyGroupForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!management.canCreate(member)) {
			throw new GroupNotFoundException(0);
		}
		form.check(result);
		if (result.hasErrors()) {
			log.info("Study group form refused, fields {}", result.getFieldErrors().stream().map(e -> e.getField()).toList());
			model.addAttribute("editing", false);
			return "studygroup/form";
		}
		StudyGroup group = management.create(member, form.details(), form.rule());
		redirect.addFlashAttribute("message", "studygroup.flash.created");
		if (member.launch() != null && member.launch().isDeepLinking()) {
			// created from the LMS's content selection: back to the picker, where it can be placed
			return "redirect:/deep-linking";
		}
		return "redirect:/groups/" + group.getId();
	}

	@GetMapping("/groups/{id}")
	String show(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		var page = management.page(member, id).orElseThrow(() -> new GroupNotFoundException(id));
		if (member.launch() != null
				&& Long.toString(id).equals(member.launch().custom().get(StudyGroupManagement.PLACEMENT_PARAMETER))) {
			management.recordPlacement(member, page.group());
		}
		model.addAttribute("member", member);
		model.addAttribute("page", page);
		model.addAttribute("now", clock.instant());
		model.addAttribute("files", page.access().atLeast(Access.MEMBER) ? management.files(member, id) : List.of());
		model.addAttribute("maxFileMegabytes", management.maxFileBytes() / (1024 * 1024));
		if (page.access() == Access.MANAGER) {
			model.addAttribute("possibleFacilitators", management.possibleFacilitators(member, id));
			model.addAttribute("reflections", management.reflectionsFor(member, id));
			Map<Long, String> names = new LinkedHashMap<>();
			page.members().forEach(r -> names.put(r.membership().getUserRef(),
					r.person() == null ? "?" : r.person().displayName()));
			model.addAttribute("names", names);
		}
		return "studygroup/group";
	}

	@GetMapping("/groups/{id}/edit")
	String initEdit(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		StudyGroup group = management.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("form", StudyGroupForm.of(group));
		model.addAttribute("group", group);
		model.addAttribute("editing", true);
		return "studygroup/form";
	}

	@PostMapping("/groups/{id}/edit")
	String processEdit(@AuthenticationPrincipal Member member, @PathVariable long id,
			@Valid @ModelAttribute("form") StudyGroupForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		StudyGroup group = management.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		form.check(result);
		if (result.hasErrors()) {
			model.addAttribute("group", group);
			model.addAttribute("editing", true);
			return "studygroup/form";
		}
		management.revise(member, id, form.details());
		management.changeRule(member, id, form.rule());
		redirect.addFlashAttribute("message", "studygroup.flash.saved");
		return "redirect:/groups/" + id;
	}

	@GetMapping("/groups/{id}/sessions/new")
	String initSession(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		StudyGroup group = management.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("group", group);
		model.addAttribute("form", SessionForm.blank(LocalDate.now(clock.withZone(zone)).plusDays(7)));
		return "studygroup/session-form";
	}

	@PostMapping("/groups/{id}/sessions")
	String processSession(@AuthenticationPrincipal Member member, @PathVariable long id,
			@Valid @ModelAttribute("form") SessionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		StudyGroup group = management.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		form.check(result);
		if (result.hasErrors()) {
			model.addAttribute("group", group);
			return "studygroup/session-form";
		}
		management.planSession(member, id, form.plan(zone));
		redirect.addFlashAttribute("message", "studygroup.flash.session-planned");
		return "redirect:/groups/" + id;
	}

	@GetMapping("/groups/{id}/sessions/{sessionId}/edit")
	String initEditSession(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long sessionId,
			Model model) {
		StudyGroup group = management.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		GroupSession session = management.session(member, id, sessionId, Access.MANAGER)
			.orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("group", group);
		model.addAttribute("sessionId", sessionId);
		model.addAttribute("form", SessionForm.of(session, zone));
		return "studygroup/session-form";
	}

	@PostMapping("/groups/{id}/sessions/{sessionId}/edit")
	String processEditSession(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long sessionId,
			@Valid @ModelAttribute("form") SessionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		StudyGroup group = management.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		form.check(result);
		if (result.hasErrors()) {
			model.addAttribute("group", group);
			model.addAttribute("sessionId", sessionId);
			return "studygroup/session-form";
		}
		management.replanSession(member, id, sessionId, form.plan(zone));
		redirect.addFlashAttribute("message", "studygroup.flash.session-saved");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/sessions/{sessionId}/cancel")
	String cancelSession(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long sessionId,
			@RequestParam(defaultValue = "true") boolean cancelled, RedirectAttributes redirect) {
		management.cancelSession(member, id, sessionId, cancelled);
		redirect.addFlashAttribute("message", cancelled ? "studygroup.flash.session-cancelled" : "studygroup.flash.session-reinstated");
		return "redirect:/groups/" + id;
	}

	@GetMapping("/groups/{id}/members/add")
	String initAddMembers(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		StudyGroup group = management.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("group", group);
		model.addAttribute("candidates", management.candidates(member, id));
		return "studygroup/members-add";
	}

	@PostMapping("/groups/{id}/members")
	String processAddMembers(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(name = "person", required = false) List<Long> people, RedirectAttributes redirect) {
		int added = people == null ? 0 : management.addMembers(member, id, people);
		redirect.addFlashAttribute("message", "studygroup.flash.members-added");
		redirect.addFlashAttribute("count", added);
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/members/import")
	String importRoster(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean includeInstructors, RedirectAttributes redirect) {
		try {
			var result = management.importRoster(member, id, includeInstructors);
			redirect.addFlashAttribute("message", "studygroup.flash.roster-imported");
			redirect.addFlashAttribute("rosterImport", result);
		}
		catch (ServiceUnavailableException e) {
			log.info("Roster import for study group {} failed: {} ({})", id, e.reason(), e.getMessage());
			redirect.addFlashAttribute("error", "studygroup.roster." + e.reason().name());
		}
		catch (RosterFromOtherCourseException e) {
			redirect.addFlashAttribute("error", "studygroup.roster.other-course");
		}
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/facilitators")
	String addFacilitator(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam long person,
			RedirectAttributes redirect) {
		management.addFacilitator(member, id, person);
		redirect.addFlashAttribute("message", "studygroup.flash.facilitator-added");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/facilitators/{userRef}/remove")
	String removeFacilitator(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long userRef,
			RedirectAttributes redirect) {
		management.removeFacilitator(member, id, userRef);
		redirect.addFlashAttribute("message", "studygroup.flash.facilitator-removed");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/files")
	String shareFile(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws java.io.IOException {
		try {
			management.shareFile(member, id, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes());
			redirect.addFlashAttribute("message", "studygroup.flash.file-shared");
		}
		catch (FileRejectedException e) {
			log.info("Upload to study group {} refused: {}", id, e.reason());
			redirect.addFlashAttribute("error", "studygroup.file." + e.reason().name());
		}
		return "redirect:/groups/" + id + "#files";
	}

	@GetMapping("/groups/{id}/files/{fileId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal Member member, @PathVariable long id,
			@PathVariable long fileId) {
		GroupFiles.Download file = management.download(member, id, fileId).orElseThrow(() -> new GroupNotFoundException(id));
		return org.coachroom.shared.web.Attachment.of(file.name(), file.contentType(), file.content());
	}

	@PostMapping("/groups/{id}/files/{fileId}/delete")
	String removeFile(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long fileId,
			RedirectAttributes redirect) {
		management.removeFile(member, id, fileId);
		redirect.addFlashAttribute("message", "studygroup.flash.file-removed");
		return "redirect:/groups/" + id + "#files";
	}

	@GetMapping("/groups/{id}/sessions/{sessionId}/attendance")
	String initAttendance(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long sessionId,
			Model model) {
		var page = management.page(member, id).filter(p -> p.access() == Access.MANAGER)
			.orElseThrow(() -> new GroupNotFoundException(id));
		GroupSession session = page.sessions().stream().filter(s -> s.getId() == sessionId).findFirst()
			.orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("page", page);
		model.addAttribute("groupSession", session);
		model.addAttribute("marks", session.attendanceByMember());
		return "studygroup/attendance";
	}

	@PostMapping("/groups/{id}/sessions/{sessionId}/attendance")
	String processAttendance(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long sessionId,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<Long, AttendanceStatus> marks = new LinkedHashMap<>();
		for (var entry : form.entrySet()) {
			if (entry.getKey().startsWith("mark-")) {
				long userRef = parseId(entry.getKey().substring(5));
				marks.put(userRef, entry.getValue().isBlank() ? null : parseStatus(entry.getValue()));
			}
		}
		management.recordAttendance(member, id, sessionId, marks);
		redirect.addFlashAttribute("message", "studygroup.flash.attendance-saved");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/join")
	String join(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
		management.join(member, id);
		redirect.addFlashAttribute("message", "studygroup.flash.joined");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/reflections")
	String reflect(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(required = false) Long sessionId, @RequestParam(defaultValue = "false") boolean finalReflection,
			@RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
		if (body.isBlank() || body.length() > MAX_TEXT) {
			redirect.addFlashAttribute("error", body.isBlank() ? "studygroup.reflection.empty" : "studygroup.reflection.too-long");
			return "redirect:/groups/" + id + "#reflect";
		}
		management.writeReflection(member, id, sessionId, finalReflection, body.strip());
		redirect.addFlashAttribute("message", "studygroup.flash.reflection-saved");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/reflections/{reflectionId}/replies")
	String reply(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long reflectionId,
			@RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
		if (body.isBlank() || body.length() > 5000) {
			redirect.addFlashAttribute("error", "studygroup.reflection.empty");
			return "redirect:/groups/" + id;
		}
		management.reply(member, id, reflectionId, body.strip());
		redirect.addFlashAttribute("message", "studygroup.flash.replied");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/members/{userRef}/complete")
	String completeByHand(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long userRef,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		if (reason.isBlank() || reason.length() > 1000) {
			redirect.addFlashAttribute("error", "studygroup.complete.reason-required");
			return "redirect:/groups/" + id;
		}
		management.completeByHand(member, id, userRef, reason.strip());
		redirect.addFlashAttribute("message", "studygroup.flash.completed");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/members/{userRef}/withdraw-completion")
	String withdrawCompletion(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long userRef,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		if (reason.isBlank() || reason.length() > 1000) {
			redirect.addFlashAttribute("error", "studygroup.withdraw.reason-required");
			return "redirect:/groups/" + id;
		}
		management.withdrawCompletion(member, id, userRef, reason.strip());
		redirect.addFlashAttribute("message", "studygroup.flash.withdrawn");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/archive")
	String archive(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
		management.archive(member, id);
		redirect.addFlashAttribute("message", "studygroup.flash.archived");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/copy")
	String copy(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String title,
			RedirectAttributes redirect) {
		StudyGroup original = management.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		String newTitle = title.isBlank() ? original.getTitle() + " (new cohort)" : title.strip();
		StudyGroup copy = management.copy(member, id, newTitle.length() > 200 ? newTitle.substring(0, 200) : newTitle);
		redirect.addFlashAttribute("message", "studygroup.flash.copied");
		return "redirect:/groups/" + copy.getId();
	}

	private static long parseId(String s) {
		try {
			return Long.parseLong(s);
		}
		catch (NumberFormatException e) {
			throw new BadGroupInputException("not a person: " + s);
		}
	}

	private static AttendanceStatus parseStatus(String s) {
		try {
			return AttendanceStatus.valueOf(s);
		}
		catch (IllegalArgumentException e) {
			throw new BadGroupInputException("not an attendance mark: " + s);
		}
	}

	/** A form value no page of ours sends. */
	static class BadGroupInputException extends RuntimeException {

		BadGroupInputException(String message) {
			super(message);
		}
	}

}
