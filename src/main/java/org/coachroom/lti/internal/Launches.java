package org.coachroom.lti.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachroom.lti.CourseContext;
import org.coachroom.lti.LaunchDetails;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Turns a validated id_token into a signed-in browser: records who launched from where,
 * then a session.
 */
@Component
class Launches {

	private static final Logger log = LoggerFactory.getLogger(Launches.class);

	private final LoginStates loginStates;

	private final IdTokenValidator validator;

	private final LaunchRecords records;

	private final RoleMapper roleMapper;

	private final Sessions sessions;

	private final Clock clock;

	private final UrlTokens urlTokens;

	Launches(LoginStates loginStates, IdTokenValidator validator, LaunchRecords records, RoleMapper roleMapper,
			Sessions sessions, Clock clock, UrlTokens urlTokens) {
		this.urlTokens = urlTokens;
		this.loginStates = loginStates;
		this.validator = validator;
		this.records = records;
		this.roleMapper = roleMapper;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * @param sessionToken the session cookie's value; null when the session is
	 * cookie-less
	 * @param urlToken the first URL token of a cookie-less session; null otherwise
	 */
	record Completed(String sessionToken, String urlToken, LaunchDetails launch, Set<String> roles,
			Sessions.Signed signed) {

		boolean cookieless() {
			return urlToken != null;
		}
	}

	/** A launch whose browser sent back the cookie it got at login. */
	Completed complete(String idToken, String state, String browserId) {
		return complete(idToken, loginStates.pending(state, browserId), false);
	}

	/**
	 * A launch from a browser that refused the cookie, its state already checked against
	 * the binding it was issued with: opens a session carried by URL tokens.
	 */
	Completed completeWithoutCookie(String idToken, LoginStates.Pending pending) {
		return complete(idToken, pending, true);
	}

	private Completed complete(String idToken, LoginStates.Pending pending, boolean cookieless) {
		IdTokenValidator.ValidToken token;
		try {
			token = validator.validate(idToken, pending);
			// approval may have been withdrawn, or the login started before the cache saw
			// the platform
			LoginController.refuseIfPending(token.platform());
		}
		catch (RefusedException refused) {
			// A state that met a bad token is spent: it cannot be tried again with
			// another token.
			loginStates.burn(pending);
			throw refused;
		}
		if (!loginStates.consume(pending)) {
			throw new RefusedException(Refusal.NONCE_REPLAYED, "This launch was completed by another request first.");
		}
		JWTClaimsSet claims = token.claims();
		Map<String, String> custom = custom(claims);
		Set<String> roles = roleMapper.map(token.platform(), RoleMapper.rolesOf(claims.getClaim(LtiClaims.ROLES)),
				custom);
		LaunchDetails details = details(token, custom);
		SignedIn signed;
		Set<String> granted = new TreeSet<>(roles);
		try {
			signed = signIn(token, granted, details, cookieless);
		}
		catch (DataIntegrityViolationException gone) {
			// A row this node remembered was removed meanwhile (by another node): read
			// everything afresh once.
			records.forget();
			granted = new TreeSet<>(roles);
			signed = signIn(token, granted, details, cookieless);
		}
		String sessionToken = signed.token();
		roles = granted;
		log.info("Launch accepted: platform={} deployment={} sub={} type={} roles={} binding={}",
				token.platform().getIssuer(), Logs.safe(token.deployment().deploymentId()),
				Logs.safe(claims.getSubject()), details.messageType(), roles,
				cookieless ? pending.binding() + " (cookie-less session)" : "COOKIE");
		if (cookieless) {
			return new Completed(null, urlTokens.issue(sessionToken, pending.clientHash()), details, roles, null);
		}
		return new Completed(sessionToken, null, details, roles, signed.signed());
	}

	/**
	 * A session opened by a launch: its token, and the person as the session's rows now
	 * say.
	 */
	private record SignedIn(String token, Sessions.Signed signed) {
	}

	/**
	 * Records who launched from where, then opens their session; returns the session's
	 * token with the person signed in, as {@link Sessions#find} would read them back.
	 * {@code roles} gains what the course's roster gives a site administrator.
	 */
	private SignedIn signIn(IdTokenValidator.ValidToken token, Set<String> roles, LaunchDetails details,
			boolean cookieless) {
		JWTClaimsSet claims = token.claims();
		Instant now = clock.instant();
		long tenant = token.deployment().tenant().value();
		long userRef = records.user(tenant,
				new LaunchRecords.UserData(claims.getSubject(), IdTokenValidator.string(claims, "name"),
						IdTokenValidator.string(claims, "given_name"), IdTokenValidator.string(claims, "family_name"),
						IdTokenValidator.string(claims, "email"), details.locale()),
				now);
		Long contextRef = null;
		CourseContext course = null;
		Map<String, Object> context = IdTokenValidator.object(claims, LtiClaims.CONTEXT);
		if (context != null && context.get("id") instanceof String contextId && !contextId.isBlank()) {
			LaunchRecords.ContextData data = new LaunchRecords.ContextData(contextId, str(context.get("label")),
					str(context.get("title")), joined(context.get("type")));
			contextRef = records.context(tenant, data, now);
			course = LaunchRecords.asStored(contextRef, data);
		}
		if (contextRef != null && roleMapper.setsAsideInLaunch(RoleMapper.rolesOf(claims.getClaim(LtiClaims.ROLES)))) {
			// a site administrator enrolled in the course is what the roster says there
			roles.addAll(records.rosterRoles(contextRef, userRef));
		}
		if (contextRef != null) {
			records.membership(tenant, contextRef, userRef,
					String.join(" ", RoleMapper.rolesOf(claims.getClaim(LtiClaims.ROLES))), Sessions.encode(roles),
					now);
		}
		Long linkRef = null;
		Map<String, Object> link = IdTokenValidator.object(claims, LtiClaims.RESOURCE_LINK);
		if (link != null && link.get("id") instanceof String linkId) {
			linkRef = records.resourceLink(tenant, contextRef,
					new LaunchRecords.LinkData(linkId, str(link.get("title")), str(link.get("description"))), now);
		}
		Sessions.Opened opened = sessions
			.open(new Sessions.NewSession(tenant, userRef, contextRef, linkRef, roles, details, cookieless));
		Member member = new Member(token.deployment().tenant(), userRef, claims.getSubject(),
				LaunchRecords.asStoredName(IdTokenValidator.string(claims, "name")),
				LaunchRecords.asStoredEmail(IdTokenValidator.string(claims, "email")), roles, course,
				token.platform().getName(), details);
		return new SignedIn(opened.token(), new Sessions.Signed(member, opened.csrfToken()));
	}

	private static LaunchDetails details(IdTokenValidator.ValidToken token, Map<String, String> custom) {
		JWTClaimsSet claims = token.claims();
		Map<String, Object> link = IdTokenValidator.object(claims, LtiClaims.RESOURCE_LINK);
		Map<String, Object> ags = IdTokenValidator.object(claims, LtiClaims.AGS_ENDPOINT);
		Map<String, Object> nrps = IdTokenValidator.object(claims, LtiClaims.NRPS);
		Map<String, Object> dl = IdTokenValidator.object(claims, LtiClaims.DEEP_LINKING_SETTINGS);
		Map<String, Object> presentation = IdTokenValidator.object(claims, LtiClaims.LAUNCH_PRESENTATION);
		// LTI's launch language, else OpenID Connect's (Moodle sends only the first)
		String language = presentation == null ? null : str(presentation.get("locale"));
		List<String> scopes = new ArrayList<>();
		if (ags != null && ags.get("scope") instanceof List<?> list) {
			list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
		}
		return new LaunchDetails(token.platform().getIssuer(), token.platform().getClientId(),
				token.deployment().deploymentId(), IdTokenValidator.string(claims, LtiClaims.MESSAGE_TYPE),
				IdTokenValidator.string(claims, LtiClaims.TARGET_LINK_URI), link == null ? null : str(link.get("id")),
				link == null ? null : str(link.get("title")), ags == null ? null : str(ags.get("lineitems")),
				ags == null ? null : str(ags.get("lineitem")), scopes,
				nrps == null ? null : str(nrps.get("context_memberships_url")), custom,
				dl == null ? null : str(dl.get("deep_link_return_url")), dl == null ? null : str(dl.get("data")),
				presentation == null ? null : str(presentation.get("return_url")),
				language == null ? IdTokenValidator.string(claims, "locale") : language);
	}

	private static Map<String, String> custom(JWTClaimsSet claims) {
		Map<String, Object> custom = IdTokenValidator.object(claims, LtiClaims.CUSTOM);
		Map<String, String> values = new LinkedHashMap<>();
		if (custom != null) {
			custom.forEach((k, v) -> {
				if (v != null && values.size() < 100) {
					values.put(k, v.toString());
				}
			});
		}
		return values;
	}

	private static String str(Object o) {
		return o instanceof String s ? s : null;
	}

	private static String joined(Object o) {
		if (o instanceof List<?> list) {
			return String.join(" ", list.stream().map(String::valueOf).toList());
		}
		return str(o);
	}

}
