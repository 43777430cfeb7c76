package org.coachroom.studygroup.session;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.Member;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.NotInCourseException;
import org.coachroom.studygroup.SessionNotStartedException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.completion.Completions;
import org.coachroom.studygroup.group.GroupAccess;
import org.coachroom.studygroup.membership.GroupMembers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's sessions: planning, replanning, cancelling, and the attendance taken at each.
 */
@Service
public class SessionPlanning {

	private final GroupAccess access;

	private final GroupSessions sessions;

	private final GroupMembers members;

	private final Completions completions;

	private final Clock clock;

	SessionPlanning(GroupAccess access, GroupSessions sessions, GroupMembers members, Completions completions,
			Clock clock) {
		this.access = access;
		this.sessions = sessions;
		this.members = members;
		this.completions = completions;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<GroupSession> session(Member viewer, long groupId, long sessionId, Access needed) {
		return access.visible(viewer, groupId, needed)
			.flatMap(g -> sessions.findById(sessionId))
			.filter(s -> s.getStudyGroup() == groupId);
	}

	@Transactional
	public GroupSession planSession(Member coach, long groupId, GroupSession.Plan plan) {
		StudyGroup group = access.requireManageable(coach, groupId);
		return sessions.save(GroupSession.plan(group, plan));
	}

	@Transactional
	public void replanSession(Member coach, long groupId, long sessionId, GroupSession.Plan plan) {
		access.requireManageable(coach, groupId);
		GroupSession session = ownSession(groupId, sessionId);
		session.replan(plan);
		sessions.save(session);
	}

	@Transactional
	public void cancelSession(Member coach, long groupId, long sessionId, boolean cancelled) {
		StudyGroup group = access.requireManageable(coach, groupId);
		GroupSession session = ownSession(groupId, sessionId);
		if (cancelled) {
			session.cancel();
		}
		else {
			session.reinstate();
		}
		sessions.save(session);
		completions.completeWhoFinished(group);
	}

	/**
	 * Records attendance for one session; members not in the map are left as they were.
	 */
	@Transactional
	public void recordAttendance(Member coach, long groupId, long sessionId, Map<Long, AttendanceStatus> marks) {
		recordAttendance(coach, groupId, sessionId, marks, false);
	}

	/**
	 * Records the marks given and, when {@code restPresent}, marks every member still
	 * without a mark (who has not left the course) as present: "mark all present".
	 */
	@Transactional
	public void recordAttendance(Member coach, long groupId, long sessionId, Map<Long, AttendanceStatus> marks,
			boolean restPresent) {
		StudyGroup group = access.requireManageable(coach, groupId);
		GroupSession session = ownSession(groupId, sessionId);
		if (session.isCancelled()) {
			throw new NotInCourseException(0);
		}
		// attendance opens when the session starts: a mark ahead of it would count as
		// held, and complete someone
		if (!session.isOverAt(clock.instant())) {
			throw new SessionNotStartedException(sessionId);
		}
		Set<Long> roster = new HashSet<>();
		members.findByGroup(groupId).forEach(m -> roster.add(m.getUserRef()));
		Instant now = clock.instant();
		marks.forEach((userRef, status) -> {
			if (!roster.contains(userRef)) {
				throw new NotInCourseException(userRef);
			}
			session.record(userRef, status, coach.userId(), now);
		});
		if (restPresent) {
			Map<Long, AttendanceStatus> recorded = session.attendanceByMember();
			members.findByGroup(groupId)
				.stream()
				.filter(m -> !m.hasLeftCourse() && recorded.get(m.getUserRef()) == null)
				.forEach(m -> session.record(m.getUserRef(), AttendanceStatus.PRESENT, coach.userId(), now));
		}
		sessions.save(session);
		completions.completeWhoFinished(group);
	}

	/** A session of this group, or a not-found refusal. */
	public GroupSession ownSession(long groupId, long sessionId) {
		return sessions.findById(sessionId)
			.filter(s -> s.getStudyGroup() == groupId)
			.orElseThrow(() -> new GroupNotFoundException(groupId));
	}

}
