package org.coachroom.lti.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachroom.access.CoachroomRole;
import org.coachroom.access.CoachroomRoleMapping;
import org.coachroom.lti.PlatformRegistration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleMapperTests {

	static final String LEARNER = RoleMapper.MEMBERSHIP + "Learner";

	static final String INSTRUCTOR = RoleMapper.MEMBERSHIP + "Instructor";

	static final String STAFF = RoleMapper.INSTITUTION + "Staff";

	final RoleMapper mapper = new RoleMapper(new CoachroomRoleMapping());

	@Test
	void learnersAreTeachersInstructorsAreCoachesInstitutionAdminsAreDistrictAdmins() {
		Platform platform = platform(null, null);
		assertThat(mapped(platform, List.of(LEARNER), Map.of())).containsExactly(CoachroomRole.TEACHER);
		assertThat(mapped(platform, List.of(INSTRUCTOR), Map.of())).containsExactly(CoachroomRole.COACH);
		assertThat(mapped(platform, List.of(RoleMapper.INSTITUTION + "Administrator"), Map.of()))
			.containsExactly(CoachroomRole.DISTRICT_ADMIN);
	}

	/** Moodle 4.5's site admin, not enrolled in the course (id_token-admin.json). */
	static final List<String> MOODLE_SITE_ADMIN = List.of(RoleMapper.INSTITUTION + "Administrator", INSTRUCTOR,
			RoleMapper.SYSTEM + "Administrator");

	@Test
	void aSiteAdminsLaunchMakesADistrictAdminAndNotACoach() {
		assertThat(mapped(platform(null, null), MOODLE_SITE_ADMIN, Map.of()))
			.containsExactly(CoachroomRole.DISTRICT_ADMIN);
		assertThat(mapped(platform(null, null), List.of(RoleMapper.SYSTEM + "Administrator"), Map.of()))
			.containsExactly(CoachroomRole.DISTRICT_ADMIN);
	}

	@Test
	void aSiteAdminOnTheCoursesRosterIsItsCoach() {
		assertThat(CoachroomRole
			.of(mapper.mapRoster(platform(null, null), List.of(INSTRUCTOR, RoleMapper.INSTITUTION + "Administrator"))))
			.containsExactlyInAnyOrder(CoachroomRole.COACH, CoachroomRole.DISTRICT_ADMIN);
	}

	@Test
	void shortContextRoleNamesCountAsTheirFullUris() {
		assertThat(mapped(platform(null, null), List.of("Instructor"), Map.of())).containsExactly(CoachroomRole.COACH);
	}

	@Test
	void someoneWithNoMappableRoleGetsTheNarrowestView() {
		assertThat(mapped(platform(null, null), List.of(RoleMapper.MEMBERSHIP + "Mentor"), Map.of()))
			.containsExactly(CoachroomRole.TEACHER);
	}

	@Test
	void aPlatformRuleReplacesTheDefaultForThatRole() {
		Platform platform = platform(Map.of(INSTRUCTOR, Set.of("TEACHER"), STAFF, Set.of("HR")), null);
		assertThat(mapped(platform, List.of(INSTRUCTOR), Map.of())).containsExactly(CoachroomRole.TEACHER);
		assertThat(mapped(platform, List.of(STAFF, LEARNER), Map.of())).containsExactlyInAnyOrder(CoachroomRole.HR,
				CoachroomRole.TEACHER);
	}

	@Test
	void theCustomRoleParameterAddsPrincipalOrHr() {
		Platform platform = platform(Map.of(), "coachroom_role");
		assertThat(mapped(platform, List.of(INSTRUCTOR), Map.of("coachroom_role", "Principal, hr")))
			.containsExactlyInAnyOrder(CoachroomRole.COACH, CoachroomRole.PRINCIPAL, CoachroomRole.HR);
	}

	@Test
	void theCustomRoleParameterCannotMakeADistrictAdmin() {
		Platform platform = platform(Map.of(), "coachroom_role");
		assertThat(mapped(platform, List.of(LEARNER), Map.of("coachroom_role", "District admin,Coach")))
			.containsExactly(CoachroomRole.TEACHER);
	}

	@Test
	void theCustomRoleParameterIsIgnoredWhereThePlatformDidNotTurnItOn() {
		assertThat(mapped(platform(Map.of(), null), List.of(LEARNER), Map.of("coachroom_role", "HR")))
			.containsExactly(CoachroomRole.TEACHER);
	}

	@Test
	void rolesParseAsPeopleWriteThem() {
		assertThat(EnumSet.of(CoachroomRole.parse("district admin").orElseThrow(),
				CoachroomRole.parse("DistrictAdmin").orElseThrow(), CoachroomRole.parse(" hr ").orElseThrow()))
			.containsExactlyInAnyOrder(CoachroomRole.DISTRICT_ADMIN, CoachroomRole.HR);
		assertThat(CoachroomRole.parse("superuser")).isEmpty();
	}

	private Set<CoachroomRole> mapped(Platform platform, List<String> ltiRoles, Map<String, ?> custom) {
		return CoachroomRole.of(mapper.map(platform, ltiRoles, custom));
	}

	static Platform platform(Map<String, Set<String>> rules, String customParameter) {
		return Platform
			.from(new PlatformRegistration("https://lms.example", "client", "LMS", "https://lms.example/auth", null,
					"https://lms.example/jwks", null, PlatformRegistration.Source.REGISTRATIONS_FILE, List.of("1"),
					rules == null ? Map.of() : rules, customParameter, List.of()), Instant.now());
	}

}
