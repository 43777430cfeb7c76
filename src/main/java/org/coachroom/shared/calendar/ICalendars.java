package org.coachroom.shared.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes iCalendar (RFC 5545) with ical4j: a feed of many events, or one event to
 * download.
 */
public final class ICalendars {

	/** The media type of what {@link #write} returns. */
	public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

	private ICalendars() {
	}

	public static byte[] write(String calendarName, List<CalendarEvent> events, Instant now) {
		Calendar calendar = new Calendar().withProdId("-//Coachroom//Coachroom//EN")
			.withDefaults()
			.withProperty(new XProperty("X-WR-CALNAME", calendarName))
			.getFluentTarget();
		for (CalendarEvent event : events) {
			calendar.add(event(event, now));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new CalendarOutputter().output(calendar, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static VEvent event(CalendarEvent e, Instant now) {
		VEvent event = e.day() != null ? new VEvent(e.day(), e.summary()) : e.endsAt() != null
				? new VEvent(e.startsAt(), e.endsAt(), e.summary()) : new VEvent(e.startsAt(), e.summary());
		event.add(new Uid(e.uid()));
		event.add(new DtStamp(now));
		if (e.location() != null && !e.location().isBlank()) {
			event.add(new Location(e.location()));
		}
		if (e.url() != null) {
			event.add(new Url(URI.create(e.url())));
		}
		if (e.description() != null && !e.description().isBlank()) {
			event.add(new Description(e.description()));
		}
		return event;
	}

}
