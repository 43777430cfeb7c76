package org.coachroom.team.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The team's today, in the district's time zone, and the one reading of a date a team types (a
 * meeting's day, an action's due date, a cycle's dates): ISO {@code yyyy-mm-dd}, within ten years
 * before today and five after, so a typo such as 20026 is not a date.
 */
@Component
public class TeamCalendar {

	private final Clock clock;

	private final ZoneId zone;

	TeamCalendar(Clock clock, @Value("${coachroom.time-zone:}") String timeZone) {
		this.clock = clock;
		this.zone = timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	public ZoneId zone() {
		return zone;
	}

	/** The date typed, if it is one in the range a team's dates fall in; blank or anything else is empty. */
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
