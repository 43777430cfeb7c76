package org.coachroom.team.workspace;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.coachroom.shared.DistrictClock;
import org.springframework.stereotype.Component;

/**
 * The team's today, in the district's time zone, and the one reading of a date a team
 * types (a meeting's day, an action's due date, a cycle's dates): ISO {@code yyyy-mm-dd},
 * within ten years before today and five after, so a typo such as 20026 is not a date.
 */
@Component
public class TeamCalendar {

	private final DistrictClock district;

	TeamCalendar(DistrictClock district) {
		this.district = district;
	}

	public LocalDate today() {
		return district.today();
	}

	public ZoneId zone() {
		return district.zone();
	}

	/**
	 * The date typed, if it is one in the range a team's dates fall in; blank or anything
	 * else is empty.
	 */
	public Optional<LocalDate> parse(String typed) {
		String value = typed == null ? "" : typed.strip();
		if (value.isEmpty()) {
			return Optional.empty();
		}
		try {
			LocalDate date = LocalDate.parse(value);
			LocalDate today = today();
			if (!date.isBefore(today.minusYears(10)) && !date.isAfter(today.plusYears(5))) {
				return Optional.of(date);
			}
		}
		catch (DateTimeParseException e) {
			// not a date
		}
		return Optional.empty();
	}

}
