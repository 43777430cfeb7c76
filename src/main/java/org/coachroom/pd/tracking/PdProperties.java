package org.coachroom.pd.tracking;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PD module ({@code coachroom.pd.*}).
 *
 * @param dueSoon how close a due date makes a program "due soon"
 * @param reminders the weekly reminder e-mails
 */
@ConfigurationProperties("coachroom.pd")
public record PdProperties(@DefaultValue("P30D") Period dueSoon, @DefaultValue ReminderSettings reminders) {

	/**
	 * @param cron when reminders are tried, in the district's time zone (each district's
	 * week is sent once; undelivered ones are tried again the next run); read by the
	 * schedule itself
	 * @param from the reminders' sender
	 */
	public record ReminderSettings(@DefaultValue("0 0 7 * * *") String cron,
			@DefaultValue("Coachroom <no-reply@coachroom.invalid>") String from) {
	}
}
