package org.coachroom.pd.compliance;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see what of HR's compliance view: HR and district admins see names and
 * credential facts (never coaching content); whoever holds a principal's role sees counts
 * only, small ones suppressed.
 */
@Component
public class ComplianceAccess {

	/**
	 * Counts below this are shown as "fewer than" to principals, so no one is singled
	 * out.
	 */
	static final int SMALLEST_SHOWN = 5;

	/** What a viewer may see here. */
	public enum View {

		NONE, COUNTS, PEOPLE

	}

	public View viewOf(Member viewer) {
		if (viewer.hasRole(CoachroomRole.PRINCIPAL)) {
			return View.COUNTS;
		}
		if (viewer.hasRole(CoachroomRole.HR) || viewer.hasRole(CoachroomRole.DISTRICT_ADMIN)) {
			return View.PEOPLE;
		}
		return View.NONE;
	}

	/** Refuses (as the PD 404) anyone who may not see people. */
	public void requirePeople(Member viewer) {
		if (viewOf(viewer) != View.PEOPLE) {
			throw ProgramNotFoundException.page("compliance");
		}
	}

}
