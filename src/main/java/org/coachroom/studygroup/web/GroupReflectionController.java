package org.coachroom.studygroup.web;

import org.coachroom.lti.Member;
import org.coachroom.studygroup.reflection.ReflectionWriting;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Members' reflections and facilitators' replies. */
@Controller
class GroupReflectionController {

	private static final int MAX_TEXT = 10_000;

	private final ReflectionWriting reflections;

	GroupReflectionController(ReflectionWriting reflections) {
		this.reflections = reflections;
	}

	@PostMapping("/groups/{id}/reflections")
	String reflect(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(required = false) Long sessionId, @RequestParam(defaultValue = "false") boolean finalReflection,
			@RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
		if (body.isBlank() || body.length() > MAX_TEXT) {
			redirect.addFlashAttribute("error", body.isBlank() ? "studygroup.reflection.empty" : "studygroup.reflection.too-long");
			return "redirect:/groups/" + id + "#reflect";
		}
		reflections.writeReflection(member, id, sessionId, finalReflection, body.strip());
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
		reflections.reply(member, id, reflectionId, body.strip());
		redirect.addFlashAttribute("message", "studygroup.flash.replied");
		return "redirect:/groups/" + id;
	}
}
