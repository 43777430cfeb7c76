package org.coachroom.pd.tracking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The day and zone PD works in (the district's), and how near a due date counts as due soon. */
@Component
public class PdCalendar {

	private final Clock clock;

	private final ZoneId zone;

	private final Period dueSoon;

	PdCalendar(Clock clock, @Value("${coachroom.time-zone:}") String timeZone,
			@Value("${coachroom.pd.due-soon:P30D}") Period dueSoon) {
		this.clock = clock;
		this.zone = timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
		this.dueSoon = dueSoon;
	}

	public Period dueSoon() {
		return dueSoon;
	}

	public ZoneId zone() {
		return zone;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}
}
