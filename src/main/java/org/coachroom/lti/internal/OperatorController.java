package org.coachroom.lti.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's page ({@code /lti/operator}): approve or refuse the platforms waiting
 * after open registration, and issue registration URLs for new districts.
 * <p>
 * The operator, not a district admin, decides: open registration is the operator's
 * choice, and a pending LMS belongs to no district yet, so no district's admin may let it
 * in (they are tenants, and must not act on one another). Coachroom has no sign-in
 * besides LTI launches, so the operator proves who they are with a secret only they hold
 * ({@code coachroom.lti.operator-token}, at least 32 characters), sent with every form.
 * No session and no CSRF token: a forged form lacks the secret.
 */
@Controller
class OperatorController {

	private static final Logger log = LoggerFactory.getLogger(OperatorController.class);

	static final int MIN_TOKEN_LENGTH = 32;

	private final PlatformRegistryService registry;

	private final RegistrationInvites invites;

	private final ToolUrls urls;

	private final byte[] tokenHash;

	OperatorController(PlatformRegistryService registry, RegistrationInvites invites, ToolUrls urls,
			LtiProperties properties) {
		this.registry = registry;
		this.invites = invites;
		this.urls = urls;
		String token = properties.operatorToken();
		if (token != null && token.length() < MIN_TOKEN_LENGTH) {
			log.warn("coachroom.lti.operator-token is shorter than {} characters: the operator page stays closed",
					MIN_TOKEN_LENGTH);
			token = null;
		}
		if (token == null && properties.openRegistration()) {
			log.warn("Open registration is on but coachroom.lti.operator-token is not set: pending registrations "
					+ "cannot be approved");
		}
		this.tokenHash = token == null ? null : sha256(token);
	}

	@GetMapping("/lti/operator")
	String initForm(Model model, HttpServletResponse response) {
		return closedOr(model, response, "ask");
	}

	@PostMapping("/lti/operator")
	String processForm(@RequestParam(required = false) String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!admitted(token, request, response)) {
			return closedOr(model, response, "ask");
		}
		return overview(token, model);
	}

	@PostMapping("/lti/operator/approve")
	String approve(@RequestParam(required = false) String token, @RequestParam long platform, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!admitted(token, request, response)) {
			return closedOr(model, response, "ask");
		}
		model.addAttribute("message", registry.approve(platform) ? "approved" : "gone");
		return overview(token, model);
	}

	@PostMapping("/lti/operator/refuse")
	String refuse(@RequestParam(required = false) String token, @RequestParam long platform, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!admitted(token, request, response)) {
			return closedOr(model, response, "ask");
		}
		model.addAttribute("message", registry.refuse(platform) ? "refused" : "gone");
		return overview(token, model);
	}

	@PostMapping("/lti/operator/invite")
	String invite(@RequestParam(required = false) String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!admitted(token, request, response)) {
			return closedOr(model, response, "ask");
		}
		RegistrationInvites.Issued issued = invites.issue(null, "the operator");
		log.info("Registration URL issued by the operator, valid until {}", issued.expiresAt());
		model.addAttribute("issuedUrl", RegistrationAdminController.registrationUrl(urls, request, issued));
		return overview(token, model);
	}

	private String overview(String token, Model model) {
		model.addAttribute("view", "overview");
		model.addAttribute("token", token);
		model.addAttribute("pending", registry.pending());
		return "lti/operator";
	}

	private String closedOr(Model model, HttpServletResponse response, String view) {
		if (tokenHash == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("view", "closed");
		}
		else {
			model.addAttribute("view", view);
		}
		return "lti/operator";
	}

	private boolean admitted(String token, HttpServletRequest request, HttpServletResponse response) {
		if (tokenHash == null) {
			return false;
		}
		// Compared as hashes in constant time: the answer's timing tells nothing of the
		// secret.
		if (token != null && token.length() <= 1000 && MessageDigest.isEqual(tokenHash, sha256(token.trim()))) {
			return true;
		}
		log.warn("Wrong operator token on {} from {}", request.getRequestURI(), request.getRemoteAddr());
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return false;
	}

	private static byte[] sha256(String s) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
