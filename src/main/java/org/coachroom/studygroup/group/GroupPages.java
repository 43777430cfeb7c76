package org.coachroom.studygroup.group;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.studygroup.GroupSummary;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.StudyGroupManagement.GroupPage;
import org.coachroom.studygroup.StudyGroupManagement.MemberProgress;
import org.coachroom.studygroup.StudyGroupManagement.Overview;
import org.coachroom.studygroup.completion.Progress;
import org.coachroom.studygroup.membership.GroupMembers;
import org.coachroom.studygroup.reflection.Reflection;
import org.coachroom.studygroup.reflection.Reflections;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.studygroup.session.GroupSessions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The study group pages' read models: a person's list of groups, and one group cut to
 * what the viewer may see.
 */
@Service
public class GroupPages {

	private final GroupAccess access;

	private final GroupListQueries lists;

	private final GroupSessions sessions;

	private final GroupMembers members;

	private final Reflections reflections;

	private final Progress progress;

	private final People people;

	private final Clock clock;

	GroupPages(GroupAccess access, GroupListQueries lists, GroupSessions sessions, GroupMembers members,
			Reflections reflections, Progress progress, People people, Clock clock) {
		this.access = access;
		this.lists = lists;
		this.sessions = sessions;
		this.members = members;
		this.reflections = reflections;
		this.progress = progress;
		this.people = people;
		this.clock = clock;
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Overview overview(Member viewer) {
		if (GroupAccess.evaluative(viewer)) {
			// a principal or HR opens no group (every page of one is a 404 to them), so
			// none is listed to them, not even by its title
			return new Overview(true, false, List.of(), List.of(), List.of());
		}
		GroupListQueries.PersonLists mine = lists.ofPerson(viewer.tenant().value(),
				viewer.context() == null ? null : viewer.context().id(), viewer.userId());
		List<GroupSummary> inCourse = mine.inCourse();
		Map<Long, GroupSummary> managed = new LinkedHashMap<>();
		if (viewer.context() != null && viewer.hasRole(CoachroomRole.COACH)) {
			inCourse.forEach(g -> managed.put(g.id(), g));
		}
		mine.facilitated().forEach(g -> managed.putIfAbsent(g.id(), g));
		List<GroupSummary> joined = mine.joined().stream().filter(g -> !managed.containsKey(g.id())).toList();
		Set<Long> seen = new HashSet<>(managed.keySet());
		joined.forEach(g -> seen.add(g.id()));
		List<GroupSummary> open = inCourse.stream()
			.filter(GroupSummary::open)
			.filter(g -> !seen.contains(g.id()))
			.toList();
		return new Overview(false, access.canCreate(viewer), List.copyOf(managed.values()), joined, open);
	}

	@Transactional(readOnly = true)
	public Optional<GroupPage> page(Member viewer, long groupId) {
		Optional<StudyGroup> found = access.visible(viewer, groupId, Access.OPEN_TO_JOIN);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		StudyGroup group = found.get();
		Access level = access.accessOf(viewer, group);
		Instant now = clock.instant();
		List<GroupSession> planned = sessions.findByGroup(groupId);
		GroupSession next = planned.stream()
			.filter(s -> !s.isCancelled() && s.getEndsAt().isAfter(now))
			.findFirst()
			.orElse(null);
		Map<Long, People.Person> facilitators = people.people(viewer.tenant(), group.facilitatorRefs());
		List<MemberProgress> rows = List.of();
		MemberProgress mine = null;
		List<Reflection> myReflections = List.of();
		if (level.atLeast(Access.MEMBER)) {
			List<MemberProgress> all = progress.of(group, planned, members.findByGroup(groupId), viewer.tenant(), now);
			if (level == Access.MANAGER) {
				rows = all;
			}
			mine = all.stream().filter(p -> p.membership().getUserRef() == viewer.userId()).findFirst().orElse(null);
			if (mine != null) {
				myReflections = reflections.findByMember(groupId, viewer.userId());
			}
		}
		return Optional.of(new GroupPage(group, level, planned, next, rows, mine, myReflections, facilitators));
	}

}
