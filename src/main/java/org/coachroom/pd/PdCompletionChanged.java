package org.coachroom.pd;

import java.time.Instant;
import java.util.List;

import org.coachroom.shared.CourseCompletion;

/**
 * A person completed a placed PD program or requirement, or no longer has (a returned
 * certificate, a requirement added by an edit): published in the transaction of the
 * change, for the gradebook to send to each placement's column in a course the person is
 * in.
 *
 * @param source {@code PD_PROGRAM} or {@code PD_REQUIREMENT}
 * @param sourceId the placed item's id
 */
public record PdCompletionChanged(long tenantId, String source, long sourceId, String sourceTitle, long userRef,
		String subject, List<CourseCompletion.Placement> placements, Instant at, boolean completed,
		CourseCompletion.Note note) implements CourseCompletion {

	public PdCompletionChanged {
		placements = List.copyOf(placements);
	}
}
