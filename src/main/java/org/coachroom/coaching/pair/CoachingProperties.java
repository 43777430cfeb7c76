package org.coachroom.coaching.pair;

import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of coaching ({@code coachroom.coaching.*}).
 *
 * @param targetShare the share of a coach's logged time the district means to be
 * coaching, in percent (one district's policy says about 75)
 * @param schoolYearStarts the day the school year starts, as {@code --MM-DD}: the coach's
 * "this year" counts from it
 */
@ConfigurationProperties("coachroom.coaching")
public record CoachingProperties(@DefaultValue("75") int targetShare,
		@DefaultValue("--08-01") MonthDay schoolYearStarts) {

	public CoachingProperties {
		if (targetShare < 1 || targetShare > 100) {
			throw new IllegalArgumentException("coachroom.coaching.target-share is a percentage from 1 to 100");
		}
	}

}
