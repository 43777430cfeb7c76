package org.coachroom.lti.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.coachroom.lti.RoleMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the LTI role URIs of a launch or roster into tool roles: the platform's own rules
 * where it has one for a role, the tool's {@link RoleMapping} otherwise, plus the
 * platform's optional custom parameter for roles an LMS cannot express.
 */
@Component
class RoleMapper {

	private static final Logger log = LoggerFactory.getLogger(RoleMapper.class);

	static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";

	static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

	private final RoleMapping mapping;

	RoleMapper(RoleMapping mapping) {
		this.mapping = mapping;
	}

	/** The tool roles of a launch's LTI roles. */
	Set<String> map(Platform platform, Collection<String> ltiRoles, Map<String, ?> custom) {
		Set<String> normalised = ltiRoles.stream().map(RoleMapper::normalise).collect(Collectors.toSet());
		Set<String> ignored = mapping.ignoredInLaunchBeside(normalised);
		return mapEach(platform, normalised.stream().filter(r -> !ignored.contains(r)).toList(), custom);
	}

	/**
	 * Whether the tool's mapping set aside some of a launch's LTI roles (a site
	 * administrator's Instructor): the course's roster then says what the person is in
	 * the course.
	 */
	boolean setsAsideInLaunch(Collection<String> ltiRoles) {
		return !mapping.ignoredInLaunchBeside(ltiRoles.stream().map(RoleMapper::normalise).collect(Collectors.toSet()))
			.isEmpty();
	}

	/**
	 * The tool roles of a roster member's LTI roles: a roster lists the course's enrolled
	 * people, so every role counts.
	 */
	Set<String> mapRoster(Platform platform, Collection<String> ltiRoles) {
		return mapEach(platform, ltiRoles, Map.of());
	}

	private Set<String> mapEach(Platform platform, Collection<String> ltiRoles, Map<String, ?> custom) {
		Map<String, Set<String>> overrides = platform.roleOverrides();
		Set<String> roles = new TreeSet<>();
		for (String raw : ltiRoles) {
			String role = normalise(raw);
			roles.addAll(overrides.containsKey(role) ? overrides.get(role) : mapping.byDefault(role));
		}
		String parameter = platform.getCustomRoleParameter();
		if (parameter != null && custom != null && custom.get(parameter) instanceof String value) {
			for (String part : value.split(",")) {
				mapping.grantableByParameter(part)
					.ifPresentOrElse(roles::add,
							() -> log.warn("Custom role parameter {}={} of platform {} names no role it may grant",
									parameter, part.trim(), platform.getIssuer()));
			}
		}
		if (roles.isEmpty()) {
			// Someone the LMS let in but whose roles we cannot read gets the narrowest
			// view.
			roles.add(mapping.fallback());
		}
		return roles;
	}

	/**
	 * LTI 1.3 wants full URIs; some platforms still send the short context role names.
	 */
	static String normalise(String role) {
		if (role == null) {
			return "";
		}
		String r = role.trim();
		return switch (r) {
			case "Learner", "Instructor", "Administrator", "ContentDeveloper", "Mentor", "Manager", "Member",
					"Officer" ->
				MEMBERSHIP + r;
			default -> r;
		};
	}

	static List<String> rolesOf(Object claim) {
		if (claim instanceof List<?> list) {
			return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
		}
		return List.of();
	}

}
