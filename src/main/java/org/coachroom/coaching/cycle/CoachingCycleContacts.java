package org.coachroom.coaching.cycle;

import java.time.LocalDate;
import java.util.List;

import org.coachroom.coaching.pair.SupportType;

/**
 * The contacts logged in a cycle, for its page: the log keeps them, the cycle shows them
 * (implemented in {@code coaching.log}, so that the cycle does not depend on the log).
 */
public interface CoachingCycleContacts {

	/**
	 * A contact as the cycle page lists it; the note is the coach's and only for them.
	 */
	record ContactLine(long id, LocalDate heldOn, SupportType support, int minutes, String note) {
	}

	List<ContactLine> of(CoachingCycle cycle);

}
