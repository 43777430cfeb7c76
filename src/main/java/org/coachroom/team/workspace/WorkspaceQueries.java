package org.coachroom.team.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a workspace repository cannot say: opening one in a statement a second coach
 * opening at the same moment cannot make fail, locking one while a cycle starts, and
 * finding a person's workspaces.
 */
@Component
public class WorkspaceQueries {

	private final JdbcClient jdbc;

	WorkspaceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Opens the course's workspace unless one is there already; returns whether this call
	 * opened it.
	 */
	boolean openUnlessOpen(long tenantId, long contextRef, String title, long by, Instant now) {
		return jdbc.sql("""
				INSERT IGNORE INTO team_workspace (tenant_id, context_ref, title, created_by, created_at, version)
				VALUES (?, ?, ?, ?, ?, 0)""")
			.params(tenantId, contextRef, title, by, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Locks the workspace's row until the transaction ends: two of the team starting a
	 * cycle at once queue here.
	 */
	public void lock(long workspace) {
		jdbc.sql("SELECT id FROM team_workspace WHERE id = ? FOR UPDATE").param(workspace).query(Long.class).single();
	}

	/** The ids of the workspaces the person is a member of. */
	List<Long> workspacesOf(long tenantId, long userRef) {
		return jdbc.sql("""
				SELECT w.id FROM team_workspace w JOIN team_member m ON m.workspace = w.id
				WHERE w.tenant_id = ? AND m.user_ref = ?""").params(tenantId, userRef).query(Long.class).list();
	}

}
