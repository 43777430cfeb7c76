package org.coachroom.pd.tracking;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** Where a person stands with a program, as HR reads it at a glance. */
public enum Standing {

	COMPLETE, OVERDUE, DUE_SOON, NOT_STARTED, ON_TRACK;

	/**
	 * Complete wins; then a passed due date (overdue), then one within the window (due
	 * soon); of the rest, those who recorded nothing have not started.
	 */
	public static Standing of(boolean complete, boolean started, Optional<LocalDate> due, LocalDate today,
			Period dueSoon) {
		if (complete) {
			return COMPLETE;
		}
		if (due.isPresent() && today.isAfter(due.get())) {
			return OVERDUE;
		}
		if (due.isPresent() && !today.plus(dueSoon).isBefore(due.get())) {
			return DUE_SOON;
		}
		return started ? ON_TRACK : NOT_STARTED;
	}

}
