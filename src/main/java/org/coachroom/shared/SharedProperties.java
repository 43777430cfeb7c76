package org.coachroom.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares ({@code coachroom.time-zone},
 * {@code coachroom.uploads.*}).
 *
 * @param timeZone the district's time zone, e.g. America/Denver, in which dates and times
 * are shown and read, "today" is decided and reminders are scheduled; unset, the server's
 * zone
 * @param uploads limits on files people upload
 */
@ConfigurationProperties("coachroom")
public record SharedProperties(String timeZone, @DefaultValue Uploads uploads) {

	/**
	 * The district's zone: {@link #timeZone()}, or the server's when it is unset or
	 * blank.
	 */
	public ZoneId zone() {
		return timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone.strip());
	}

	/**
	 * @param maxBytes the largest file a coach can share with a group or team, or anyone
	 * can upload as PD evidence (keep spring.servlet.multipart.max-file-size a little
	 * above it)
	 */
	public record Uploads(@DefaultValue("10485760") long maxBytes) {
	}
}
