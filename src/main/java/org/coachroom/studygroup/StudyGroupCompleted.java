package org.coachroom.studygroup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;


/**
 * A member finished a study group (by its rule, or marked by a facilitator). Published through
 * Modulith's JDBC event registry, so listeners (the gradebook, PD tracking) get it even after a crash.
 *
 * @param tenantId the deployment the group lives in
 * @param studyGroupId the group
 * @param title the group's title, for a score's comment
 * @param userRef the member (Coachroom's user id)
 * @param subject the member's LMS user id ({@code sub})
 * @param placements the LMS links the group is placed at, whose gradebook columns get it
 * @param creditHours PD credit earned
 * @param creditUnit what the hours are (e.g. clock hours)
 * @param completedAt when
 * @param byHand whether a facilitator marked it
 */
public record StudyGroupCompleted(long tenantId, long studyGroupId, String title, long userRef, String subject,
		List<Placement> placements, BigDecimal creditHours, String creditUnit, Instant completedAt, boolean byHand) {

	/**
	 * A link the group is placed at, with the gradebook line item its launch named (if any) and the
	 * course's line item container to find or make one in.
	 */
	public record Placement(String resourceLinkId, String lineItemUrl, String lineItemsUrl) {
	}

	public StudyGroupCompleted {
		placements = List.copyOf(placements);
	}
}
