package org.coachroom.pd.tracking;

import java.time.ZoneId;

import org.coachroom.shared.DistrictClock;
import org.coachroom.shared.Text;
import org.coachroom.studygroup.StudyGroupCompleted;
import org.coachroom.studygroup.StudyGroupCompletionWithdrawn;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hours a completed study group earned become PD credit the member can count toward an
 * hours requirement; a withdrawn completion takes them back. Listens after the completion
 * commits, through Modulith's event registry, so a failure here is retried and never
 * undoes the completion. The two events may be handled in either order: each carries when
 * it happened, and the later fact wins (see {@link Credits#completed}).
 */
@Component
public class StudyGroupCredits {

	private final Credits credits;

	private final ZoneId zone;

	StudyGroupCredits(Credits credits, DistrictClock district) {
		this.credits = credits;
		this.zone = district.zone();
	}

	@ApplicationModuleListener
	void on(StudyGroupCompleted completion) {
		if (completion.creditHours() == null || completion.creditHours().signum() <= 0) {
			return;
		}
		credits.completed(completion.tenantId(), completion.userRef(), completion.source(), completion.sourceId(),
				cut(completion.title(), 300), completion.creditHours(), cut(completion.creditUnit(), 40),
				completion.completedAt().atZone(zone).toLocalDate(), completion.completedAt());
	}

	@ApplicationModuleListener
	void on(StudyGroupCompletionWithdrawn withdrawal) {
		credits.withdrawCredit(withdrawal.tenantId(), withdrawal.userRef(), withdrawal.source(), withdrawal.sourceId(),
				cut(withdrawal.title(), 300), withdrawal.withdrawnAt().atZone(zone).toLocalDate(),
				withdrawal.withdrawnAt(), withdrawal.withdrawnBy());
	}

	private static String cut(String s, int max) {
		return s == null ? "" : Text.cut(s, max);
	}

}
