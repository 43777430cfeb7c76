package org.coachroom.studygroup.web;

import org.coachroom.shared.calendar.CalendarEvent;
import org.coachroom.shared.calendar.ICalendars;
import org.coachroom.studygroup.StudyGroupCalendar;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import java.util.List;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Member;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.group.GroupAccess;
import org.coachroom.studygroup.group.GroupPages;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.studygroup.session.SessionPlanning;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A group's sessions and the attendance taken at each. */
@Controller
class GroupSessionController {

	/** The button that marks everyone not yet marked as present. */
	static final String ALL_PRESENT = "all-present";

	private final GroupAccess access;

	private final GroupPages pages;

	private final SessionPlanning sessions;

	private final ZoneId zone;

	private final Clock clock;

	GroupSessionController(GroupAccess access, GroupPages pages, SessionPlanning sessions,
			StudyGroupWebSettings settings, Clock clock) {
		this.access = access;
		this.pages = pages;
		this.sessions = sessions;
		this.zone = settings.zone();
		this.clock = clock;
	}

	@GetMapping("/groups/{id}/sessions/new")
	String initSession(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		StudyGroup group = access.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("group", group);
		model.addAttribute("form", SessionForm.blank(LocalDate.now(clock.withZone(zone)).plusDays(7)));
		return "studygroup/session-form";
	}

	@PostMapping("/groups/{id}/sessions")
	String processSession(@AuthenticationPrincipal Member member, @PathVariable long id,
			@Valid @ModelAttribute("form") SessionForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		StudyGroup group = access.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		form.check(result);
		if (result.hasErrors()) {
			model.addAttribute("group", group);
			// the page comes back with its mistakes marked: a 400, nothing saved
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "studygroup/session-form";
		}
		sessions.planSession(member, id, form.plan(zone));
		redirect.addFlashAttribute("message", "studygroup.flash.session-planned");
		return "redirect:/groups/" + id;
	}

	/**
	 * One session as an iCalendar file, for a member or a facilitator to add to their own
	 * calendar; the same event (same UID) their calendar feed carries.
	 */
	@GetMapping("/groups/{id}/sessions/{sessionId}.ics")
	ResponseEntity<byte[]> sessionCalendar(@AuthenticationPrincipal Member member, @PathVariable long id,
			@PathVariable long sessionId) {
		StudyGroup group = access.visible(member, id, Access.MEMBER).orElseThrow(() -> new GroupNotFoundException(id));
		GroupSession session = sessions.session(member, id, sessionId, Access.MEMBER)
			.filter(s -> !s.isCancelled())
			.orElseThrow(() -> new GroupNotFoundException(id));
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		CalendarEvent event = CalendarEvent.at(StudyGroupCalendar.uid(sessionId), group.getTitle(),
				session.getStartsAt(), session.getEndsAt(),
				StudyGroupCalendar.where(session.getLocation(), session.getMeetingUrl()), base + "/groups/" + id,
				session.getAgenda());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(ICalendars.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("study-group-session-" + sessionId + ".ics")
						.build()
						.toString())
			.body(ICalendars.write(group.getTitle(), List.of(event), clock.instant()));
	}

	@GetMapping("/groups/{id}/sessions/{sessionId}/edit")
	String initEditSession(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long sessionId,
			Model model) {
		StudyGroup group = access.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		GroupSession session = sessions.session(member, id, sessionId, Access.MANAGER)
			.orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("group", group);
		model.addAttribute("sessionId", sessionId);
		model.addAttribute("form", SessionForm.of(session, zone));
		return "studygroup/session-form";
	}

	@PostMapping("/groups/{id}/sessions/{sessionId}/edit")
	String processEditSession(@AuthenticationPrincipal Member member, @PathVariable long id,
			@PathVariable long sessionId, @Valid @ModelAttribute("form") SessionForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		StudyGroup group = access.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		form.check(result);
		if (result.hasErrors()) {
			model.addAttribute("group", group);
			model.addAttribute("sessionId", sessionId);
			// the page comes back with its mistakes marked: a 400, nothing saved
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "studygroup/session-form";
		}
		sessions.replanSession(member, id, sessionId, form.plan(zone));
		redirect.addFlashAttribute("message", "studygroup.flash.session-saved");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/sessions/{sessionId}/cancel")
	String cancelSession(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long sessionId,
			@RequestParam(defaultValue = "true") boolean cancelled, RedirectAttributes redirect) {
		sessions.cancelSession(member, id, sessionId, cancelled);
		redirect.addFlashAttribute("message",
				cancelled ? "studygroup.flash.session-cancelled" : "studygroup.flash.session-reinstated");
		return "redirect:/groups/" + id;
	}

	@GetMapping("/groups/{id}/sessions/{sessionId}/attendance")
	String initAttendance(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long sessionId,
			Model model) {
		return attendancePage(member, id, sessionId, model);
	}

	@PostMapping("/groups/{id}/sessions/{sessionId}/attendance")
	String processAttendance(@AuthenticationPrincipal Member member, @PathVariable long id,
			@PathVariable long sessionId, @RequestParam Map<String, String> fields, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		BindingResult result = new MapBindingResult(fields, "attendance");
		AttendanceForm form = AttendanceForm.of(fields, result);
		if (result.hasErrors()) {
			// the page comes back with its mistakes named: a 400, nothing saved
			Map<String, String> refused = new LinkedHashMap<>();
			result.getFieldErrors().forEach(e -> refused.putIfAbsent(e.getField(), e.getCode()));
			model.addAttribute("refused", refused);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return attendancePage(member, id, sessionId, model);
		}
		// "mark all present": everyone left without a mark is present, in the same post
		sessions.recordAttendance(member, id, sessionId, form.marks(), fields.containsKey(ALL_PRESENT));
		redirect.addFlashAttribute("message", "studygroup.flash.attendance-saved");
		return "redirect:/groups/" + id;
	}

	private String attendancePage(Member member, long id, long sessionId, Model model) {
		var page = pages.page(member, id)
			.filter(p -> p.access() == Access.MANAGER)
			.orElseThrow(() -> new GroupNotFoundException(id));
		GroupSession session = page.sessions()
			.stream()
			.filter(s -> s.getId() == sessionId)
			.findFirst()
			.orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("page", page);
		model.addAttribute("groupSession", session);
		model.addAttribute("marks", session.attendanceByMember());
		model.addAttribute("started", session.isOverAt(clock.instant()));
		return "studygroup/attendance";
	}

}
