package org.coachroom.pd.tracking;

import java.sql.Date;
import java.time.ZoneId;

import org.coachroom.shared.DistrictClock;
import org.coachroom.studygroup.StudyGroupCompleted;
import org.coachroom.studygroup.StudyGroupCompletionWithdrawn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hours a completed study group earned become PD credit the member can count toward an
 * hours requirement; a withdrawn completion takes them back. Listens after the completion
 * commits, through Modulith's event registry, so a failure here is retried and never
 * undoes the completion.
 */
@Component
public class StudyGroupCredits {

	private final JdbcClient jdbc;

	private final Credits credits;

	private final ZoneId zone;

	StudyGroupCredits(JdbcClient jdbc, Credits credits, DistrictClock district) {
		this.jdbc = jdbc;
		this.credits = credits;
		this.zone = district.zone();
	}

	@ApplicationModuleListener
	void on(StudyGroupCompleted completion) {
		if (completion.creditHours() == null || completion.creditHours().signum() <= 0) {
			return;
		}
		jdbc.sql(
				"""
						INSERT IGNORE INTO pd_credit (tenant_id, user_ref, source, source_id, title, hours, hours_unit, earned_on)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(completion.tenantId(), completion.userRef(), completion.source(), completion.sourceId(),
					cut(completion.title(), 300), completion.creditHours(), cut(completion.creditUnit(), 40),
					Date.valueOf(completion.completedAt().atZone(zone).toLocalDate()))
			.update();
	}

	@ApplicationModuleListener
	void on(StudyGroupCompletionWithdrawn withdrawal) {
		credits.withdrawCredit(withdrawal.tenantId(), withdrawal.userRef(), withdrawal.source(), withdrawal.sourceId(),
				withdrawal.withdrawnBy());
	}

	private static String cut(String s, int max) {
		return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
	}

}
