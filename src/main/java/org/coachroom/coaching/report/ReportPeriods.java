package org.coachroom.coaching.report;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.coaching.pair.CoachingProperties;
import org.springframework.stereotype.Component;

/**
 * The staff report's periods, from the district's setting
 * ({@code coachroom.coaching.report-periods}): each starts on one of its days and runs to
 * the day before the next. A coach reports on the periods of the last two years that have
 * begun.
 */
@Component
class ReportPeriods {

	/** How many periods back a coach may still report on. */
	private static final int YEARS_BACK = 2;

	private final CoachingProperties properties;

	private final CoachingCalendar calendar;

	ReportPeriods(CoachingProperties properties, CoachingCalendar calendar) {
		this.properties = properties;
		this.calendar = calendar;
	}

	/** A report period: from its first day up to, not including, {@code until}. */
	record Period(LocalDate start, LocalDate until) {

		public String key() {
			return start.toString();
		}

		public LocalDate last() {
			return until.minusDays(1);
		}

		/** The days of the period up to today, at least one. */
		long daysSoFar(LocalDate today) {
			LocalDate end = today.isBefore(until) ? today.plusDays(1) : until;
			return Math.max(1, ChronoUnit.DAYS.between(start, end));
		}

	}

	/** The periods that have begun, newest first. */
	List<Period> begun() {
		LocalDate today = calendar.today();
		List<LocalDate> starts = new ArrayList<>();
		for (int year = today.getYear() - YEARS_BACK - 1; year <= today.getYear() + 1; year++) {
			for (MonthDay day : properties.reportPeriods()) {
				starts.add(day.atYear(year));
			}
		}
		starts.sort(Comparator.naturalOrder());
		List<Period> periods = new ArrayList<>();
		for (int i = 0; i + 1 < starts.size(); i++) {
			LocalDate start = starts.get(i);
			if (!start.isAfter(today) && !start.isBefore(today.minusYears(YEARS_BACK))) {
				periods.add(new Period(start, starts.get(i + 1)));
			}
		}
		Collections.reverse(periods);
		return periods;
	}

	/** The period today falls in. */
	Period current() {
		return begun().get(0);
	}

	/** The period a key names, if it is one a coach may report on. */
	Optional<Period> named(String key) {
		if (key == null || key.isBlank()) {
			return Optional.of(current());
		}
		try {
			LocalDate start = LocalDate.parse(key.strip());
			return begun().stream().filter(p -> p.start().equals(start)).findFirst();
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

}
