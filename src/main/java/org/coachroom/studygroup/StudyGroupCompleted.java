package org.coachroom.studygroup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.coachroom.shared.CourseCompletion;

/**
 * A member finished a study group (by its rule, or marked by a facilitator). Published in
 * the completion's transaction; the gradebook sends it as a score to every placement's
 * column.
 *
 * @param tenantId the deployment the group lives in
 * @param studyGroupId the group
 * @param title the group's title
 * @param userRef the member (Coachroom's user id)
 * @param subject the member's LMS user id ({@code sub})
 * @param placements the LMS links the group is placed at, whose gradebook columns get it
 * @param creditHours PD credit earned
 * @param creditUnit what the hours are (e.g. clock hours)
 * @param completedAt when
 * @param byHand whether a facilitator marked it
 */
public record StudyGroupCompleted(long tenantId, long studyGroupId, String title, long userRef, String subject,
		List<CourseCompletion.Placement> placements, BigDecimal creditHours, String creditUnit, Instant completedAt,
		boolean byHand) implements CourseCompletion {

	/** The {@link CourseCompletion#source()} of study groups. */
	public static final String SOURCE = "STUDY_GROUP";

	public StudyGroupCompleted {
		placements = List.copyOf(placements);
	}

	@Override
	public String source() {
		return SOURCE;
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
		return completedAt;
	}

	@Override
	public boolean completed() {
		return true;
	}

	@Override
	public Note note() {
		String how = byHand ? "marked" : "completed";
		return creditHours == null ? Note.of("gradebook.note.study-group." + how, title) : Note
			.of("gradebook.note.study-group." + how + "-hours", title, creditHours.stripTrailingZeros(), creditUnit);
	}
}
