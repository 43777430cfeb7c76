package org.coachroom.shared;

import java.time.Clock;

import org.coachroom.shared.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	/** The static resources, the error page and the browser's own favicon request. */
	@Bean
	PublicPaths staticPublicPaths() {
		return PublicPaths.open("/css/**", "/js/**", "/img/**", "/favicon.ico", "/error");
	}

	/** One clock for every rule with a time in it, so tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The district's time zone, read once. Named {@code districtClock}: the reminders'
	 * cron names it ({@code #{@districtClock.zone().id}}) so they run in the same zone.
	 */
	@Bean
	DistrictClock districtClock(Clock clock, SharedProperties properties) {
		return new DistrictClock(clock, properties.zone());
	}

}
