package org.coachroom.team.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.coachroom.shared.CourseCompletion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The LMS links a workspace is placed at, in hand SQL: a link is recorded in one
 * statement two first launches may race on, and who took part in the cycles closed before
 * it is a report across cycles.
 */
@Component
class PlacementQueries {

	private final JdbcClient jdbc;

	PlacementQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a link's first launch; returns false (and changes nothing) when it was
	 * launched before.
	 */
	boolean recordFirst(long workspace, String resourceLinkId, long contextRef, String lineItemUrl, String lineItemsUrl,
			Instant now) {
		return jdbc
			.sql("""
					INSERT IGNORE INTO team_placement (workspace, resource_link_id, context_ref, line_item_url, line_items_url,
					first_launch_at, last_launch_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(workspace, resourceLinkId, contextRef, lineItemUrl, lineItemsUrl, Timestamp.from(now),
					Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * A later launch of a link: when, and the column's addresses if the launch names
	 * them.
	 */
	void recordAgain(long workspace, String resourceLinkId, String lineItemUrl, String lineItemsUrl, Instant now) {
		jdbc.sql("""
				UPDATE team_placement SET last_launch_at = ?, line_item_url = COALESCE(?, line_item_url),
				line_items_url = COALESCE(?, line_items_url) WHERE workspace = ? AND resource_link_id = ?""")
			.params(Timestamp.from(now), lineItemUrl, lineItemsUrl, workspace, resourceLinkId)
			.update();
	}

	/** A member's latest closed cycle they took part in. */
	record Took(long userRef, long cycle, int number, Instant closedAt, boolean met) {
	}

	/**
	 * For each member who took part in a closed cycle of the workspace, the latest such
	 * cycle.
	 */
	List<Took> latestTaken(long workspace) {
		return jdbc.sql("""
				SELECT p.user_ref, c.id, c.number, c.closed_at, c.goal_met FROM team_cycle_participant p
				JOIN team_cycle c ON c.id = p.cycle
				WHERE c.workspace = ? AND c.closed_at IS NOT NULL AND c.number = (
				  SELECT MAX(c2.number) FROM team_cycle c2 JOIN team_cycle_participant p2 ON p2.cycle = c2.id
				  WHERE c2.workspace = c.workspace AND c2.closed_at IS NOT NULL AND p2.user_ref = p.user_ref)""")
			.param(workspace)
			.query((rs, i) -> new Took(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
					rs.getBoolean(5)))
			.list();
	}

	/** Every link the workspace is placed at, with its column. */
	List<CourseCompletion.Placement> placements(long workspace) {
		return jdbc
			.sql("SELECT resource_link_id, line_item_url, line_items_url FROM team_placement WHERE workspace = ?")
			.param(workspace)
			.query((rs, i) -> new CourseCompletion.Placement(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

}
