package org.coachroom.access;

import java.util.Set;
import java.util.stream.Collectors;

import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.springframework.stereotype.Component;

/**
 * The people a coach supports: the teachers and coaches recorded in the course the coach
 * launched from now, when this launch gives the coach's role there (and no principal's or
 * HR role beside it). A course's principals, HR and district admins are no one's to
 * support. As for study groups, rights come from the current launch, never from a course
 * role an earlier launch once recorded.
 */
@Component
public class SupportedByCoach {

	private final People people;

	SupportedByCoach(People people) {
		this.people = people;
	}

	public Set<Long> of(Member coach) {
		if (coach.context() == null || !CoachingPrivacy.coaches(coach)) {
			return Set.of();
		}
		return people.inCourse(coach.tenant(), coach.context().id())
			.stream()
			.filter(m -> m.person().userRef() != coach.userId())
			.filter(m -> supportable(CoachroomRole.of(m.roles())))
			.map(m -> m.person().userRef())
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Whether someone with these course roles is a coach's to support: a teacher or coach
	 * with no evaluative or admin role beside it.
	 */
	static boolean supportable(Set<CoachroomRole> roles) {
		return (roles.contains(CoachroomRole.TEACHER) || roles.contains(CoachroomRole.COACH))
				&& !CoachingPrivacy.evaluative(roles) && !roles.contains(CoachroomRole.DISTRICT_ADMIN);
	}

}
