package org.coachroom.studygroup.completion;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.shared.CourseCompletion;
import org.coachroom.shared.TenantId;
import org.coachroom.studygroup.NotInCourseException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupCompleted;
import org.coachroom.studygroup.StudyGroupCompletionWithdrawn;
import org.coachroom.studygroup.StudyGroupManagement.MemberProgress;
import org.coachroom.studygroup.group.GroupAccess;
import org.coachroom.studygroup.membership.GroupMember;
import org.coachroom.studygroup.membership.GroupMembers;
import org.coachroom.studygroup.placement.GroupPlacementQueries;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.studygroup.session.GroupSessions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' completions: by the rule after each change that may finish someone, by a
 * facilitator's hand, and taken back. Each publishes its event in the transaction that
 * records it, for the gradebook and PD credit.
 */
@Service
public class Completions {

	private final GroupAccess access;

	private final GroupSessions sessions;

	private final GroupMembers members;

	private final Progress progress;

	private final GroupPlacementQueries placements;

	private final People people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Completions(GroupAccess access, GroupSessions sessions, GroupMembers members, Progress progress,
			GroupPlacementQueries placements, People people, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.sessions = sessions;
		this.members = members;
		this.progress = progress;
		this.placements = placements;
		this.people = people;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void completeByHand(Member coach, long groupId, long userRef, String reason) {
		StudyGroup group = access.requireManageable(coach, groupId);
		GroupMember member = members.findMember(groupId, userRef).orElseThrow(() -> new NotInCourseException(userRef));
		Instant now = clock.instant();
		BigDecimal credit = group.getRule().creditFor(group.getCreditHours());
		if (member.completeByHand(coach.userId(), reason, credit, now)) {
			members.save(member);
			publishCompletion(group, member, true);
		}
	}

	/** Takes back a member's completion; the gradebook clears the score it sent. */
	@Transactional
	public void withdrawCompletion(Member coach, long groupId, long userRef, String reason) {
		StudyGroup group = access.requireManageable(coach, groupId);
		GroupMember member = members.findMember(groupId, userRef).orElseThrow(() -> new NotInCourseException(userRef));
		Instant now = clock.instant();
		if (member.withdrawCompletion(coach.userId(), reason, now)) {
			members.save(member);
			events.publishEvent(new StudyGroupCompletionWithdrawn(group.getTenantId(), group.getId(), group.getTitle(),
					member.getUserRef(), subjectOf(group, member), placements.of(group.getId()), now, coach.userId(),
					reason));
		}
	}

	/**
	 * Marks complete every member who now meets the rule, publishing
	 * {@link StudyGroupCompleted} for each in the same transaction (the event registry
	 * keeps it until its listeners are done). Members already complete stay complete when
	 * the rule or attendance changes later.
	 */
	public void completeWhoFinished(StudyGroup group) {
		Instant now = clock.instant();
		List<GroupSession> planned = sessions.findByGroup(group.getId());
		List<GroupMember> roster = members.findByGroup(group.getId());
		BigDecimal credit = group.getRule().creditFor(group.getCreditHours());
		for (MemberProgress row : progress.of(group, planned, roster, new TenantId(group.getTenantId()), now)) {
			GroupMember member = row.membership();
			if (row.progress().complete() && member.completeByRule(credit, now)) {
				members.save(member);
				publishCompletion(group, member, false);
			}
		}
	}

	/**
	 * Members who finished before a link was first launched get their score in its column
	 * too.
	 */
	public void sendEarlierCompletions(StudyGroup group, CourseCompletion.Placement placement) {
		for (GroupMember member : members.findByGroup(group.getId())) {
			if (member.isComplete()) {
				events.publishEvent(new StudyGroupCompleted(group.getTenantId(), group.getId(), group.getTitle(),
						member.getUserRef(), subjectOf(group, member), List.of(placement), member.getCreditHours(),
						group.getCreditUnit(), member.getCompletedAt(), member.getCompletedBy() != null));
			}
		}
	}

	private void publishCompletion(StudyGroup group, GroupMember member, boolean byHand) {
		events.publishEvent(new StudyGroupCompleted(group.getTenantId(), group.getId(), group.getTitle(),
				member.getUserRef(), subjectOf(group, member), placements.of(group.getId()), member.getCreditHours(),
				group.getCreditUnit(), member.getCompletedAt(), byHand));
	}

	private String subjectOf(StudyGroup group, GroupMember member) {
		return people.person(new TenantId(group.getTenantId()), member.getUserRef())
			.map(People.Person::subject)
			.orElse(null);
	}

}
