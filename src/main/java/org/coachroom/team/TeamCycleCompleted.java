package org.coachroom.team;

import java.time.Instant;
import java.util.List;

import org.coachroom.shared.CourseCompletion;

/**
 * A team closed a learning cycle: published once for each member who took part, in the
 * transaction that closes it, for the gradebook to send to each LMS link the workspace is
 * placed at. The workspace's column shows the member's closed cycles; a later cycle's
 * completion replaces the score.
 *
 * @param workspace the team's workspace (the completion's source id)
 * @param cycle the cycle closed
 * @param cycleNumber the cycle's number within the team
 */
public record TeamCycleCompleted(long tenantId, long workspace, long cycle, int cycleNumber, String sourceTitle,
		long userRef, String subject, List<CourseCompletion.Placement> placements, Instant at,
		boolean goalMet) implements CourseCompletion {

	/** The {@link CourseCompletion#source()} of team workspaces. */
	public static final String SOURCE = "TEAM_WORKSPACE";

	public TeamCycleCompleted {
		placements = List.copyOf(placements);
	}

	@Override
	public String source() {
		return SOURCE;
	}

	@Override
	public long sourceId() {
		return workspace;
	}

	@Override
	public boolean completed() {
		return true;
	}

	@Override
	public Note note() {
		return Note.of(goalMet ? "gradebook.note.team-cycle.goal-met" : "gradebook.note.team-cycle", cycleNumber);
	}
}
