package org.coachroom.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The district's time: the application's one {@link Clock} (which tests move) read in the
 * district's zone ({@code coachroom.time-zone}, the server's when unset). Every "today",
 * every date shown or read, and the reminders' schedule use this one zone.
 */
public final class DistrictClock {

	private final Clock clock;

	private final ZoneId zone;

	public DistrictClock(Clock clock, ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
	}

	public ZoneId zone() {
		return zone;
	}

	/** The district's date now. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	/** The district's date at {@code instant}. */
	public LocalDate dateOf(Instant instant) {
		return LocalDate.ofInstant(instant, zone);
	}

	/** The application's clock in the district's zone. */
	public Clock clock() {
		return clock.withZone(zone);
	}

}
