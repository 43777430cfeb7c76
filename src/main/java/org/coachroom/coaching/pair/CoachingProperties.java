package org.coachroom.coaching.pair;

import java.time.MonthDay;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of coaching ({@code coachroom.coaching.*}).
 *
 * @param targetShare the share of a coach's logged time the district means to be
 * coaching, in percent (one district's policy says about 75)
 * @param schoolYearStarts the day the school year starts, as {@code --MM-DD}: the coach's
 * "this year" counts from it
 * @param reportPeriods the days the staff report's periods start, as {@code --MM-DD}, one
 * per period of the year: each period runs to the day before the next one starts (two a
 * year by default, August to December and January to July)
 */
@ConfigurationProperties("coachroom.coaching")
public record CoachingProperties(@DefaultValue("75") int targetShare,
		@DefaultValue("--08-01") MonthDay schoolYearStarts, @DefaultValue( {
				"--08-01", "--01-01" }) List<MonthDay> reportPeriods){

	public CoachingProperties {
		if (targetShare < 1 || targetShare > 100) {
			throw new IllegalArgumentException("coachroom.coaching.target-share is a percentage from 1 to 100");
		}
		if (reportPeriods == null || reportPeriods.isEmpty()
				|| reportPeriods.stream().distinct().count() != reportPeriods.size()) {
			throw new IllegalArgumentException(
					"coachroom.coaching.report-periods lists the different days (--MM-DD) the report periods start");
		}
		reportPeriods = reportPeriods.stream().sorted().toList();
	}

}
