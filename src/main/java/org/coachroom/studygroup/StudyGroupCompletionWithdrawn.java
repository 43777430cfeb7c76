package org.coachroom.studygroup;

import java.time.Instant;
import java.util.List;

import org.coachroom.shared.CourseCompletion;

/**
 * A facilitator withdrew a member's completion (marked by mistake, say), with the reason.
 * The gradebook clears the score it sent; PD credit earned by it no longer counts.
 *
 * @param tenantId the deployment the group lives in
 * @param studyGroupId the group
 * @param title the group's title
 * @param userRef the member
 * @param subject the member's LMS user id
 * @param placements the LMS links the group is placed at
 * @param withdrawnAt when
 * @param withdrawnBy the facilitator
 * @param reason why, as the facilitator gave it
 */
public record StudyGroupCompletionWithdrawn(long tenantId, long studyGroupId, String title, long userRef,
		String subject, List<CourseCompletion.Placement> placements, Instant withdrawnAt, long withdrawnBy,
		String reason) implements CourseCompletion {

	public StudyGroupCompletionWithdrawn {
		placements = List.copyOf(placements);
	}

	@Override
	public String source() {
		return StudyGroupCompleted.SOURCE;
	}

	@Override
	public long sourceId() {
		return studyGroupId;
	}

	@Override
	public String sourceTitle() {
		return title;
	}

	@Override
	public Instant at() {
		return withdrawnAt;
	}

	@Override
	public boolean completed() {
		return false;
	}

	@Override
	public Note note() {
		// the reason stays in Coachroom: the LMS gradebook is read by more people than
		// the group's facilitators
		return Note.of("gradebook.note.study-group.withdrawn", title);
	}
}
