package org.coachroom.pd.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One requirement of a program.
 *
 * @param code stable within the program (progress is kept by it when the program is
 * edited)
 * @param title as people read it
 * @param part the part of the program it belongs to ("Volume 1", "Year 2"), or null
 * @param kind what it asks
 * @param threshold percent to reach (an assessment's pass mark, a unit's Mastery), or
 * null
 * @param attempts attempts allowed for a scored requirement (0: no limit)
 * @param hours hours to reach, for {@link RequirementKind#HOURS}
 * @param hoursUnit what the hours are ("clock hours", "semester hours")
 * @param evidenceRequired whether it counts only once evidence is uploaded and verified
 */
@Table("pd_requirement")
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
		if (!ProgramForm.CODE.matcher(code).matches()) {
			throw new IllegalArgumentException(
					"A requirement's code is up to 60 lower-case letters, digits and hyphens: " + code);
		}
		if (title.length() > 300 || (part != null && part.length() > 100)
				|| (hoursUnit != null && hoursUnit.length() > 40)) {
			throw new IllegalArgumentException("A title is at most 300 characters, a part 100, a unit 40: " + code);
		}
		if (hours != null && (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(99999)) > 0)) {
			throw new IllegalArgumentException("Hours are above 0 and below 100,000: " + code);
		}
		if (attempts < 0) {
			throw new IllegalArgumentException("Attempts cannot be negative: " + code);
		}
		if ((threshold != null && threshold.stripTrailingZeros().scale() > 2)
				|| (hours != null && hours.stripTrailingZeros().scale() > 2)) {
			throw new IllegalArgumentException("A threshold and hours have at most two decimals: " + code);
		}
		// after the ranges (so a huge exponent is refused, not scaled), as the database
		// keeps them: two
		// decimals, so a program read back equals the one written
		threshold = threshold == null ? null : threshold.setScale(2, RoundingMode.HALF_UP);
		hours = hours == null ? null : hours.setScale(2, RoundingMode.HALF_UP);
	}

	public boolean scored() {
		return kind == RequirementKind.UNIT || kind == RequirementKind.ASSESSMENT;
	}
}
