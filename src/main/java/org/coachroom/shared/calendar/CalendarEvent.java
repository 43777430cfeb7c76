package org.coachroom.shared.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something on a person's calendar: a study group session or a team meeting (at a time or
 * on a day), a coaching move planned for a day.
 *
 * @param uid stable across feeds, so a calendar app updates the event instead of adding
 * it again
 * @param startsAt when it starts, or null for an event of a whole day
 * @param endsAt when it ends, or null
 * @param day the day of a whole-day event, or null for one at a time
 * @param url a page of Coachroom about it, or null
 */
public record CalendarEvent(String uid, String summary, Instant startsAt, Instant endsAt, LocalDate day,
		String location, String url, String description) {

	public static CalendarEvent at(String uid, String summary, Instant startsAt, Instant endsAt, String location,
			String url, String description) {
		return new CalendarEvent(uid, summary, startsAt, endsAt, null, location, url, description);
	}

	public static CalendarEvent onDay(String uid, String summary, LocalDate day, String url, String description) {
		return new CalendarEvent(uid, summary, null, null, day, null, url, description);
	}

}
