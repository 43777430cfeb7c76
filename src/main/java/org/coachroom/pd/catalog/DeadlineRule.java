package org.coachroom.pd.catalog;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a program is due: never, on a fixed date, or a number of years after the person
 * started the role it is for (a coach's start date). A start on 29 February is due on 28
 * February of a common year.
 */
public record DeadlineRule(Kind kind, LocalDate fixedDate, int years) {

	/** The kinds of deadline. */
	public enum Kind {

		NONE, FIXED_DATE, YEARS_AFTER_ROLE_START

	}

	public DeadlineRule {
		if (kind == null) {
			throw new IllegalArgumentException("A deadline rule needs a kind");
		}
		if (kind == Kind.FIXED_DATE && fixedDate == null) {
			throw new IllegalArgumentException("A fixed deadline needs its date");
		}
		if (kind == Kind.YEARS_AFTER_ROLE_START && (years <= 0 || years > 50)) {
			throw new IllegalArgumentException("A deadline after the role start needs a number of years from 1 to 50");
		}
		if (fixedDate != null && (fixedDate.getYear() < 1950 || fixedDate.getYear() > 9000)) {
			throw new IllegalArgumentException("A fixed deadline is a date from 1950 to 9000");
		}
	}

	public static DeadlineRule none() {
		return new DeadlineRule(Kind.NONE, null, 0);
	}

	public static DeadlineRule on(LocalDate date) {
		return new DeadlineRule(Kind.FIXED_DATE, date, 0);
	}

	public static DeadlineRule yearsAfterRoleStart(int years) {
		return new DeadlineRule(Kind.YEARS_AFTER_ROLE_START, null, years);
	}

	/**
	 * The due date for someone who started the role on {@code roleStart} (which may be
	 * unknown).
	 */
	public Optional<LocalDate> dueFor(LocalDate roleStart) {
		return switch (kind) {
			case NONE -> Optional.empty();
			case FIXED_DATE -> Optional.of(fixedDate);
			case YEARS_AFTER_ROLE_START -> Optional.ofNullable(roleStart).map(start -> start.plusYears(years));
		};
	}
}
