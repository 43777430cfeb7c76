package org.coachroom.studygroup.placement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.coachroom.shared.CourseCompletion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The LMS links a study group is placed at ({@code study_group_placement}): an upsert per
 * launch (a composite key, first and last launch kept apart), so hand SQL rather than a
 * repository.
 */
@Component
public class GroupPlacementQueries {

	private final JdbcClient jdbc;

	GroupPlacementQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The group's placements, each with its gradebook line item (if known). */
	public List<CourseCompletion.Placement> of(long groupId) {
		return jdbc.sql(
				"SELECT resource_link_id, line_item_url, line_items_url FROM study_group_placement WHERE study_group = ?")
			.param(groupId)
			.query((rs, i) -> new CourseCompletion.Placement(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	boolean known(long groupId, String resourceLinkId) {
		return jdbc.sql("SELECT COUNT(*) FROM study_group_placement WHERE study_group = ? AND resource_link_id = ?")
			.params(groupId, resourceLinkId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Records a launch of the link: the first makes the row, later ones refresh the time
	 * and line items.
	 */
	void launched(long groupId, CourseCompletion.Placement link, Long contextRef, long by, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO study_group_placement (study_group, resource_link_id, context_ref, line_item_url, line_items_url,
						first_launch_by, first_launch_at, last_launch_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
						ON DUPLICATE KEY UPDATE last_launch_at = VALUES(last_launch_at),
						line_item_url = COALESCE(VALUES(line_item_url), line_item_url),
						line_items_url = COALESCE(VALUES(line_items_url), line_items_url)""")
			.params(groupId, link.resourceLinkId(), contextRef, link.lineItemUrl(), link.lineItemsUrl(), by,
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

}
