package org.coachroom.team.cycle;

import jakarta.validation.constraints.Pattern;

/**
 * The school a team's cycles are shared with: one of the district's schools by id, or
 * none.
 */
record SchoolForm(@Pattern(regexp = "\\d{1,18}", message = "{team.school.unknown}") String school) {

	SchoolForm {
		school = school == null || school.isBlank() ? null : school.strip();
	}

	/** The school's id, or none; only for a form without errors. */
	Long schoolId() {
		return school == null ? null : Long.valueOf(school);
	}
}
