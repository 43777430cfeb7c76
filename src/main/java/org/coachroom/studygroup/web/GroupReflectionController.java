package org.coachroom.studygroup.web;

import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.coachroom.shared.web.FormErrors;
import org.coachroom.studygroup.reflection.ReflectionWriting;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Members' reflections and facilitators' replies. */
@Controller
class GroupReflectionController {

	private final ReflectionWriting reflections;

	GroupReflectionController(ReflectionWriting reflections) {
		this.reflections = reflections;
	}

	@PostMapping("/groups/{id}/reflections")
	String reflect(@AuthenticationPrincipal Member member, @PathVariable long id,
			@Valid @ModelAttribute ReflectionForm form, BindingResult result, RedirectAttributes redirect) {
		if (FormErrors.unreadable(result, "sessionId", "finalReflection")) {
			throw new BadGroupInputException("not a session or yes/no");
		}
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", FormErrors.firstKey(result, "studygroup.reflection.empty"));
			return "redirect:/groups/" + id + "#reflect";
		}
		reflections.writeReflection(member, id, form.sessionId(), form.isFinal(), form.body().strip());
		redirect.addFlashAttribute("message", "studygroup.flash.reflection-saved");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/reflections/{reflectionId}/replies")
	String reply(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long reflectionId,
			@Valid @ModelAttribute ReplyForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", FormErrors.firstKey(result, "studygroup.reflection.empty"));
			return "redirect:/groups/" + id;
		}
		reflections.reply(member, id, reflectionId, form.body().strip());
		redirect.addFlashAttribute("message", "studygroup.flash.replied");
		return "redirect:/groups/" + id;
	}

}
