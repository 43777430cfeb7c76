package org.coachroom.studygroup.membership;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.studygroup.NotInCourseException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.group.GroupAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a group: added by a facilitator from the course, or joining an open group
 * themselves.
 */
@Service
public class Membership {

	private final GroupAccess access;

	private final GroupMembers members;

	private final People people;

	private final Clock clock;

	Membership(GroupAccess access, GroupMembers members, People people, Clock clock) {
		this.access = access;
		this.members = members;
		this.people = people;
		this.clock = clock;
	}

	/** People of the group's course who are not members yet. */
	@Transactional(readOnly = true)
	public List<People.CourseMember> candidates(Member viewer, long groupId) {
		StudyGroup group = access.require(viewer, groupId, Access.MANAGER);
		Set<Long> already = new HashSet<>();
		members.findByGroup(groupId).forEach(m -> already.add(m.getUserRef()));
		return people.inCourse(viewer.tenant(), group.getHomeContextRef())
			.stream()
			.filter(c -> !already.contains(c.person().userRef()))
			.filter(c -> GroupAccess.mayBeMember(CoachroomRole.of(c.roles())))
			.toList();
	}

	/**
	 * Adds people of the group's course; anyone else (another course, another tenant) is
	 * refused.
	 */
	@Transactional
	public int addMembers(Member coach, long groupId, List<Long> userRefs) {
		StudyGroup group = access.requireManageable(coach, groupId);
		Map<Long, People.CourseMember> inCourse = new HashMap<>();
		people.inCourse(coach.tenant(), group.getHomeContextRef()).forEach(c -> inCourse.put(c.person().userRef(), c));
		int added = 0;
		for (Long userRef : new HashSet<>(userRefs)) {
			People.CourseMember person = inCourse.get(userRef);
			// a principal or HR is of no study group (coaching is non-evaluative):
			// refused like a stranger
			if (person == null || !GroupAccess.mayBeMember(CoachroomRole.of(person.roles()))) {
				throw new NotInCourseException(userRef);
			}
			if (members.findMember(groupId, userRef).isEmpty()) {
				members.save(GroupMember.join(group, userRef, GroupMember.Source.MANUAL,
						lmsRole(CoachroomRole.of(person.roles())), clock.instant()));
				added++;
			}
		}
		return added;
	}

	// no transaction around it: the insert is one statement, and a duplicate caught
	// inside a transaction
	// would have marked it for rollback (a double click answered with a 500 instead of
	// being ignored)
	public void join(Member teacher, long groupId) {
		StudyGroup group = access.require(teacher, groupId, Access.OPEN_TO_JOIN);
		if (access.accessOf(teacher, group) != Access.OPEN_TO_JOIN) {
			return;
		}
		try {
			members.save(GroupMember.join(group, teacher.userId(), GroupMember.Source.JOINED,
					lmsRole(CoachroomRole.of(teacher)), clock.instant()));
		}
		catch (DuplicateKeyException doubleClick) {
			// joined by the same person's other request a moment ago
		}
	}

	private static String lmsRole(Set<CoachroomRole> roles) {
		return roles.contains(CoachroomRole.COACH) ? "INSTRUCTOR" : "LEARNER";
	}

}
