package org.coachroom.team;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.coachroom.lti.LaunchDetails;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.shared.TenantId;
import org.coachroom.shared.CourseCompletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The LMS links a workspace is placed at (by deep linking), each with the gradebook column its
 * launch names, and the completions of closed cycles sent to them.
 */
@Component
class TeamPlacements {

	private static final Logger log = LoggerFactory.getLogger(TeamPlacements.class);

	/** The page the placed link opens (see {@link TeamWorkspaces#contentItem}). */
	static final String PAGE = "/team";

	private final JdbcClient jdbc;

	private final People people;

	private final ApplicationEventPublisher events;

	TeamPlacements(JdbcClient jdbc, People people, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.people = people;
		this.events = events;
	}

	/**
	 * A member arrived by a launch of a link placed for the team: the link is remembered with its
	 * column. The first launch of a link also sends the cycles closed before it to the new column.
	 */
	void recordLaunch(Member member, Workspace workspace, Instant now) {
		LaunchDetails launch = member.launch();
		if (launch == null || launch.isDeepLinking() || launch.resourceLinkId() == null || member.context() == null
				|| member.context().id() != workspace.getContextRef() || !PAGE.equals(launch.custom().get("coachroom_page"))) {
			return;
		}
		int added = jdbc.sql("""
				INSERT IGNORE INTO team_placement (workspace, resource_link_id, context_ref, line_item_url, line_items_url,
				first_launch_at, last_launch_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(workspace.getId(), launch.resourceLinkId(), member.context().id(), cut(launch.lineItemUrl()),
					cut(launch.lineItemsUrl()), Timestamp.from(now), Timestamp.from(now))
			.update();
		if (added == 0) {
			jdbc.sql("""
					UPDATE team_placement SET last_launch_at = ?, line_item_url = COALESCE(?, line_item_url),
					line_items_url = COALESCE(?, line_items_url) WHERE workspace = ? AND resource_link_id = ?""")
				.params(Timestamp.from(now), cut(launch.lineItemUrl()), cut(launch.lineItemsUrl()), workspace.getId(),
						launch.resourceLinkId())
				.update();
			return;
		}
		log.info("Team workspace {} placed at link {} in {}", workspace.getId(), launch.resourceLinkId(),
				member.context().contextId());
		// whoever took part in a cycle closed before the link was first launched gets their score in its column too
		List<CourseCompletion.Placement> placed = List.of(new CourseCompletion.Placement(launch.resourceLinkId(),
				cut(launch.lineItemUrl()), cut(launch.lineItemsUrl())));
		record Took(long userRef, long cycle, int number, Instant closedAt, boolean met) {
		}
		jdbc.sql("""
				SELECT p.user_ref, c.id, c.number, c.closed_at, c.goal_met FROM team_cycle_participant p
				JOIN team_cycle c ON c.id = p.cycle
				WHERE c.workspace = ? AND c.closed_at IS NOT NULL AND c.number = (
				  SELECT MAX(c2.number) FROM team_cycle c2 JOIN team_cycle_participant p2 ON p2.cycle = c2.id
				  WHERE c2.workspace = c.workspace AND c2.closed_at IS NOT NULL AND p2.user_ref = p.user_ref)""")
			.param(workspace.getId())
			.query((rs, i) -> new Took(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
					rs.getBoolean(5)))
			.list()
			.forEach(t -> publish(workspace, t.cycle(), t.number(), t.userRef(), placed, t.closedAt(), t.met()));
	}

	/** The closed cycle's completion for each member who took part, to every link the workspace is placed at. */
	void cycleClosed(Workspace workspace, Cycle cycle, List<Long> participants) {
		List<CourseCompletion.Placement> placed = jdbc
			.sql("SELECT resource_link_id, line_item_url, line_items_url FROM team_placement WHERE workspace = ?")
			.param(workspace.getId())
			.query((rs, i) -> new CourseCompletion.Placement(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		if (placed.isEmpty()) {
			return;
		}
		for (long userRef : participants) {
			publish(workspace, cycle.getId(), cycle.getNumber(), userRef, placed, cycle.getClosedAt(),
					Boolean.TRUE.equals(cycle.getGoalMet()));
		}
	}

	private void publish(Workspace workspace, long cycle, int number, long userRef,
			List<CourseCompletion.Placement> placed, Instant at, boolean met) {
		String subject = people.person(new TenantId(workspace.getTenantId()), userRef)
			.map(People.Person::subject)
			.orElse(null);
		events.publishEvent(new TeamCycleCompleted(workspace.getTenantId(), workspace.getId(), cycle, number,
				workspace.getTitle(), userRef, subject, placed, at, met));
	}

	private static String cut(String url) {
		return url == null || url.length() > 2000 ? null : url;
	}
}
