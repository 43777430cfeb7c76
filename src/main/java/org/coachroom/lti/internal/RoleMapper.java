package org.coachroom.lti.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

	Set<String> map(Platform platform, Collection<String> ltiRoles, Map<String, ?> custom) {
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
