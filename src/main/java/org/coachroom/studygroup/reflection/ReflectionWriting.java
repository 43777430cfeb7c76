package org.coachroom.studygroup.reflection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.coachroom.lti.Member;
import org.coachroom.studygroup.GroupArchivedException;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.completion.Completions;
import org.coachroom.studygroup.group.GroupAccess;
import org.coachroom.studygroup.membership.GroupMembers;
import org.coachroom.studygroup.session.SessionPlanning;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' reflections (after a session, or the final one) and their facilitators'
 * replies.
 */
@Service
public class ReflectionWriting {

	private final GroupAccess access;

	private final Reflections reflections;

	private final GroupMembers members;

	private final SessionPlanning sessions;

	private final Completions completions;

	private final Clock clock;

	ReflectionWriting(GroupAccess access, Reflections reflections, GroupMembers members, SessionPlanning sessions,
			Completions completions, Clock clock) {
		this.access = access;
		this.reflections = reflections;
		this.members = members;
		this.sessions = sessions;
		this.completions = completions;
		this.clock = clock;
	}

	/** Every member's reflections, for the group's facilitators. */
	@Transactional(readOnly = true)
	public List<Reflection> reflectionsFor(Member viewer, long groupId) {
		access.require(viewer, groupId, Access.MANAGER);
		return reflections.findByGroup(groupId);
	}

	@Transactional
	public void writeReflection(Member author, long groupId, Long sessionId, boolean finalReflection, String body) {
		StudyGroup group = access.require(author, groupId, Access.MEMBER);
		if (members.findMember(groupId, author.userId()).isEmpty()) {
			throw new GroupNotFoundException(groupId);
		}
		if (group.isArchived()) {
			throw new GroupArchivedException(groupId);
		}
		if (sessionId != null) {
			sessions.ownSession(groupId, sessionId);
		}
		Long session = finalReflection ? null : sessionId;
		Instant now = clock.instant();
		Reflection reflection = reflections.findOne(groupId, author.userId(), finalReflection, session).map(r -> {
			r.rewrite(body, now);
			return r;
		}).orElseGet(() -> Reflection.write(group, session, author.userId(), finalReflection, body, now));
		reflections.save(reflection);
		if (finalReflection) {
			completions.completeWhoFinished(group);
		}
	}

	@Transactional
	public void reply(Member coach, long groupId, long reflectionId, String body) {
		access.requireManageable(coach, groupId);
		Reflection reflection = reflections.findById(reflectionId)
			.filter(r -> r.getStudyGroup() == groupId)
			.orElseThrow(() -> new GroupNotFoundException(groupId));
		reflection.reply(coach.userId(), body, clock.instant());
		reflections.save(reflection);
	}

}
