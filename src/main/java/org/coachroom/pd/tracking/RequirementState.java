package org.coachroom.pd.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/**
 * What a person has recorded against one requirement: the best score and attempts used,
 * hours so far, the date it was done, and its evidence. Kept by the requirement's code,
 * so editing the program keeps it.
 */
@Table("pd_requirement_state")
public record RequirementState(BigDecimal bestScore, int attemptsUsed, BigDecimal hours, LocalDate doneOn,
		EvidenceState evidence, Instant updatedAt) {

	public static RequirementState empty() {
		return new RequirementState(null, 0, BigDecimal.ZERO, null, EvidenceState.NONE, null);
	}

	public boolean recordedAnything() {
		return attemptsUsed > 0 || (hours != null && hours.signum() > 0) || doneOn != null
				|| evidence != EvidenceState.NONE;
	}
}
