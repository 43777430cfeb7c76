package org.coachroom.coaching.cycle;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/** A change the cycle's state does not allow (it is closed, say): a 409 that says why. */
public class CoachingChangeRefusedException extends Refusal {

	CoachingChangeRefusedException(Long cycle, String reasonKey, Object... args) {
		super(HttpStatus.CONFLICT, "Coaching cycle " + cycle + " refused a change: " + reasonKey,
				"coaching.cycle.refused.title", reasonKey,
				new Back("/coaching/cycles/" + cycle, "coaching.back-to-cycle"), args);
	}

}
