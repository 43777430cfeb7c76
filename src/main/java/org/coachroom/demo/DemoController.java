package org.coachroom.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The demo LMS's pages: a launch button's login initiation, the OIDC authorization
 * endpoint that answers with a signed id_token, and its public keys. Coachroom's side of
 * the launch is the real one.
 */
@Controller
@ConditionalOnProperty(name = "coachroom.demo.enabled", havingValue = "true")
class DemoController {

	private static final Logger log = LoggerFactory.getLogger(DemoController.class);

	private final DemoPlatform platform;

	private final DemoServices services;

	DemoController(DemoPlatform platform, DemoServices services) {
		this.services = services;
		this.platform = platform;
	}

	/**
	 * What the LMS page does when someone clicks the tool: post the login initiation to
	 * Coachroom.
	 */
	@GetMapping("/demo/launch/{persona}")
	ModelAndView launch(@PathVariable String persona) {
		DemoPersona who = DemoPersona.bySlug(persona).orElse(null);
		if (who == null || !platform.started()) {
			return refused(HttpStatus.NOT_FOUND, "There is no demo person called \"" + clip(persona) + "\".");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("iss", DemoPlatform.ISSUER);
		fields.put("target_link_uri", platform.baseUrl() + "/lti/launch");
		fields.put("login_hint", who.subject());
		fields.put("lti_message_hint", "demo:" + who.slug());
		fields.put("client_id", DemoPlatform.CLIENT_ID);
		fields.put("lti_deployment_id", DemoPlatform.DEPLOYMENT_ID);
		return post(platform.baseUrl() + "/lti/login", fields, "Opening Coachroom as " + who.fullName() + "…");
	}

	/**
	 * The demo LMS's OIDC authorization endpoint: checks the request like a platform
	 * would.
	 */
	@GetMapping("/demo/platform/auth")
	ModelAndView authorize(@RequestParam Map<String, String> params) {
		String redirectUri = params.get("redirect_uri");
		Set<String> registered = Set.of(platform.baseUrl() + "/lti/launch", platform.baseUrl() + "/lti/deeplink");
		if (!platform.started()) {
			return refused(HttpStatus.NOT_FOUND, "The demo platform is not running.");
		}
		if (!"openid".equals(params.get("scope")) || !"id_token".equals(params.get("response_type"))
				|| !"form_post".equals(params.get("response_mode"))) {
			return refused(HttpStatus.BAD_REQUEST, "The authorization request must ask for scope openid, "
					+ "response_type id_token and response_mode form_post.");
		}
		if (!DemoPlatform.CLIENT_ID.equals(params.get("client_id")) || redirectUri == null
				|| !registered.contains(redirectUri)) {
			return refused(HttpStatus.BAD_REQUEST, "Unknown client_id or redirect_uri.");
		}
		String nonce = params.get("nonce");
		String state = params.get("state");
		if (nonce == null || nonce.isBlank() || state == null || state.isBlank()) {
			return refused(HttpStatus.BAD_REQUEST, "The authorization request has no nonce or no state.");
		}
		DemoPersona who = DemoPersona.bySubject(params.getOrDefault("login_hint", "")).orElse(null);
		if (who == null) {
			return refused(HttpStatus.BAD_REQUEST, "The login_hint names nobody in the demo district.");
		}
		// the demo LMS speaks the language of the page its launch buttons are on
		String idToken = platform.idToken(who, nonce, platform.baseUrl() + "/lti/launch",
				LocaleContextHolder.getLocale().toLanguageTag());
		return post(redirectUri, Map.of("id_token", idToken, "state", state), "Signing in as " + who.fullName() + "…");
	}

	/**
	 * The demo LMS's token endpoint (client credentials with a private_key_jwt
	 * assertion).
	 */
	@PostMapping(path = "/demo/platform/token", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> token(@RequestParam Map<String, String> params) {
		if (!platform.started()) {
			return ResponseEntity.notFound().build();
		}
		String token = "client_credentials".equals(params.get("grant_type"))
				? services.grant(params.get("client_assertion")) : null;
		if (token == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid_client"));
		}
		return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600, "scope",
				params.getOrDefault("scope", "")));
	}

	/**
	 * The demo course's roster (NRPS), ten members a page, with Link rel="next" as Moodle
	 * sends it.
	 */
	@GetMapping(path = "/demo/platform/memberships")
	ResponseEntity<Map<String, Object>> memberships(
			@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestParam(defaultValue = "0") int from) {
		String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
		if (!platform.started() || !services.valid(token)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("status", 401, "reason", "Unauthorized"));
		}
		List<DemoServices.RosterMember> roster = services.roster();
		int start = Math.max(0, Math.min(from, roster.size()));
		int end = Math.min(roster.size(), start + 10);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", platform.baseUrl() + "/demo/platform/memberships");
		body.put("context", Map.of("id", "demo-lincoln-coaching", "label", "LES-COACH", "title",
				"Lincoln Elementary Coaching Hub"));
		body.put("members", roster.subList(start, end).stream().map(DemoServices.RosterMember::json).toList());
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.contentType(MediaType
				.parseMediaType("application/vnd.ims.lti-nrps.v2.membershipcontainer+json; charset=utf-8"));
		if (end < roster.size()) {
			answer.header("Link",
					"<" + platform.baseUrl() + "/demo/platform/memberships?from=" + end + ">; rel=\"next\"");
		}
		return answer.body(body);
	}

	@GetMapping(path = "/demo/platform/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> jwks() {
		if (!platform.started()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(platform.publicKeys().toJSONObject(true));
	}

	private static ModelAndView post(String action, Map<String, String> fields, String message) {
		ModelAndView page = new ModelAndView("autopost");
		page.addObject("action", action);
		page.addObject("fields", fields);
		page.addObject("message", message);
		return page;
	}

	private static ModelAndView refused(HttpStatus status, String reason) {
		log.warn("Demo platform refused a request: {}", reason);
		ModelAndView page = new ModelAndView("demo/refused");
		page.setStatus(status);
		page.addObject("reason", reason);
		return page;
	}

	private static String clip(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

}
