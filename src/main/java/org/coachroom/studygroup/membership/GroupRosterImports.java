package org.coachroom.studygroup.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.lti.Rosters;
import org.coachroom.lti.ServiceUnavailableException;
import org.coachroom.studygroup.RosterFromOtherCourseException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.group.GroupAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Bringing the LMS course roster (NRPS) into a group. */
@Service
public class GroupRosterImports {

	private final GroupAccess access;

	private final GroupMembers members;

	private final Rosters rosters;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final People people;

	GroupRosterImports(GroupAccess access, GroupMembers members, Rosters rosters, TransactionTemplate tx, Clock clock,
			People people) {
		this.people = people;
		this.access = access;
		this.members = members;
		this.rosters = rosters;
		this.tx = tx;
		this.clock = clock;
	}

	/** What a roster import changed. */
	public record RosterImport(int added, int alreadyMembers, int leftCourse, int returned) {
	}

	/**
	 * Brings the LMS course roster into the group: teachers (and instructors when asked)
	 * who are not members yet are added, nobody twice; members no longer active in the
	 * course are flagged as having left, never removed, and flagged members who are back
	 * lose the flag. The roster is read before the transaction opens: no database
	 * connection waits on the LMS.
	 * @throws ServiceUnavailableException when the roster cannot be read
	 */
	public RosterImport importRoster(Member coach, long groupId, boolean includeInstructors) {
		StudyGroup group = access.requireManageable(coach, groupId);
		if (coach.context() == null || coach.context().id() != group.getHomeContextRef()) {
			throw new RosterFromOtherCourseException(groupId);
		}
		List<Rosters.Entry> roster = rosters.courseRoster(coach);
		// the roster knows LMS roles only: whoever launched in the course as a principal
		// or HR stays out too
		Map<Long, Set<CoachroomRole>> launchedHere = new HashMap<>();
		people.inCourse(coach.tenant(), group.getHomeContextRef())
			.forEach(m -> launchedHere.put(m.person().userRef(), CoachroomRole.of(m.roles())));
		return tx.execute(status -> {
			Instant now = clock.instant();
			Map<Long, GroupMember> current = new HashMap<>();
			members.findByGroup(groupId).forEach(m -> current.put(m.getUserRef(), m));
			Set<Long> activeInCourse = new HashSet<>();
			int added = 0;
			int already = 0;
			int returned = 0;
			for (Rosters.Entry entry : roster) {
				if (!entry.active()) {
					continue;
				}
				long userRef = entry.person().userRef();
				activeInCourse.add(userRef);
				GroupMember existing = current.get(userRef);
				if (existing != null) {
					already++;
					if (existing.hasLeftCourse()) {
						existing.backInCourse();
						members.save(existing);
						returned++;
					}
					continue;
				}
				boolean teacher = entry.hasRole(CoachroomRole.TEACHER);
				boolean instructor = entry.hasRole(CoachroomRole.COACH);
				boolean evaluative = !GroupAccess.mayBeMember(CoachroomRole.of(entry.roles()))
						|| !GroupAccess.mayBeMember(launchedHere.getOrDefault(userRef, Set.of()));
				if (!evaluative && (teacher || (includeInstructors && instructor))) {
					members.save(GroupMember.join(group, userRef, GroupMember.Source.ROSTER,
							instructor ? "INSTRUCTOR" : "LEARNER", now));
					added++;
				}
			}
			int left = 0;
			for (GroupMember m : current.values()) {
				if (!activeInCourse.contains(m.getUserRef()) && !m.hasLeftCourse()) {
					m.leftCourse(now);
					members.save(m);
					left++;
				}
			}
			return new RosterImport(added, already, left, returned);
		});
	}

}
