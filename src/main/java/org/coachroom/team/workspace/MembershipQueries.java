package org.coachroom.team.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is in each team, row by row: people join one at a time, from many requests at once,
 * so a join is one statement and never a rewrite of the workspace (which would lose a
 * join made meanwhile). A facilitator stays one; a member who coaches the course becomes
 * one. Hand SQL: the join is an upsert two launches may race on, and a member row is
 * keyed by workspace and person.
 */
@Component
public class MembershipQueries {

	private final JdbcClient jdbc;

	MembershipQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Returns whether the person joined or took a new role. */
	public boolean join(long workspace, long userRef, TeamRole role, Instant now) {
		int changed = jdbc.sql("""
				INSERT INTO team_member (workspace, user_ref, role, joined_at) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE role = IF(role = 'FACILITATOR', role, VALUES(role))""")
			.params(workspace, userRef, role.name(), Timestamp.from(now))
			.update();
		return changed > 0;
	}

	/** The person is no longer of the team; returns 1 if they were. */
	public int leave(long workspace, long userRef) {
		return jdbc.sql("DELETE FROM team_member WHERE workspace = ? AND user_ref = ?")
			.params(workspace, userRef)
			.update();
	}

	public Optional<TeamRole> roleOf(long workspace, long userRef) {
		return jdbc.sql("SELECT role FROM team_member WHERE workspace = ? AND user_ref = ?")
			.params(workspace, userRef)
			.query((rs, i) -> TeamRole.valueOf(rs.getString(1)))
			.optional();
	}

	public List<TeamMember> of(long workspace) {
		return jdbc.sql("SELECT user_ref, role, joined_at FROM team_member WHERE workspace = ?")
			.param(workspace)
			.query((rs, i) -> new TeamMember(rs.getLong(1), TeamRole.valueOf(rs.getString(2)),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

}
