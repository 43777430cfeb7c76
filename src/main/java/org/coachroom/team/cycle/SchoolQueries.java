package org.coachroom.team.cycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's school (the pd module's, by id) and the teams of a school for its
 * principal: a column the workspace aggregate does not carry, and a report across
 * workspaces and members.
 */
@Component
class SchoolQueries {

	private final JdbcClient jdbc;

	SchoolQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> schoolOf(long workspace) {
		return jdbc.sql("SELECT school_ref FROM team_workspace WHERE id = ?")
			.param(workspace)
			.query((rs, i) -> (Long) rs.getObject(1, Long.class))
			.optional()
			.filter(Objects::nonNull);
	}

	void nameSchool(long workspace, Long school) {
		jdbc.sql("UPDATE team_workspace SET school_ref = ? WHERE id = ?").params(school, workspace).update();
	}

	/** The tenant's workspaces no school is named for. */
	int withoutSchool(long tenant) {
		return jdbc.sql("SELECT COUNT(*) FROM team_workspace WHERE tenant_id = ? AND school_ref IS NULL")
			.param(tenant)
			.query(Integer.class)
			.single();
	}

	/** The school the principal last chose on the PLC teams page, if any. */
	Optional<Long> lastChosen(long tenant, long principal) {
		return jdbc.sql("SELECT school_ref FROM team_principal_school WHERE user_ref = ? AND tenant_id = ?")
			.params(principal, tenant)
			.query(Long.class)
			.optional();
	}

	/** Remembers the school the principal chose, for the next time. */
	void choose(long tenant, long principal, long school, Instant now) {
		jdbc.sql("""
				INSERT INTO team_principal_school (user_ref, tenant_id, school_ref, chosen_at) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE school_ref = VALUES(school_ref), chosen_at = VALUES(chosen_at)""")
			.params(principal, tenant, school, Timestamp.from(now))
			.update();
	}

	/** A team of a school: its workspace, title and how many are in it. */
	record Team(long id, String title, int members) {
	}

	List<Team> teamsAt(long tenant, long school) {
		return jdbc.sql("""
				SELECT w.id, w.title, (SELECT COUNT(*) FROM team_member m WHERE m.workspace = w.id)
				FROM team_workspace w WHERE w.tenant_id = ? AND w.school_ref = ? ORDER BY w.title""")
			.params(tenant, school)
			.query((rs, i) -> new Team(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	/** A workspace's title and school, within the tenant. */
	record Named(String title, Long school) {
	}

	Optional<Named> named(long workspace, long tenant) {
		return jdbc.sql("SELECT title, school_ref FROM team_workspace WHERE id = ? AND tenant_id = ?")
			.params(workspace, tenant)
			.query((rs, i) -> new Named(rs.getString(1), (Long) rs.getObject(2, Long.class)))
			.optional();
	}

}
