package org.coachroom.access;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.RoleMapping;
import org.springframework.stereotype.Component;

/**
 * Coachroom's reading of LTI roles: a course's learners are teachers, its instructors
 * coaches, an institution's or system's administrators district admins (and not coaches
 * of every course they open). Principal and HR have no LTI words; a platform's custom
 * role parameter grants them.
 */
@Component
public class CoachroomRoleMapping implements RoleMapping {

	private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	private static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";

	private static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

	private static final Set<String> ADMINISTRATORS = Set.of(INSTITUTION + "Administrator", SYSTEM + "Administrator");

	private static final Map<String, Set<String>> DEFAULTS = Map.of(MEMBERSHIP + "Learner",
			Set.of(CoachroomRole.TEACHER.name()), MEMBERSHIP + "Instructor", Set.of(CoachroomRole.COACH.name()),
			INSTITUTION + "Administrator", Set.of(CoachroomRole.DISTRICT_ADMIN.name()), SYSTEM + "Administrator",
			Set.of(CoachroomRole.DISTRICT_ADMIN.name()));

	private static final Set<CoachroomRole> GRANTABLE_BY_PARAMETER = Set.of(CoachroomRole.PRINCIPAL, CoachroomRole.HR);

	@Override
	public Set<String> byDefault(String ltiRole) {
		return DEFAULTS.getOrDefault(ltiRole, Set.of());
	}

	/**
	 * A site administrator's launch carries Instructor in every course (Moodle adds it to
	 * anyone who may manage the activity, and an administrator may manage all): that
	 * makes them the district's admin, not the course's coach. An administrator enrolled
	 * as a teacher of the course is in its roster as such, and a coach there.
	 */
	@Override
	public Set<String> ignoredInLaunchBeside(Set<String> ltiRoles) {
		return ltiRoles.stream().anyMatch(ADMINISTRATORS::contains) ? Set.of(MEMBERSHIP + "Instructor") : Set.of();
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
