package org.coachroom.pd.catalog;

import org.coachroom.lti.Member;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A district admin's list of the district's schools (shown on the catalog page): added,
 * archived, restored.
 */
@Controller
class SchoolsController {

	private static final Logger log = LoggerFactory.getLogger(SchoolsController.class);

	private final Schools schools;

	SchoolsController(Schools schools) {
		this.schools = schools;
	}

	@PostMapping("/pd/schools")
	String addSchool(@AuthenticationPrincipal Member member, @ModelAttribute SchoolEntryForm form, BindingResult unread,
			RedirectAttributes redirect) {
		try {
			schools.add(member, form.name(), unread.hasFieldErrors("level") ? null : form.level());
		}
		catch (RecordingRefusedException e) {
			log.info("School refused: {}", e.getMessage());
			redirect.addFlashAttribute("schoolError", e.getMessage());
			return "redirect:/pd/catalog#schools";
		}
		redirect.addFlashAttribute("message", "pd.flash.school-added");
		return "redirect:/pd/catalog#schools";
	}

	@PostMapping("/pd/schools/{id}/archive")
	String archiveSchool(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
		schools.archive(member, id, archived);
		redirect.addFlashAttribute("message", archived ? "pd.flash.school-archived" : "pd.flash.school-restored");
		return "redirect:/pd/catalog#schools";
	}

}
