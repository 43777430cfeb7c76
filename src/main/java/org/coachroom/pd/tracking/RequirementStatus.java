package org.coachroom.pd.tracking;

import java.math.BigDecimal;

import org.coachroom.pd.catalog.Requirement;
import org.coachroom.pd.catalog.RequirementKind;

/**
 * How a requirement stands for a person.
 *
 * @param requirement the requirement
 * @param state what they recorded
 * @param progress where they are: not started, in progress, waiting for verification, met
 * @param unitResult for a unit: Mastery (at or above its threshold) or Completion
 * (below), else null
 * @param attemptsLeft attempts still allowed at a scored requirement (null: no limit or
 * not scored)
 */
public record RequirementStatus(Requirement requirement, RequirementState state, Progress progress,
		UnitResult unitResult, Integer attemptsLeft) {

	/** Where a person is with a requirement. */
	public enum Progress {

		NOT_STARTED, IN_PROGRESS, AWAITING_VERIFICATION, MET

	}

	/** The two ways LETRS closes a unit. */
	public enum UnitResult {

		MASTERY, COMPLETION

	}

	public static RequirementStatus of(Requirement requirement, RequirementState state) {
		boolean done = switch (requirement.kind()) {
			case COURSE, OBSERVATION -> state.doneOn() != null;
			case UNIT -> state.attemptsUsed() > 0;
			case ASSESSMENT -> state.bestScore() != null
					&& (requirement.threshold() == null || state.bestScore().compareTo(requirement.threshold()) >= 0);
			case HOURS -> state.hours() != null && state.hours().compareTo(requirement.hours()) >= 0;
			case EVIDENCE -> state.evidence() != EvidenceState.NONE && state.evidence() != EvidenceState.RETURNED;
		};
		boolean evidenceNeeded = requirement.evidenceRequired() || requirement.kind() == RequirementKind.EVIDENCE;
		Progress progress;
		if (done && (!evidenceNeeded || state.evidence() == EvidenceState.VERIFIED)) {
			progress = Progress.MET;
		}
		else if (done && evidenceNeeded && state.evidence() == EvidenceState.SUBMITTED) {
			progress = Progress.AWAITING_VERIFICATION;
		}
		else {
			progress = state.recordedAnything() ? Progress.IN_PROGRESS : Progress.NOT_STARTED;
		}
		UnitResult unit = null;
		if (requirement.kind() == RequirementKind.UNIT && state.bestScore() != null) {
			BigDecimal mastery = requirement.threshold() == null ? BigDecimal.valueOf(80) : requirement.threshold();
			unit = state.bestScore().compareTo(mastery) >= 0 ? UnitResult.MASTERY : UnitResult.COMPLETION;
		}
		Integer left = requirement.scored() && requirement.attempts() > 0
				? Math.max(0, requirement.attempts() - state.attemptsUsed()) : null;
		return new RequirementStatus(requirement, state, progress, unit, left);
	}

	public boolean met() {
		return progress == Progress.MET;
	}
}
