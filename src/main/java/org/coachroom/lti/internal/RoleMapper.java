package org.coachroom.lti.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachroom.lti.CoachroomRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Maps the LTI role URIs of a launch to Coachroom roles: sensible defaults, overridden
 * per platform, plus an optional custom parameter for what an LMS cannot express
 * (Principal, HR).
 */
@Component
class RoleMapper {

	private static final Logger log = LoggerFactory.getLogger(RoleMapper.class);

	static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";

	static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

	static final Map<String, Set<CoachroomRole>> DEFAULTS = Map.of(MEMBERSHIP + "Learner",
			Set.of(CoachroomRole.TEACHER), MEMBERSHIP + "Instructor", Set.of(CoachroomRole.COACH),
			INSTITUTION + "Administrator", Set.of(CoachroomRole.DISTRICT_ADMIN));

	/** What the custom parameter may add: the roles an LMS has no words for. */
	static final Set<CoachroomRole> GRANTABLE_BY_PARAMETER = EnumSet.of(CoachroomRole.PRINCIPAL, CoachroomRole.HR);

	Set<CoachroomRole> map(Platform platform, Collection<String> ltiRoles, Map<String, ?> custom) {
		Map<String, Set<CoachroomRole>> overrides = platform.roleOverrides();
		EnumSet<CoachroomRole> roles = EnumSet.noneOf(CoachroomRole.class);
		for (String raw : ltiRoles) {
			String role = normalise(raw);
			Set<CoachroomRole> mapped = overrides.containsKey(role) ? overrides.get(role) : DEFAULTS.get(role);
			if (mapped != null) {
				roles.addAll(mapped);
			}
		}
		String parameter = platform.getCustomRoleParameter();
		if (parameter != null && custom != null && custom.get(parameter) instanceof String value) {
			for (String part : value.split(",")) {
				CoachroomRole.parse(part)
					.filter(GRANTABLE_BY_PARAMETER::contains)
					.ifPresentOrElse(roles::add,
							() -> log.warn("Custom role parameter {}={} of platform {} names no role it may grant",
									parameter, part.trim(), platform.getIssuer()));
			}
		}
		if (roles.isEmpty()) {
			// Someone the LMS let in but whose roles we cannot read gets the narrowest
			// view.
			roles.add(CoachroomRole.TEACHER);
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
