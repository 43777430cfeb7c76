package org.coachroom.coaching.pair;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.access.SupportedByCoach;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what in coaching, the one place the module asks. A coach (a coach's role and
 * no principal's or HR role beside it) keeps a log and opens cycles with the teachers
 * they support; a cycle is seen by its coach and its teacher only; to anyone else it does
 * not exist.
 */
@Component
public class CoachingAccess {

	private final SupportedByCoach supportedByCoach;

	private final People people;

	CoachingAccess(SupportedByCoach supportedByCoach, People people) {
		this.supportedByCoach = supportedByCoach;
		this.people = people;
	}

	/** A teacher the coach may coach, by name. */
	public record Coachable(long userRef, String name) {
	}

	public boolean coaches(Member member) {
		return CoachingPrivacy.coaches(member);
	}

	/**
	 * Refuses, as a page that does not exist, anyone who is not coaching in this launch.
	 */
	public void requireCoach(Member member) {
		if (!coaches(member)) {
			throw new CoachingNotFoundException("coaching log", "coaching.not-found.log");
		}
	}

	/**
	 * The teachers (and fellow coaches) this coach supports in the course launched from,
	 * by name.
	 */
	public List<Coachable> coachable(Member coach) {
		Set<Long> refs = supportedByCoach.of(coach);
		return people.people(coach.tenant(), refs)
			.values()
			.stream()
			.map(p -> new Coachable(p.userRef(), p.displayName()))
			.sorted(Comparator.comparing(Coachable::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** Whether the coach supports this person now: whom a cycle or a contact may name. */
	public boolean supports(Member coach, long userRef) {
		return supportedByCoach.of(coach).contains(userRef);
	}

	/**
	 * What coaching holds about a person does not exist for anyone else: a 404 that says
	 * nothing more.
	 */
	public static class CoachingNotFoundException extends Refusal {

		public CoachingNotFoundException(String what, String reasonKey) {
			super(HttpStatus.NOT_FOUND, "No " + what + " for this person", "coaching.not-found.title", reasonKey,
					Back.HOME);
		}

	}

}
