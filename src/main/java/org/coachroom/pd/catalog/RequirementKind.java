package org.coachroom.pd.catalog;

/** What a requirement asks of a person, and so how it is recorded and when it is met. */
public enum RequirementKind {

	/** A course or module taken: done when the person records it done. */
	COURSE,

	/**
	 * A unit with an assessment: done when assessed; Mastery at or above the threshold,
	 * else Completion.
	 */
	UNIT,

	/**
	 * An assessment: met at or above its threshold (or when taken, without one); best
	 * attempt kept.
	 */
	ASSESSMENT,

	/**
	 * Hours of a unit (clock hours, semester hours): met when the hours recorded reach
	 * the target.
	 */
	HOURS,

	/** An observation or demonstration, recorded with its date. */
	OBSERVATION,

	/** A document to upload (a certificate, a plan): met once it is verified. */
	EVIDENCE

}
