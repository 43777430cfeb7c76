package org.coachroom.pd.catalog;

import java.time.LocalDate;

import org.coachroom.pd.SchoolLevel;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Who a program applies to, and how strongly: people of an audience, at a school level,
 * and (for induction, say) only in their first {@code withinYearsOfStart} years in the
 * role.
 */
@Table("pd_assignment_rule")
public record AssignmentRule(Obligation obligation, Audience audience, SchoolLevel schoolLevel,
		Integer withinYearsOfStart) {

	public AssignmentRule {
		if (obligation == null || audience == null || schoolLevel == null) {
			throw new IllegalArgumentException(
					"An assignment rule needs an obligation, an audience and a school level");
		}
		if (withinYearsOfStart != null && (withinYearsOfStart <= 0 || withinYearsOfStart > 50)) {
			throw new IllegalArgumentException("Years of start are from 1 to 50");
		}
	}

	/** Whether the rule applies to this person today. */
	public boolean appliesTo(PdProfile person, LocalDate today) {
		if (person.audience() != audience) {
			return false;
		}
		if (schoolLevel != SchoolLevel.ANY && person.schoolLevel() != schoolLevel) {
			return false;
		}
		if (withinYearsOfStart == null) {
			return true;
		}
		// a rule for the first years in the role needs to know when they began, and that
		// it is not yet over
		LocalDate start = person.roleStartedOn();
		return start != null && !today.isBefore(start) && today.isBefore(start.plusYears(withinYearsOfStart));
	}
}
