package org.coachroom.coaching.calendar;

import org.coachroom.shared.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A calendar feed is fetched by calendar apps, which never launch: its secret link is the
 * key.
 */
@Configuration(proxyBeanMethods = false)
class CalendarPaths {

	@Bean
	PublicPaths calendarFeedPaths() {
		return PublicPaths.open("/calendar/*.ics");
	}

}
