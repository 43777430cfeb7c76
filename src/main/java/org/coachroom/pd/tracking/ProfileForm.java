package org.coachroom.pd.tracking;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.coachroom.pd.SchoolLevel;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A person's PD profile as they state it: the level they teach at (required), when they
 * started in the role (a date of this era, or not said) and their school (one of the
 * district's, or none). Any refusal is the one sentence {@code pd.profile.invalid}.
 */
record ProfileForm(@NotNull(message = "{pd.profile.invalid}") SchoolLevel schoolLevel,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate roleStartedOn, Long school) {

	/** A start the district's records could hold; the year 1950 is before any of them. */
	@AssertTrue(message = "{pd.profile.invalid}")
	public boolean isOfThisEra() {
		return roleStartedOn == null || roleStartedOn.getYear() >= 1950;
	}
}
