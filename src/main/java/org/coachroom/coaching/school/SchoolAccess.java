package org.coachroom.coaching.school;

import java.util.Set;

import org.coachroom.access.CoachroomRole;
import org.coachroom.coaching.pair.CoachSchools;
import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.lti.Member;
import org.springframework.stereotype.Component;

/**
 * Who sees coaching by school. A principal (a coach who is also a principal too: they
 * evaluate) sees their school's counts; a district admin the district's; HR nothing of
 * coaching, whatever else they are; teachers and coaches their own coaching instead. The
 * goals of a school are written by its principal and the coaches who serve it.
 */
@Component
public class SchoolAccess {

	private final CoachingAccess coaching;

	private final CoachSchools coachSchools;

	SchoolAccess(CoachingAccess coaching, CoachSchools coachSchools) {
		this.coaching = coaching;
		this.coachSchools = coachSchools;
	}

	public static boolean principal(Member member) {
		Set<CoachroomRole> roles = CoachroomRole.of(member);
		return roles.contains(CoachroomRole.PRINCIPAL) && !roles.contains(CoachroomRole.HR);
	}

	public static boolean districtAdmin(Member member) {
		Set<CoachroomRole> roles = CoachroomRole.of(member);
		return roles.contains(CoachroomRole.DISTRICT_ADMIN) && !roles.contains(CoachroomRole.HR);
	}

	void requirePrincipal(Member member) {
		if (!principal(member)) {
			throw new CoachingAccess.CoachingNotFoundException("school's coaching", "coaching.not-found.school");
		}
	}

	void requireDistrictAdmin(Member member) {
		if (!districtAdmin(member)) {
			throw new CoachingAccess.CoachingNotFoundException("district's coaching", "coaching.not-found.school");
		}
	}

	/** A coach who serves the school. */
	boolean servingCoach(Member member, long school) {
		return coaching.coaches(member) && coachSchools.serves(member, school);
	}

	void requireServingCoach(Member member, long school) {
		if (!servingCoach(member, school)) {
			throw new CoachingAccess.CoachingNotFoundException("school " + school + " of this coach",
					"coaching.not-found.school");
		}
	}

}
