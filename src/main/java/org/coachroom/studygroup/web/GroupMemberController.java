package org.coachroom.studygroup.web;

import java.util.List;

import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.coachroom.lti.ServiceUnavailableException;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.RosterFromOtherCourseException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.completion.Completions;
import org.coachroom.studygroup.group.GroupAccess;
import org.coachroom.studygroup.membership.Membership;
import org.coachroom.studygroup.membership.GroupRosterImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A group's members: adding them, importing the course roster, joining an open group, and
 * completions by hand.
 */
@Controller
class GroupMemberController {

	private static final Logger log = LoggerFactory.getLogger(GroupMemberController.class);

	private final GroupAccess access;

	private final Completions completions;

	private final Membership membership;

	private final GroupRosterImports rosters;

	GroupMemberController(GroupAccess access, Completions completions, Membership membership,
			GroupRosterImports rosters) {
		this.access = access;
		this.completions = completions;
		this.membership = membership;
		this.rosters = rosters;
	}

	@GetMapping("/groups/{id}/members/add")
	String initAddMembers(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		StudyGroup group = access.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("group", group);
		model.addAttribute("candidates", membership.candidates(member, id));
		return "studygroup/members-add";
	}

	@PostMapping("/groups/{id}/members")
	String processAddMembers(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(name = "person", required = false) List<Long> people, RedirectAttributes redirect) {
		int added = people == null ? 0 : membership.addMembers(member, id, people);
		redirect.addFlashAttribute("message", "studygroup.flash.members-added");
		redirect.addFlashAttribute("count", added);
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/members/import")
	String importRoster(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean includeInstructors, RedirectAttributes redirect) {
		try {
			var result = rosters.importRoster(member, id, includeInstructors);
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

	@PostMapping("/groups/{id}/join")
	String join(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
		membership.join(member, id);
		redirect.addFlashAttribute("message", "studygroup.flash.joined");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/members/{userRef}/complete")
	String completeByHand(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long userRef,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "studygroup.complete.reason-required");
			return "redirect:/groups/" + id;
		}
		completions.completeByHand(member, id, userRef, form.reason().strip());
		redirect.addFlashAttribute("message", "studygroup.flash.completed");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/members/{userRef}/withdraw-completion")
	String withdrawCompletion(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long userRef,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "studygroup.withdraw.reason-required");
			return "redirect:/groups/" + id;
		}
		completions.withdrawCompletion(member, id, userRef, form.reason().strip());
		redirect.addFlashAttribute("message", "studygroup.flash.withdrawn");
		return "redirect:/groups/" + id;
	}

}
