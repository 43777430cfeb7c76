package org.coachroom.access;

import java.util.Set;

import org.coachroom.lti.Member;

/**
 * The one statement of coaching's privacy that every module asks: who is evaluative (a
 * principal or HR, whatever else they are), and who coaches (a coach who is not
 * evaluative).
 */
public final class CoachingPrivacy {

	private CoachingPrivacy() {
	}

	/**
	 * Whether this person evaluates staff: a principal's or HR role, even beside a
	 * coach's or admin's.
	 */
	public static boolean evaluative(Member member) {
		return evaluative(CoachroomRole.of(member));
	}

	/** The same of the roles a launch recorded for someone in a course. */
	public static boolean evaluative(Set<CoachroomRole> roles) {
		return roles.contains(CoachroomRole.PRINCIPAL) || roles.contains(CoachroomRole.HR);
	}

	/**
	 * Whether this person coaches in this launch: a coach's role and no evaluative one
	 * beside it.
	 */
	public static boolean coaches(Member member) {
		return coaches(CoachroomRole.of(member));
	}

	/** The same of the roles a launch recorded for someone in a course. */
	public static boolean coaches(Set<CoachroomRole> roles) {
		return roles.contains(CoachroomRole.COACH) && !evaluative(roles);
	}

}
