package org.coachroom.access;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.RoleMapping;
import org.springframework.stereotype.Component;

/**
 * Coachroom's reading of LTI roles: a course's learners are teachers, its instructors
 * coaches, an institution's administrators district admins. Principal and HR have no LTI
 * words; a platform's custom role parameter grants them.
 */
@Component
public class CoachroomRoleMapping implements RoleMapping {

	private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	private static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";

	private static final Map<String, Set<String>> DEFAULTS = Map.of(MEMBERSHIP + "Learner",
			Set.of(CoachroomRole.TEACHER.name()), MEMBERSHIP + "Instructor", Set.of(CoachroomRole.COACH.name()),
			INSTITUTION + "Administrator", Set.of(CoachroomRole.DISTRICT_ADMIN.name()));

	private static final Set<CoachroomRole> GRANTABLE_BY_PARAMETER = Set.of(CoachroomRole.PRINCIPAL, CoachroomRole.HR);

	@Override
	public Set<String> byDefault(String ltiRole) {
		return DEFAULTS.getOrDefault(ltiRole, Set.of());
	}

	@Override
	public Optional<String> grantableByParameter(String text) {
		return CoachroomRole.parse(text).filter(GRANTABLE_BY_PARAMETER::contains).map(CoachroomRole::name);
	}

	@Override
	public Optional<String> named(String text) {
		return CoachroomRole.parse(text).map(CoachroomRole::name);
	}

	@Override
	public String fallback() {
		return CoachroomRole.TEACHER.name();
	}

	@Override
	public String registrationAdministrator() {
		return CoachroomRole.DISTRICT_ADMIN.name();
	}

	@Override
	public String namesForPeople() {
		return "Teacher, Coach, Principal, HR or District admin";
	}

}
