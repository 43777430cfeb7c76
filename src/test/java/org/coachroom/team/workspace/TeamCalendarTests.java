package org.coachroom.team.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.coachroom.shared.DistrictClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one reading of a date a team types: a meeting's day, an action's due date, a
 * cycle's dates.
 */
class TeamCalendarTests {

	private final TeamCalendar calendar = new TeamCalendar(
			new DistrictClock(Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC));

	@Test
	void readsADateWithinTenYearsBackAndFiveAhead() {
		assertThat(calendar.today()).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(calendar.parse(" 2026-10-05 ")).contains(LocalDate.of(2026, 10, 5));
		assertThat(calendar.parse("2016-12-05")).contains(LocalDate.of(2016, 12, 5));
		assertThat(calendar.parse("2031-12-05")).contains(LocalDate.of(2031, 12, 5));
	}

	@Test
	void refusesWhatIsNotADateOrOutsideTheRange() {
		assertThat(calendar.parse(null)).isEmpty();
		assertThat(calendar.parse("  ")).isEmpty();
		assertThat(calendar.parse("1900-13-45")).isEmpty();
		assertThat(calendar.parse("+20026-01-01")).isEmpty();
		assertThat(calendar.parse("2016-12-04")).isEmpty();
		assertThat(calendar.parse("2031-12-06")).isEmpty();
		assertThat(calendar.parse("5.10.2026")).isEmpty();
	}

}
