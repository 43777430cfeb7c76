package org.coachroom.pd;

import java.math.BigDecimal;

/**
 * One requirement of a program.
 *
 * @param code stable within the program (progress is kept by it when the program is edited)
 * @param title as people read it
 * @param part the part of the program it belongs to ("Volume 1", "Year 2"), or null
 * @param kind what it asks
 * @param threshold percent to reach (an assessment's pass mark, a unit's Mastery), or null
 * @param attempts attempts allowed for a scored requirement (0: no limit)
 * @param hours hours to reach, for {@link RequirementKind#HOURS}
 * @param hoursUnit what the hours are ("clock hours", "semester hours")
 * @param evidenceRequired whether it counts only once evidence is uploaded and verified
 */
@org.springframework.data.relational.core.mapping.Table("pd_requirement")
public record Requirement(String code, String title, String part, RequirementKind kind, BigDecimal threshold,
		int attempts, BigDecimal hours, String hoursUnit, boolean evidenceRequired) {

	public Requirement {
		if (code == null || code.isBlank() || title == null || title.isBlank() || kind == null) {
			throw new IllegalArgumentException("A requirement needs a key, a title and a kind");
		}
		if (kind == RequirementKind.HOURS && (hours == null || hours.signum() <= 0)) {
			throw new IllegalArgumentException("An hours requirement needs hours above 0: " + code);
		}
		if (threshold != null && (threshold.signum() < 0 || threshold.compareTo(BigDecimal.valueOf(100)) > 0)) {
			throw new IllegalArgumentException("A threshold is a percent from 0 to 100: " + code);
		}
		if (attempts < 0) {
			throw new IllegalArgumentException("Attempts cannot be negative: " + code);
		}
	}

	boolean scored() {
		return kind == RequirementKind.UNIT || kind == RequirementKind.ASSESSMENT;
	}
}
