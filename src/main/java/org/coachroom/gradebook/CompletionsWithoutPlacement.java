package org.coachroom.gradebook;

/**
 * Completions that reach no gradebook because their source is placed in no course: a
 * source module answers it for its sources, so that the report says why it is empty
 * rather than that there is nothing to send. Optional: a source without one is taken to
 * have none.
 */
public interface CompletionsWithoutPlacement {

	/** The source, as completions name it ({@code STUDY_GROUP}, say). */
	String source();

	/**
	 * How many people completed the source while it is placed in no course (0 once it is
	 * placed: their completions are then on their way).
	 */
	int waiting(long tenantId, long sourceId);

}
