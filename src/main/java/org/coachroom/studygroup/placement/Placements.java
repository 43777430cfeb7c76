package org.coachroom.studygroup.placement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.Member;
import org.coachroom.shared.CourseCompletion;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.GroupSummary;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.studygroup.completion.Completions;
import org.coachroom.studygroup.group.GroupAccess;
import org.coachroom.studygroup.group.GroupPages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A study group placed in LMS courses: which groups a coach may place, the deep linking
 * item that places one, and the launches of placed links, remembered so completions reach
 * their columns.
 */
@Service
public class Placements {

	private final GroupAccess access;

	private final GroupPages pages;

	private final GroupPlacementQueries placements;

	private final Completions completions;

	private final Clock clock;

	Placements(GroupAccess access, GroupPages pages, GroupPlacementQueries placements, Completions completions,
			Clock clock) {
		this.access = access;
		this.pages = pages;
		this.placements = placements;
		this.completions = completions;
		this.clock = clock;
	}

	/** Groups a coach may place in the course they are selecting content for. */
	@Transactional(readOnly = true)
	public List<GroupSummary> placeable(Member coach) {
		if (coach.context() == null) {
			return List.of();
		}
		// a link carries its completions to the course it is placed in: only groups of
		// that course
		return pages.overview(coach)
			.managed()
			.stream()
			.filter(g -> !g.archived())
			.filter(g -> g.homeContextRef() == coach.context().id())
			.toList();
	}

	/**
	 * The deep linking content item for a group: a link to the group's page with a
	 * gradebook column (score out of 100; a completion scores 100), so each placement has
	 * its own column.
	 */
	@Transactional(readOnly = true)
	public DeepLinking.ResourceLink contentItem(Member coach, long groupId) {
		StudyGroup group = access.requireManageable(coach, groupId);
		if (coach.context() == null || coach.context().id() != group.getHomeContextRef()) {
			throw new GroupNotFoundException(groupId);
		}
		String text = group.getPurpose() != null && group.getPurpose().length() > 1000
				? group.getPurpose().substring(0, 1000) : group.getPurpose();
		// Moodle launches every link at the tool's launch URL: the custom parameters name
		// the page to open.
		return new DeepLinking.ResourceLink(group.getTitle(), text, null,
				Map.of(StudyGroupManagement.PLACEMENT_PARAMETER, Long.toString(group.getId()),
						DeepLinking.PAGE_PARAMETER, "/groups/" + group.getId()),
				new DeepLinking.LineItem(new BigDecimal(100), group.getTitle(), "study-group-" + group.getId(),
						"coachroom-study-group"));
	}

	/**
	 * Remembers that a launch of an LMS resource link opened this group, with the link's
	 * gradebook line item, so completions reach that column. Only a link in the group's
	 * own course, or one a manager of the group launched, counts: an edited link in
	 * another course does not.
	 */
	@Transactional
	public void recordPlacement(Member viewer, StudyGroup group) {
		var launch = viewer.launch();
		if (launch == null || launch.resourceLinkId() == null || launch.isDeepLinking()) {
			return;
		}
		boolean inHomeCourse = viewer.context() != null && viewer.context().id() == group.getHomeContextRef();
		if (!inHomeCourse && access.accessOf(viewer, group) != Access.MANAGER) {
			return;
		}
		Instant now = clock.instant();
		boolean known = placements.known(group.getId(), launch.resourceLinkId());
		CourseCompletion.Placement link = new CourseCompletion.Placement(launch.resourceLinkId(),
				cut(launch.lineItemUrl(), 2000), cut(launch.lineItemsUrl(), 2000));
		placements.launched(group.getId(), link, viewer.context() == null ? null : viewer.context().id(),
				viewer.userId(), now);
		if (!known) {
			// members who finished before the link was first launched get their score in
			// its column too
			completions.sendEarlierCompletions(group, link);
		}
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : null;
	}

}
