package org.coachroom.studygroup.completion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachroom.lti.People;
import org.coachroom.shared.TenantId;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.MemberProgress;
import org.coachroom.studygroup.membership.GroupMember;
import org.coachroom.studygroup.reflection.Reflections;
import org.coachroom.studygroup.session.AttendanceStatus;
import org.coachroom.studygroup.session.GroupSession;
import org.springframework.stereotype.Component;

/**
 * How far each member is with the group's completion rule: what the group page shows and
 * completion acts on.
 */
@Component
public class Progress {

	private final Reflections reflections;

	private final People people;

	Progress(Reflections reflections, People people) {
		this.reflections = reflections;
		this.people = people;
	}

	/** Every member's row, by name. */
	public List<MemberProgress> of(StudyGroup group, List<GroupSession> planned, List<GroupMember> roster,
			TenantId tenant, Instant now) {
		List<CompletionRule.SessionFact> facts = planned.stream().map(s -> s.factAt(now)).toList();
		Map<Long, Map<Long, AttendanceStatus>> attendance = attendanceByMember(planned);
		Set<Long> finals = new HashSet<>(reflections.findFinalReflectionAuthors(group.getId()));
		int active = (int) roster.stream().filter(m -> !m.hasLeftCourse()).count();
		Map<Long, People.Person> names = people.people(tenant, roster.stream().map(GroupMember::getUserRef).toList());
		List<MemberProgress> rows = new ArrayList<>();
		for (GroupMember m : roster) {
			CompletionRule.Progress progress = group.getRule()
				.progressOf(facts, attendance.getOrDefault(m.getUserRef(), Map.of()), finals.contains(m.getUserRef()),
						active);
			rows.add(new MemberProgress(m, names.get(m.getUserRef()), progress, finals.contains(m.getUserRef())));
		}
		rows.sort(Comparator.comparing((MemberProgress r) -> r.person() == null ? "" : r.person().displayName(),
				String.CASE_INSENSITIVE_ORDER));
		return rows;
	}

	private static Map<Long, Map<Long, AttendanceStatus>> attendanceByMember(List<GroupSession> planned) {
		Map<Long, Map<Long, AttendanceStatus>> byMember = new HashMap<>();
		for (GroupSession s : planned) {
			s.attendanceByMember()
				.forEach((user, status) -> byMember.computeIfAbsent(user, u -> new HashMap<>()).put(s.getId(), status));
		}
		return byMember;
	}

}
