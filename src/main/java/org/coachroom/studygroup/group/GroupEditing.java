package org.coachroom.studygroup.group;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.NotInCourseException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.completion.Completions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's own details: creating, revising, its rule, its facilitators, archiving and
 * copying for a new cohort.
 */
@Service
public class GroupEditing {

	private final StudyGroups groups;

	private final GroupAccess access;

	private final Completions completions;

	private final People people;

	private final Clock clock;

	GroupEditing(StudyGroups groups, GroupAccess access, Completions completions, People people, Clock clock) {
		this.groups = groups;
		this.access = access;
		this.completions = completions;
		this.people = people;
		this.clock = clock;
	}

	@Transactional
	public StudyGroup create(Member coach, StudyGroup.Details details, CompletionRule rule) {
		return create(coach, details, rule, null);
	}

	/**
	 * Creates a group from a form carrying a one-time token: the same form posted again
	 * (a double click, a resent request) gives back the group it already made.
	 */
	@Transactional
	public StudyGroup create(Member coach, StudyGroup.Details details, CompletionRule rule, String formToken) {
		if (!access.canCreate(coach)) {
			throw new GroupNotFoundException(0);
		}
		if (formToken != null) {
			var made = createdByForm(coach, formToken);
			if (made.isPresent()) {
				return made.get();
			}
		}
		return groups.save(StudyGroup
			.start(coach.tenant().value(), coach.context().id(), coach.userId(), details, rule, clock.instant())
			.createdByForm(formToken));
	}

	/** The group this coach already made with that form, if any. */
	@Transactional(readOnly = true)
	public Optional<StudyGroup> createdByForm(Member coach, String formToken) {
		return formToken == null ? Optional.empty()
				: groups.findCreatedByForm(coach.tenant().value(), coach.userId(), formToken);
	}

	@Transactional
	public void revise(Member coach, long groupId, StudyGroup.Details details) {
		StudyGroup group = access.requireManageable(coach, groupId);
		group.revise(details, clock.instant());
		groups.save(group);
	}

	@Transactional
	public void changeRule(Member coach, long groupId, CompletionRule rule) {
		StudyGroup group = access.requireManageable(coach, groupId);
		group.changeRule(rule, clock.instant());
		groups.save(group);
		completions.completeWhoFinished(group);
	}

	/** Coaches of the group's course who could co-facilitate it. */
	@Transactional(readOnly = true)
	public List<People.CourseMember> possibleFacilitators(Member coach, long groupId) {
		StudyGroup group = access.require(coach, groupId, Access.MANAGER);
		return people.inCourse(coach.tenant(), group.getHomeContextRef())
			.stream()
			.filter(c -> GroupAccess.courseCoach(CoachroomRole.of(c.roles()))
					&& !group.isFacilitatedBy(c.person().userRef()))
			.toList();
	}

	/** A coach of the group's course becomes a co-facilitator. */
	@Transactional
	public void addFacilitator(Member coach, long groupId, long userRef) {
		StudyGroup group = access.requireManageable(coach, groupId);
		Set<CoachroomRole> roles = CoachroomRole
			.of(people.rolesInCourse(coach.tenant(), group.getHomeContextRef(), userRef));
		if (!GroupAccess.courseCoach(roles)) {
			throw new NotInCourseException(userRef);
		}
		group.addFacilitator(userRef, clock.instant());
		groups.save(group);
	}

	/**
	 * A co-facilitator steps down (or is taken off); a group always keeps at least one
	 * facilitator.
	 */
	@Transactional
	public void removeFacilitator(Member coach, long groupId, long userRef) {
		StudyGroup group = access.requireManageable(coach, groupId);
		if (!group.removeFacilitator(userRef, clock.instant())) {
			throw new NotInCourseException(userRef);
		}
		groups.save(group);
	}

	@Transactional
	public void archive(Member coach, long groupId) {
		StudyGroup group = access.requireManageable(coach, groupId);
		group.archive(clock.instant());
		groups.save(group);
	}

	/** An archived group back in use: its coach archived it by mistake. */
	@Transactional
	public void restore(Member coach, long groupId) {
		StudyGroup group = access.require(coach, groupId, Access.MANAGER);
		group.restore(clock.instant());
		groups.save(group);
	}

	@Transactional
	public StudyGroup copy(Member coach, long groupId, String newTitle) {
		StudyGroup group = access.require(coach, groupId, Access.MANAGER);
		return groups.save(group.copyForNewCohort(newTitle, coach.userId(), clock.instant()));
	}

}
