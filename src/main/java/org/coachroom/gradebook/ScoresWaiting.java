package org.coachroom.gradebook;

import java.util.Optional;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.springframework.stereotype.Component;

/**
 * The gradebook outbox in two numbers, for a district admin's home: scores still waiting
 * to reach the LMS, and scores that failed. Empty for anyone the gradebook report is not
 * for.
 */
@Component
public class ScoresWaiting {

	private final ScoreReport report;

	ScoresWaiting(ScoreReport report) {
		this.report = report;
	}

	/** Scores waiting to be sent, and scores that failed and need a person. */
	public record Outbox(int pending, int failed) {
	}

	public Optional<Outbox> of(Member admin) {
		if (!admin.hasRole(CoachroomRole.DISTRICT_ADMIN) || CoachingPrivacy.evaluative(admin)) {
			return Optional.empty();
		}
		ScoreReport.Totals totals = report.totals(admin.tenant().value());
		return Optional.of(new Outbox(totals.pending(), totals.failed()));
	}

}
