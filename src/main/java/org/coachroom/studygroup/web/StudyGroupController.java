package org.coachroom.studygroup.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.studygroup.files.FileSharing;
import org.coachroom.studygroup.group.GroupAccess;
import org.coachroom.studygroup.group.GroupEditing;
import org.coachroom.studygroup.group.GroupPages;
import org.coachroom.studygroup.placement.Placements;
import org.coachroom.studygroup.reflection.ReflectionWriting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
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
 * A study group itself: the list of groups, creating and editing one, its page, its
 * facilitators, archiving and copying.
 */
@Controller
class StudyGroupController {

	private static final Logger log = LoggerFactory.getLogger(StudyGroupController.class);

	private final GroupAccess access;

	private final GroupEditing editing;

	private final FileSharing files;

	private final GroupPages pages;

	private final Placements placements;

	private final ReflectionWriting reflections;

	private final Clock clock;

	StudyGroupController(GroupAccess access, GroupEditing editing, FileSharing files, GroupPages pages,
			Placements placements, ReflectionWriting reflections, Clock clock) {
		this.access = access;
		this.editing = editing;
		this.files = files;
		this.pages = pages;
		this.placements = placements;
		this.reflections = reflections;
		this.clock = clock;
	}

	@GetMapping("/groups")
	String list(@AuthenticationPrincipal Member member, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("overview", pages.overview(member));
		return "studygroup/list";
	}

	@GetMapping("/groups/new")
	String initCreate(@AuthenticationPrincipal Member member, Model model) {
		if (!access.canCreate(member)) {
			throw new GroupNotFoundException(0);
		}
		model.addAttribute("form", StudyGroupForm.blank());
		model.addAttribute("editing", false);
		return "studygroup/form";
	}

	@PostMapping("/groups")
	String processCreate(@AuthenticationPrincipal Member member, @Valid @ModelAttribute("form") StudyGroupForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (!access.canCreate(member)) {
			throw new GroupNotFoundException(0);
		}
		form.check(result);
		if (result.hasErrors()) {
			log.info("Study group form refused, fields {}",
					result.getFieldErrors().stream().map(e -> e.getField()).toList());
			model.addAttribute("editing", false);
			// the page comes back with its mistakes marked: a 400, nothing saved
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "studygroup/form";
		}
		var already = editing.createdByForm(member, form.token());
		if (already.isPresent()) {
			// the same form posted again (a double click, a resent request): the group it
			// made
			return "redirect:/groups/" + already.get().getId();
		}
		StudyGroup group;
		try {
			group = editing.create(member, form.details(), form.rule(), form.token());
		}
		catch (DuplicateKeyException twoAtOnce) {
			// both posts arrived together: the other one made it
			return "redirect:/groups/"
					+ editing.createdByForm(member, form.token()).orElseThrow(() -> twoAtOnce).getId();
		}
		redirect.addFlashAttribute("message", "studygroup.flash.created");
		if (member.launch() != null && member.launch().isDeepLinking()) {
			// created from the LMS's content selection: back to the picker, where it can
			// be placed
			return "redirect:/deep-linking";
		}
		return "redirect:/groups/" + group.getId();
	}

	@GetMapping("/groups/{id}")
	String show(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		var page = pages.page(member, id).orElseThrow(() -> new GroupNotFoundException(id));
		if (member.launch() != null
				&& Long.toString(id).equals(member.launch().custom().get(StudyGroupManagement.PLACEMENT_PARAMETER))) {
			placements.recordPlacement(member, page.group());
		}
		model.addAttribute("member", member);
		model.addAttribute("page", page);
		model.addAttribute("now", clock.instant());
		// reflections are headed by the session they are about
		Map<Long, Instant> sessionStarts = new HashMap<>();
		page.sessions().forEach(s -> sessionStarts.put(s.getId(), s.getStartsAt()));
		model.addAttribute("sessionStarts", sessionStarts);
		model.addAttribute("files", page.access().atLeast(Access.MEMBER) ? files.files(member, id) : List.of());
		model.addAttribute("maxFileMegabytes", files.maxFileBytes() / (1024 * 1024));
		if (page.access() == Access.MANAGER) {
			model.addAttribute("possibleFacilitators", editing.possibleFacilitators(member, id));
			model.addAttribute("reflections", reflections.reflectionsFor(member, id));
			Map<Long, String> names = new LinkedHashMap<>();
			page.members()
				.forEach(r -> names.put(r.membership().getUserRef(),
						r.person() == null ? "?" : r.person().displayName()));
			model.addAttribute("names", names);
		}
		return "studygroup/group";
	}

	@GetMapping("/groups/{id}/edit")
	String initEdit(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		StudyGroup group = access.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("form", StudyGroupForm.of(group));
		model.addAttribute("group", group);
		model.addAttribute("editing", true);
		return "studygroup/form";
	}

	@PostMapping("/groups/{id}/edit")
	String processEdit(@AuthenticationPrincipal Member member, @PathVariable long id,
			@Valid @ModelAttribute("form") StudyGroupForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		StudyGroup group = access.visible(member, id, Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		form.check(result);
		if (result.hasErrors()) {
			model.addAttribute("group", group);
			model.addAttribute("editing", true);
			// the page comes back with its mistakes marked: a 400, nothing saved
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "studygroup/form";
		}
		editing.revise(member, id, form.details());
		editing.changeRule(member, id, form.rule());
		redirect.addFlashAttribute("message", "studygroup.flash.saved");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/facilitators")
	String addFacilitator(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam long person,
			RedirectAttributes redirect) {
		editing.addFacilitator(member, id, person);
		redirect.addFlashAttribute("message", "studygroup.flash.facilitator-added");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/facilitators/{userRef}/remove")
	String removeFacilitator(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long userRef,
			RedirectAttributes redirect) {
		editing.removeFacilitator(member, id, userRef);
		redirect.addFlashAttribute("message", "studygroup.flash.facilitator-removed");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/archive")
	String archive(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
		editing.archive(member, id);
		redirect.addFlashAttribute("message", "studygroup.flash.archived");
		redirect.addFlashAttribute("undoArchive", true);
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/restore")
	String restore(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
		editing.restore(member, id);
		redirect.addFlashAttribute("message", "studygroup.flash.restored");
		return "redirect:/groups/" + id;
	}

	@PostMapping("/groups/{id}/copy")
	String copy(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(defaultValue = "") String title, RedirectAttributes redirect) {
		StudyGroup original = access.visible(member, id, Access.MANAGER)
			.orElseThrow(() -> new GroupNotFoundException(id));
		String newTitle = title.isBlank() ? original.getTitle() + " (new cohort)" : title.strip();
		StudyGroup copy = editing.copy(member, id, newTitle.length() > 200 ? newTitle.substring(0, 200) : newTitle);
		redirect.addFlashAttribute("message", "studygroup.flash.copied");
		return "redirect:/groups/" + copy.getId();
	}

}
