package org.coachroom.lti.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The URL an LMS admin pastes into "Register a tool" (Moodle) or opens from the
 * platform's registration page. Registers, then shows what happened and posts
 * {@code org.imsglobal.lti.close}.
 */
@Controller
class RegistrationController {

	private final DynamicRegistration registration;

	RegistrationController(DynamicRegistration registration) {
		this.registration = registration;
	}

	@GetMapping("/lti/register")
	String register(@RequestParam(name = "openid_configuration", required = false) String openidConfiguration,
			@RequestParam(name = "registration_token", required = false) String registrationToken,
			@RequestParam(required = false) String invite, @RequestParam(required = false) String again,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		// The LMS shows this page in its own frame before it is registered:
		// FrameAncestors allows its origin.
		var outcome = registration.register(openidConfiguration, registrationToken, invite, "yes".equals(again),
				request);
		if (outcome instanceof DynamicRegistration.AlreadyRegistered already) {
			model.addAttribute("already", already);
			model.addAttribute("openidConfiguration", openidConfiguration);
			model.addAttribute("registrationToken", registrationToken);
			model.addAttribute("invite", invite);
			return "lti/already-registered";
		}
		model.addAttribute("result", outcome);
		return "lti/registered";
	}

}
