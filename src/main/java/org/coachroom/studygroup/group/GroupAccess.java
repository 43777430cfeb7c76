package org.coachroom.studygroup.group;

import java.util.Optional;
import java.util.Set;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.studygroup.GroupArchivedException;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.membership.GroupMembers;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a study group, the one policy every part of the module
 * asks: facilitators and the course's coaches manage a group; members take part; people
 * in the group's course see open groups and may join them; everyone else learns nothing
 * of a group, not even that it exists.
 */
@Component
public class GroupAccess {

	private final StudyGroups groups;

	private final GroupMembers members;

	private final People people;

	GroupAccess(StudyGroups groups, GroupMembers members, People people) {
		this.groups = groups;
		this.members = members;
		this.people = people;
	}

	public Access accessOf(Member viewer, StudyGroup group) {
		if (group.getTenantId() != viewer.tenant().value()) {
			return Access.NONE;
		}
		if (!evaluative(viewer)
				&& (group.isFacilitatedBy(viewer.userId()) || coachOfCourse(viewer, group.getHomeContextRef()))) {
			return Access.MANAGER;
		}
		// whoever holds a principal's or HR role, in this launch or in the group's
		// course, is of no group:
		// not even one they were added to before that rule held
		if (evaluative(viewer) || !launchedFrom(viewer, group.getHomeContextRef()) && !mayBeMember(
				CoachroomRole.of(people.rolesInCourse(viewer.tenant(), group.getHomeContextRef(), viewer.userId())))) {
			return Access.NONE;
		}
		if (group.getId() != null && members.findMember(group.getId(), viewer.userId()).isPresent()) {
			return Access.MEMBER;
		}
		if (group.isOpen() && inCourse(viewer, group.getHomeContextRef())) {
			return Access.OPEN_TO_JOIN;
		}
		return Access.NONE;
	}

	/**
	 * Coaching is non-evaluative: whoever holds a principal's or HR's role (even beside a
	 * coach's, as a custom role adds it) never manages a group, so never reads its
	 * reflections or attendance.
	 */
	public static boolean evaluative(Member viewer) {
		return CoachingPrivacy.evaluative(viewer);
	}

	/**
	 * Course roles that allow membership: anything but a principal's or HR's, as in team
	 * workspaces (members see sessions, files and attendance, and reflect; coaching is
	 * non-evaluative).
	 */
	public static boolean mayBeMember(Set<CoachroomRole> roles) {
		return !CoachingPrivacy.evaluative(roles);
	}

	/**
	 * Course roles that make someone a possible facilitator: a coach's, with no
	 * principal's or HR's beside it.
	 */
	public static boolean courseCoach(Set<CoachroomRole> roles) {
		return CoachingPrivacy.coaches(roles);
	}

	/**
	 * A coach of the group's course, by the launch they are signed in with: roles
	 * remembered from earlier launches are not trusted for managing, so a coach who left
	 * the course or changed role loses it at their next launch.
	 */
	private static boolean coachOfCourse(Member viewer, long contextRef) {
		return viewer.context() != null && viewer.context().id() == contextRef && viewer.hasRole(CoachroomRole.COACH);
	}

	/**
	 * Whether the viewer's launch is from that course (its roles are the viewer's,
	 * already checked).
	 */
	private static boolean launchedFrom(Member viewer, long contextRef) {
		return viewer.context() != null && viewer.context().id() == contextRef;
	}

	private boolean inCourse(Member viewer, long contextRef) {
		if (viewer.context() != null && viewer.context().id() == contextRef) {
			return true;
		}
		return !people.rolesInCourse(viewer.tenant(), contextRef, viewer.userId()).isEmpty();
	}

	/** A coach creates groups in the course they launched from. */
	public boolean canCreate(Member viewer) {
		return viewer.context() != null && viewer.hasRole(CoachroomRole.COACH) && !evaluative(viewer);
	}

	/**
	 * The group, if the viewer may at least see it; otherwise nothing, as if it did not
	 * exist.
	 */
	public Optional<StudyGroup> visible(Member viewer, long groupId, Access needed) {
		return groups.findInTenant(viewer.tenant().value(), groupId).filter(g -> accessOf(viewer, g).atLeast(needed));
	}

	/** The group, or a not-found refusal when the viewer may not do this much with it. */
	public StudyGroup require(Member viewer, long groupId, Access needed) {
		return visible(viewer, groupId, needed).orElseThrow(() -> new GroupNotFoundException(groupId));
	}

	/**
	 * A group the viewer manages and that is not archived: the condition of every change.
	 */
	public StudyGroup requireManageable(Member viewer, long groupId) {
		StudyGroup group = require(viewer, groupId, Access.MANAGER);
		if (group.isArchived()) {
			throw new GroupArchivedException(groupId);
		}
		return group;
	}

}
