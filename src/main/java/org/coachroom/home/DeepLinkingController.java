package org.coachroom.home;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.Member;
import org.coachroom.pd.CourseItems;
import org.coachroom.team.TeamWorkspaces;
import org.coachroom.studygroup.StudyGroupManagement;
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

/**
 * What a coach sees after "Select content" in the LMS: place Coachroom in the course as a link.
 * Later modules add their own content (a study group, a team workspace) to this picker.
 */
@Controller
class DeepLinkingController {

	private static final Logger log = LoggerFactory.getLogger(DeepLinkingController.class);

	private final DeepLinking deepLinking;

	private final StudyGroupManagement studyGroups;

	private final CourseItems pd;

	private final TeamWorkspaces teams;

	DeepLinkingController(DeepLinking deepLinking, StudyGroupManagement studyGroups, CourseItems pd, TeamWorkspaces teams) {
		this.deepLinking = deepLinking;
		this.studyGroups = studyGroups;
		this.pd = pd;
		this.teams = teams;
	}

	record PlacementForm(@NotBlank @Size(max = 255) String title) {
	}

	@GetMapping("/deep-linking")
	String initPlacement(@AuthenticationPrincipal Member member, Model model) {
		if (!member.launch().isDeepLinking()) {
			return "redirect:/home";
		}
		model.addAttribute("member", member);
		model.addAttribute("mayPlace", mayPlace(member));
		model.addAttribute("form", new PlacementForm("Coachroom"));
		model.addAttribute("groups", studyGroups.placeable(member));
		model.addAttribute("mayCreateGroup", studyGroups.canCreate(member));
		model.addAttribute("programs", pd.placeable(member));
		model.addAttribute("mayPlaceTeam", teams.mayPlace(member));
		return "home/deep-linking";
	}

	/** Places the course's team workspace: a link with a gradebook column for its closed cycles. */
	@PostMapping("/deep-linking/team")
	String placeTeam(@AuthenticationPrincipal Member member, Model model) {
		if (!member.launch().isDeepLinking()) {
			return "redirect:/home";
		}
		DeepLinking.ResourceLink item = teams.contentItem(member);
		DeepLinking.Response response = deepLinking.respond(member, List.of(item), null);
		model.addAttribute("action", response.returnUrl());
		model.addAttribute("fields", java.util.Map.of("JWT", response.jwt()));
		model.addAttribute("message", "Adding the team workspace to your course…");
		return "autopost";
	}

	/** Places a PD program, or one requirement of it: its own link, with its own gradebook column. */
	@PostMapping("/deep-linking/pd/{code}")
	String placeProgram(@AuthenticationPrincipal Member member, @PathVariable String code,
			@RequestParam(defaultValue = "") String requirement, Model model) {
		if (!member.launch().isDeepLinking()) {
			return "redirect:/home";
		}
		DeepLinking.ResourceLink item = pd.contentItem(member, code, requirement.isBlank() ? null : requirement);
		DeepLinking.Response response = deepLinking.respond(member, List.of(item), null);
		model.addAttribute("action", response.returnUrl());
		model.addAttribute("fields", java.util.Map.of("JWT", response.jwt()));
		model.addAttribute("message", "Adding the program to your course…");
		return "autopost";
	}

	/** Places one study group: its own link, with its own gradebook column. */
	@PostMapping("/deep-linking/study-groups/{id}")
	String placeStudyGroup(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		if (!member.launch().isDeepLinking()) {
			return "redirect:/home";
		}
		DeepLinking.ResourceLink item = studyGroups.contentItem(member, id);
		DeepLinking.Response response = deepLinking.respond(member, List.of(item), null);
		log.info("Deep linking: {} placed study group {} in {}", member.subject(), id,
				member.context() == null ? "(no course)" : member.context().contextId());
		model.addAttribute("action", response.returnUrl());
		model.addAttribute("fields", java.util.Map.of("JWT", response.jwt()));
		model.addAttribute("message", "Adding the study group to your course…");
		return "autopost";
	}

	@PostMapping("/deep-linking")
	String processPlacement(@AuthenticationPrincipal Member member, @Valid @ModelAttribute("form") PlacementForm form,
			BindingResult result, Model model) {
		if (!member.launch().isDeepLinking()) {
			return "redirect:/home";
		}
		model.addAttribute("member", member);
		model.addAttribute("mayPlace", mayPlace(member));
		model.addAttribute("groups", studyGroups.placeable(member));
		model.addAttribute("mayCreateGroup", studyGroups.canCreate(member));
		model.addAttribute("programs", pd.placeable(member));
		model.addAttribute("mayPlaceTeam", teams.mayPlace(member));
		if (!mayPlace(member) || result.hasErrors()) {
			return "home/deep-linking";
		}
		DeepLinking.Response response = deepLinking.respond(member,
				List.of(new DeepLinking.ResourceLink(form.title().trim(), null, null, null, null)), null);
		log.info("Deep linking: {} placed \"{}\" in {}", member.subject(), form.title().trim().replaceAll("[\\r\\n\\t]", "_"),
				member.context() == null ? "(no course)" : member.context().contextId());
		model.addAttribute("action", response.returnUrl());
		model.addAttribute("fields", java.util.Map.of("JWT", response.jwt()));
		model.addAttribute("message", "Adding Coachroom to your course…");
		return "autopost";
	}

	private static boolean mayPlace(Member member) {
		return member.hasRole(CoachroomRole.COACH) || member.hasRole(CoachroomRole.DISTRICT_ADMIN);
	}
}
