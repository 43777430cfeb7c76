package org.coachroom.lti;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.coachroom.shared.TenantId;

/**
 * LTI Assignment and Grade Services 2.0, tool side: finding or creating a line item and
 * posting a score to it, for a tenant's platform. Says what happened in terms a sender
 * can act on: sent, try again (after how long), or failed for good with the platform's
 * answer.
 */
public interface AssignmentGrades {

	/**
	 * A score as AGS defines it ({@code application/vnd.ims.lis.v1.score+json}). A null
	 * {@code scoreGiven} asks the platform to clear the score it holds.
	 */
	record Score(String userId, BigDecimal scoreGiven, BigDecimal scoreMaximum, String comment, Instant timestamp,
			String activityProgress, String gradingProgress) {
	}

	/** The gradebook column to find (by resource link and tag) or make. */
	record LineItemSpec(String label, BigDecimal scoreMaximum, String resourceId, String tag, String resourceLinkId) {
	}

	/** What became of a call. */
	sealed interface Outcome permits Done, Retry, Refused, Failed {

	}

	/** The platform took it; {@code value} is the line item URL for line item calls. */
	record Done(String value) implements Outcome {
	}

	/**
	 * Not now: the platform was slow, down or throttling. {@code after} is its
	 * Retry-After, or null; {@code conflict} when it answered 409 (Moodle's answer to a
	 * score no newer than the one it holds).
	 */
	record Retry(Duration after, String reason, boolean conflict) implements Outcome {

		public Retry(Duration after, String reason) {
			this(after, reason, false);
		}
	}

	/**
	 * The platform's token endpoint refused Coachroom's credentials. Often passing (the
	 * platform could not fetch Coachroom's key set for a moment, say while a node
	 * restarted), so a sender tries a few times more before it calls the score failed.
	 */
	record Refused(int status, String answer) implements Outcome {
	}

	/**
	 * Never, as things stand: the platform's answer says why (a user it cannot grade, a
	 * service switched off).
	 */
	record Failed(int status, String answer, boolean serviceOff) implements Outcome {
	}

	/** Finds the line item for the link and tag in the container, or creates it. */
	Outcome lineItem(TenantId tenant, String lineItemsUrl, LineItemSpec spec);

	/** Posts a score to a line item ({@code /scores} goes before any query string). */
	Outcome postScore(TenantId tenant, String lineItemUrl, Score score);

}
