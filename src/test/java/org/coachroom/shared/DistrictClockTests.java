package org.coachroom.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One district zone: coachroom.time-zone, or the server's when it is unset or blank. */
class DistrictClockTests {

	private static final SharedProperties.Uploads UPLOADS = new SharedProperties.Uploads(10485760);

	@Test
	void theZoneIsTheSettingOrTheServersWhenUnset() {
		assertThat(new SharedProperties(null, UPLOADS).zone()).isEqualTo(ZoneId.systemDefault());
		assertThat(new SharedProperties(" ", UPLOADS).zone()).isEqualTo(ZoneId.systemDefault());
		assertThat(new SharedProperties(" America/Denver ", UPLOADS).zone()).isEqualTo(ZoneId.of("America/Denver"));
	}

	@Test
	void todayIsTheDistrictsDateOnTheApplicationsClock() {
		Clock utc = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), ZoneOffset.UTC);
		DistrictClock denver = new DistrictClock(utc, ZoneId.of("America/Denver"));

		assertThat(denver.today()).isEqualTo(LocalDate.of(2026, 12, 4));
		assertThat(denver.dateOf(Instant.parse("2026-12-05T08:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(denver.clock().getZone()).isEqualTo(ZoneId.of("America/Denver"));
		assertThat(denver.clock().instant()).isEqualTo(utc.instant());
	}

}
