package org.coachroom.lti.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.coachroom.lti.RoleMapping;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * A district admin's registration URLs: one they issue lets one more LMS (a school's
 * Moodle, a moved or re-installed one) register with Coachroom, active at once. It
 * becomes a platform with its own tenant, as every registration does: a tenant is one
 * deployment and people are known by the LMS's user id within it, so two LMSs in one
 * tenant would mix up their people. The invitation records which district let it in.
 */
@Controller
class RegistrationAdminController {

	private static final Logger log = LoggerFactory.getLogger(RegistrationAdminController.class);

	private final RegistrationInvites invites;

	private final ToolUrls urls;

	private final Clock clock;

	private final LtiProperties properties;

	private final RoleMapping roleMapping;

	RegistrationAdminController(RegistrationInvites invites, ToolUrls urls, Clock clock, LtiProperties properties,
			RoleMapping roleMapping) {
		this.roleMapping = roleMapping;
		this.invites = invites;
		this.urls = urls;
		this.clock = clock;
		this.properties = properties;
	}

	@GetMapping("/lti/registrations")
	String list(@AuthenticationPrincipal Member member, Model model) {
		requireAdmin(member);
		return page(member, model);
	}

	/**
	 * Answers with the page itself, not a redirect: the URL is shown this once and stored
	 * nowhere.
	 */
	@PostMapping("/lti/registrations/invite")
	String issue(@AuthenticationPrincipal Member member, HttpServletRequest request, Model model) {
		requireAdmin(member);
		RegistrationInvites.Issued issued = invites.issue(member.tenant(), member.displayName());
		log.info("Registration URL issued by {} of tenant {}, valid until {}", Logs.safe(member.subject()),
				member.tenant().value(), issued.expiresAt());
		model.addAttribute("issuedUrl", registrationUrl(urls, request, issued));
		return page(member, model);
	}

	static String registrationUrl(ToolUrls urls, HttpServletRequest request, RegistrationInvites.Issued issued) {
		return urls.base(request) + "/lti/register?invite=" + issued.token();
	}

	private String page(Member member, Model model) {
		model.addAttribute("invites", invites.issuedBy(member.tenant()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("days", properties.registrationInviteTtl().toDays());
		return "lti/registrations";
	}

	private void requireAdmin(Member member) {
		if (!member.roles().contains(roleMapping.registrationAdministrator())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
