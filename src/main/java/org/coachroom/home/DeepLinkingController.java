package org.coachroom.home;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.Member;
import org.coachroom.lti.PlaceableContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a coach sees after "Select content" in the LMS: place Coachroom in the course as a
 * link. Each module adds its own content (a study group, a PD program, a team workspace)
 * to this picker through {@link PlaceableContent}; this controller knows none of them.
 */
@Controller
class DeepLinkingController {

	private static final Logger log = LoggerFactory.getLogger(DeepLinkingController.class);

	private final DeepLinking deepLinking;

	private final List<PlaceableContent> contents;

	DeepLinkingController(DeepLinking deepLinking, List<PlaceableContent> contents) {
		this.deepLinking = deepLinking;
		this.contents = contents;
	}

	record PlacementForm(@NotBlank @Size(max = 255) String title) {
	}

	@GetMapping("/deep-linking")
	String initPlacement(@AuthenticationPrincipal Member member, Model model) {
		if (!member.launch().isDeepLinking()) {
			return "redirect:/home";
		}
		model.addAttribute("form", new PlacementForm("Coachroom"));
		picker(member, model);
		return "home/deep-linking";
	}

	/**
	 * Places what a module offers ({@code study-groups/{id}}, {@code pd/{code}},
	 * {@code team}): its own link, with its own gradebook column, as the module's
	 * {@link PlaceableContent} makes it.
	 */
	@PostMapping({ "/deep-linking/{kind:[a-z-]+}", "/deep-linking/{kind:[a-z-]+}/{id}" })
	String placeContent(@AuthenticationPrincipal Member member, @PathVariable String kind,
			@PathVariable(required = false) String id, @Valid @ModelAttribute("choice") PlaceableContent.Choice choice,
			BindingResult result, Model model, HttpServletResponse response) {
		PlaceableContent content = contents.stream()
			.filter(c -> c.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!member.launch().isDeepLinking()) {
			return "redirect:/home";
		}
		if (result.hasErrors()) {
			// only a hand-made post chooses what no section offers: the picker again, a
			// 400
			log.info("Deep linking: {} refused for {}", kind,
					result.getFieldErrors().stream().map(e -> e.getField()).toList());
			model.addAttribute("form", new PlacementForm("Coachroom"));
			model.addAttribute("choiceRefused", true);
			picker(member, model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "home/deep-linking";
		}
		DeepLinking.ResourceLink item = content.place(member, id, choice);
		log.info("Deep linking: {} placed {} {} in {}", member.subject(), kind,
				id == null ? "" : id.replaceAll("[\\r\\n\\t]", "_"),
				member.context() == null ? "(no course)" : member.context().contextId());
		return autopost(member, item, content.placingMessage(), model);
	}

	@PostMapping("/deep-linking")
	String processPlacement(@AuthenticationPrincipal Member member, @Valid @ModelAttribute("form") PlacementForm form,
			BindingResult result, Model model) {
		if (!member.launch().isDeepLinking()) {
			return "redirect:/home";
		}
		picker(member, model);
		if (!mayPlace(member) || result.hasErrors()) {
			return "home/deep-linking";
		}
		log.info("Deep linking: {} placed \"{}\" in {}", member.subject(),
				form.title().trim().replaceAll("[\\r\\n\\t]", "_"),
				member.context() == null ? "(no course)" : member.context().contextId());
		return autopost(member, new DeepLinking.ResourceLink(form.title().trim(), null, null, null, null),
				"Adding Coachroom to your course…", model);
	}

	/** The picker: each module's section, in their order, and Coachroom itself. */
	private void picker(Member member, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("mayPlace", mayPlace(member));
		model.addAttribute("sections", contents.stream().flatMap(c -> c.sectionFor(member).stream()).toList());
	}

	/**
	 * The one way back to the LMS: a page that posts the signed response to the platform.
	 */
	private String autopost(Member member, DeepLinking.ResourceLink item, String message, Model model) {
		DeepLinking.Response response = deepLinking.respond(member, List.of(item), null);
		model.addAttribute("action", response.returnUrl());
		model.addAttribute("fields", Map.of("JWT", response.jwt()));
		model.addAttribute("message", message);
		return "autopost";
	}

	private static boolean mayPlace(Member member) {
		return member.hasRole(CoachroomRole.COACH) || member.hasRole(CoachroomRole.DISTRICT_ADMIN);
	}

}
