package org.coachroom.coaching.pair;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.coachroom.shared.DistrictClock;
import org.springframework.stereotype.Component;

/**
 * Coaching's today, in the district's time zone, and its one reading of a typed date: ISO
 * {@code yyyy-mm-dd}, from two years back to one year ahead (a log is kept for the school
 * year; 20026 is a typo, not a date).
 */
@Component
public class CoachingCalendar {

	private final DistrictClock district;

	CoachingCalendar(DistrictClock district) {
		this.district = district;
	}

	public LocalDate today() {
		return district.today();
	}

	public ZoneId zone() {
		return district.zone();
	}

	public Optional<LocalDate> parse(String typed) {
		String value = typed == null ? "" : typed.strip();
		if (value.isEmpty()) {
			return Optional.empty();
		}
		try {
			LocalDate date = LocalDate.parse(value);
			LocalDate today = today();
			if (!date.isBefore(today.minusYears(2)) && !date.isAfter(today.plusYears(1))) {
				return Optional.of(date);
			}
		}
		catch (DateTimeParseException e) {
			// not a date
		}
		return Optional.empty();
	}

}
