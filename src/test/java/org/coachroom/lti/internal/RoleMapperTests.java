package org.coachroom.lti.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.PlatformRegistration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleMapperTests {

	static final String LEARNER = RoleMapper.MEMBERSHIP + "Learner";

	static final String INSTRUCTOR = RoleMapper.MEMBERSHIP + "Instructor";

	static final String STAFF = RoleMapper.INSTITUTION + "Staff";

	final RoleMapper mapper = new RoleMapper();

	@Test
	void learnersAreTeachersInstructorsAreCoachesInstitutionAdminsAreDistrictAdmins() {
		Platform platform = platform(null, null);
		assertThat(mapper.map(platform, List.of(LEARNER), Map.of())).containsExactly(CoachroomRole.TEACHER);
		assertThat(mapper.map(platform, List.of(INSTRUCTOR), Map.of())).containsExactly(CoachroomRole.COACH);
		assertThat(mapper.map(platform, List.of(RoleMapper.INSTITUTION + "Administrator"), Map.of()))
			.containsExactly(CoachroomRole.DISTRICT_ADMIN);
	}

	@Test
	void shortContextRoleNamesCountAsTheirFullUris() {
		assertThat(mapper.map(platform(null, null), List.of("Instructor"), Map.of()))
			.containsExactly(CoachroomRole.COACH);
	}

	@Test
	void someoneWithNoMappableRoleGetsTheNarrowestView() {
		assertThat(mapper.map(platform(null, null), List.of(RoleMapper.MEMBERSHIP + "Mentor"), Map.of()))
			.containsExactly(CoachroomRole.TEACHER);
	}

	@Test
	void aPlatformRuleReplacesTheDefaultForThatRole() {
		Platform platform = platform(Map.of(INSTRUCTOR, Set.of(CoachroomRole.TEACHER), STAFF, Set.of(CoachroomRole.HR)),
				null);
		assertThat(mapper.map(platform, List.of(INSTRUCTOR), Map.of())).containsExactly(CoachroomRole.TEACHER);
		assertThat(mapper.map(platform, List.of(STAFF, LEARNER), Map.of())).containsExactlyInAnyOrder(CoachroomRole.HR,
				CoachroomRole.TEACHER);
	}

	@Test
	void theCustomRoleParameterAddsPrincipalOrHr() {
		Platform platform = platform(Map.of(), "coachroom_role");
		assertThat(mapper.map(platform, List.of(INSTRUCTOR), Map.of("coachroom_role", "Principal, hr")))
			.containsExactlyInAnyOrder(CoachroomRole.COACH, CoachroomRole.PRINCIPAL, CoachroomRole.HR);
	}

	@Test
	void theCustomRoleParameterCannotMakeADistrictAdmin() {
		Platform platform = platform(Map.of(), "coachroom_role");
		assertThat(mapper.map(platform, List.of(LEARNER), Map.of("coachroom_role", "District admin,Coach")))
			.containsExactly(CoachroomRole.TEACHER);
	}

	@Test
	void theCustomRoleParameterIsIgnoredWhereThePlatformDidNotTurnItOn() {
		assertThat(mapper.map(platform(Map.of(), null), List.of(LEARNER), Map.of("coachroom_role", "HR")))
			.containsExactly(CoachroomRole.TEACHER);
	}

	@Test
	void rolesParseAsPeopleWriteThem() {
		assertThat(EnumSet.of(CoachroomRole.parse("district admin").orElseThrow(),
				CoachroomRole.parse("DistrictAdmin").orElseThrow(), CoachroomRole.parse(" hr ").orElseThrow()))
			.containsExactlyInAnyOrder(CoachroomRole.DISTRICT_ADMIN, CoachroomRole.HR);
		assertThat(CoachroomRole.parse("superuser")).isEmpty();
	}

	static Platform platform(Map<String, Set<CoachroomRole>> rules, String customParameter) {
		return Platform
			.from(new PlatformRegistration("https://lms.example", "client", "LMS", "https://lms.example/auth", null,
					"https://lms.example/jwks", null, PlatformRegistration.Source.REGISTRATIONS_FILE, List.of("1"),
					rules == null ? Map.of() : rules, customParameter, List.of()), Instant.now());
	}

}
