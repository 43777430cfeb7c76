package org.coachroom.pd.tracking;

import java.time.ZoneId;

import org.coachroom.shared.DistrictClock;
import org.coachroom.shared.PdCreditEarned;
import org.coachroom.shared.PdCreditWithdrawn;
import org.coachroom.shared.Text;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hours another module says a person earned (a coaching cycle closed with their
 * reflection) become PD credit, as a study group's do; taken back when it says so. Either
 * event may be handled first: the later fact wins (see {@link Credits#completed}).
 */
@Component
class EarnedCredits {

	private final Credits credits;

	private final ZoneId zone;

	EarnedCredits(Credits credits, DistrictClock district) {
		this.credits = credits;
		this.zone = district.zone();
	}

	@ApplicationModuleListener
	void on(PdCreditEarned earned) {
		if (earned.hours() == null || earned.hours().signum() <= 0) {
			return;
		}
		credits.completed(earned.tenantId(), earned.userRef(), earned.source(), earned.sourceId(),
				cut(earned.title(), 300), earned.hours(), cut(earned.unit(), 40),
				earned.earnedAt().atZone(zone).toLocalDate(), earned.earnedAt());
	}

	@ApplicationModuleListener
	void on(PdCreditWithdrawn withdrawn) {
		credits.withdrawCredit(withdrawn.tenantId(), withdrawn.userRef(), withdrawn.source(), withdrawn.sourceId(),
				cut(withdrawn.title(), 300), withdrawn.withdrawnAt().atZone(zone).toLocalDate(),
				withdrawn.withdrawnAt(), withdrawn.by());
	}

	private static String cut(String s, int max) {
		return s == null ? "" : Text.cut(s, max);
	}

}
