package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.coachroom.team.workspace.TeamInputException;

/**
 * The team's SMART goal for a cycle: from the baseline share proficient (the first
 * results) to a target share by a date. Closing the cycle measures the re-assessment
 * against the target.
 */
public record SmartGoal(BigDecimal baselinePercent, BigDecimal targetPercent, LocalDate by) {

	public SmartGoal {
		if (targetPercent == null || targetPercent.signum() < 0
				|| targetPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new TeamInputException("team.goal.target");
		}
		if (baselinePercent != null && targetPercent.compareTo(baselinePercent) <= 0) {
			throw new TeamInputException("team.goal.above-baseline");
		}
		if (by == null) {
			throw new TeamInputException("team.goal.date");
		}
	}

	/** The goal set from the baseline results. */
	public static SmartGoal from(Results baseline, BigDecimal targetPercent, LocalDate by) {
		return new SmartGoal(baseline.proficientShare(), targetPercent, by);
	}

	/**
	 * Whether the re-assessment reached the target: a share at or above it. Nobody
	 * re-assessed is not met.
	 */
	public boolean metBy(Results reassessment) {
		BigDecimal share = reassessment.proficientShare();
		return share != null && share.compareTo(targetPercent) >= 0;
	}
}
