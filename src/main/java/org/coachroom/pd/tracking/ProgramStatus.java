package org.coachroom.pd.tracking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.coachroom.pd.catalog.Obligation;
import org.coachroom.pd.catalog.Program;

/**
 * A person's standing in a program: every requirement's status, the due date (after
 * extensions), the standing HR reads, and how far along they are.
 */
public record ProgramStatus(Program program, Obligation obligation, List<RequirementStatus> requirements,
		LocalDate dueOn, Standing standing, List<Extension> extensions) {

	public long met() {
		return requirements.stream().filter(RequirementStatus::met).count();
	}

	/** Requirements met, as a whole percent of all of them. */
	public int percent() {
		return requirements.isEmpty() ? 0 : (int) (met() * 100 / requirements.size());
	}

	/** Days until the due date (negative once past), or null without one. */
	public Long daysLeft(LocalDate today) {
		return dueOn == null ? null : ChronoUnit.DAYS.between(today, dueOn);
	}
}
