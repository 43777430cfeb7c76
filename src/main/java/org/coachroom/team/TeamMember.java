package org.coachroom.team;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** A person in a team workspace, with their role and when they joined. */
@Table("team_member")
public record TeamMember(long userRef, TeamRole role, Instant joinedAt) {
}
