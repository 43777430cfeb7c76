package org.coachroom.team.workspace;

import java.time.Instant;
import java.util.List;

import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.LaunchDetails;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.shared.CourseCompletion;
import org.coachroom.shared.TenantId;
import org.coachroom.team.TeamCycleCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The LMS links a workspace is placed at (by deep linking), each with the gradebook
 * column its launch names, and the completions of closed cycles sent to them.
 */
@Component
public class TeamPlacements {

	private static final Logger log = LoggerFactory.getLogger(TeamPlacements.class);

	/** The page the placed link opens (see {@link WorkspaceOpening#contentItem}). */
	static final String PAGE = "/team";

	private final PlacementQueries placements;

	private final People people;

	private final ApplicationEventPublisher events;

	TeamPlacements(PlacementQueries placements, People people, ApplicationEventPublisher events) {
		this.placements = placements;
		this.people = people;
		this.events = events;
	}

	/**
	 * A member arrived by a launch of a link placed for the team: the link is remembered
	 * with its column. The first launch of a link also sends the cycles closed before it
	 * to the new column.
	 */
	void recordLaunch(Member member, Workspace workspace, Instant now) {
		LaunchDetails launch = member.launch();
		if (launch == null || launch.isDeepLinking() || launch.resourceLinkId() == null || member.context() == null
				|| member.context().id() != workspace.getContextRef()
				|| !PAGE.equals(launch.custom().get(DeepLinking.PAGE_PARAMETER))) {
			return;
		}
		if (!placements.recordFirst(workspace.getId(), launch.resourceLinkId(), member.context().id(),
				cut(launch.lineItemUrl()), cut(launch.lineItemsUrl()), now)) {
			placements.recordAgain(workspace.getId(), launch.resourceLinkId(), cut(launch.lineItemUrl()),
					cut(launch.lineItemsUrl()), now);
			return;
		}
		log.info("Team workspace {} placed at link {} in {}", workspace.getId(), launch.resourceLinkId(),
				member.context().contextId());
		// whoever took part in a cycle closed before the link was first launched gets
		// their score in its column too
		List<CourseCompletion.Placement> placed = List.of(new CourseCompletion.Placement(launch.resourceLinkId(),
				cut(launch.lineItemUrl()), cut(launch.lineItemsUrl())));
		placements.latestTaken(workspace.getId())
			.forEach(t -> publish(workspace, t.cycle(), t.number(), t.userRef(), placed, t.closedAt(), t.met()));
	}

	/**
	 * The closed cycle's completion for each member who took part, to every link the
	 * workspace is placed at.
	 */
	public void cycleClosed(Workspace workspace, long cycle, int number, Instant closedAt, boolean met,
			List<Long> participants) {
		List<CourseCompletion.Placement> placed = placements.placements(workspace.getId());
		if (placed.isEmpty()) {
			return;
		}
		for (long userRef : participants) {
			publish(workspace, cycle, number, userRef, placed, closedAt, met);
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
