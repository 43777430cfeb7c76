package org.coachroom.team.workspace;

import java.time.Instant;

/** A person in a team workspace, with their role and when they joined. */
public record TeamMember(long userRef, TeamRole role, Instant joinedAt) {
}
