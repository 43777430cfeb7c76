package org.coachroom.team.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The team's today, in the district's time zone. */
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
}
