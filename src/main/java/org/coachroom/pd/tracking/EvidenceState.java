package org.coachroom.pd.tracking;

/**
 * Where a requirement's evidence is: none yet, waiting for a coach or HR, verified, or
 * returned to the person.
 */
public enum EvidenceState {

	NONE, SUBMITTED, VERIFIED, RETURNED

}
