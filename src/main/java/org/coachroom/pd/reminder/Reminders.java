package org.coachroom.pd.reminder;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.People;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.pd.tracking.PdProperties;
import org.coachroom.shared.TenantId;
import org.coachroom.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly digest: each person with a program due soon or overdue gets one e-mail
 * listing them, and HR gets the district's counts per program. Sent through the
 * district's SMTP server ({@code spring.mail.*}); without one, nothing is sent: each
 * reminder is kept as it would have been sent, for the district admin to read in the
 * outbox ({@link ReminderOutbox}), and the log says so. One node runs a district's week
 * (the run row is claimed first); every reminder sent is kept, and people see theirs.
 */
@Component
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private final JdbcClient jdbc;

	private final People people;

	private final PdCalendar calendar;

	private final ReminderMail mails;

	private final ObjectProvider<JavaMailSender> mail;

	private final Clock clock;

	private final Period dueSoon;

	private final String from;

	/** What became of one reminder. */
	private enum Outcome {

		SENT, ALREADY_SENT, NOT_DELIVERED, KEPT

	}

	Reminders(JdbcClient jdbc, People people, PdCalendar calendar, ReminderMail mails,
			ObjectProvider<JavaMailSender> mail, Clock clock, PdProperties properties) {
		this.jdbc = jdbc;
		this.people = people;
		this.calendar = calendar;
		this.mails = mails;
		this.mail = mail;
		this.clock = clock;
		this.dueSoon = properties.dueSoon();
		this.from = properties.reminders().from();
	}

	/*
	 * Tried every morning; a district's week is sent once. A week in which some mail
	 * could not be delivered is tried again the next morning, for those who did not get
	 * theirs.
	 */
	// coachroom.pd.reminders.cron is PdProperties.ReminderSettings#cron, with the same
	// default
	@Scheduled(cron = "${coachroom.pd.reminders.cron:0 0 7 * * *}", zone = "#{@districtClock.zone().id}")
	@SchedulerLock(name = "pd-reminders", lockAtMostFor = "PT1H")
	void weekly() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.info("PD reminders not sent: no SMTP server is configured (spring.mail.host); "
					+ "they are kept in the outbox (/pd/reminders)");
		}
		for (Long tenant : jdbc.sql("SELECT DISTINCT tenant_id FROM pd_standing").query(Long.class).list()) {
			sendWeek(tenant, calendar.today(), sender);
		}
	}

	/**
	 * Sends a district's digests for the week of {@code today}, unless another node
	 * already did; without a sender (no SMTP server), keeps them unsent in the outbox.
	 * Returns how many were sent (or kept).
	 */
	int sendWeek(long tenant, LocalDate today, JavaMailSender sender) {
		String week = today.get(IsoFields.WEEK_BASED_YEAR) + "W"
				+ String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		int claimed = jdbc.sql("INSERT IGNORE INTO pd_reminder_run (tenant_id, week, started_at) VALUES (?, ?, ?)")
			.params(tenant, week, Timestamp.from(clock.instant()))
			.update();
		if (claimed == 0) {
			return 0;
		}
		record Due(long userRef, String title, LocalDate dueOn) {
		}
		List<Due> due = jdbc
			.sql("""
					SELECT s.user_ref, p.title, s.due_on FROM pd_standing s JOIN pd_program p ON p.id = s.program
					WHERE s.tenant_id = ? AND NOT s.complete AND s.due_on IS NOT NULL AND s.due_on <= ? AND s.obligation IS NOT NULL
					ORDER BY s.user_ref, s.due_on, p.title""")
			.params(tenant, Date.valueOf(today.plus(dueSoon)))
			.query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
			.list();
		Map<Long, List<Due>> byPerson = new LinkedHashMap<>();
		due.forEach(d -> byPerson.computeIfAbsent(d.userRef(), k -> new ArrayList<>()).add(d));
		int sent = 0;
		int failures = 0;
		TenantId tenantId = new TenantId(tenant);
		for (Map.Entry<Long, List<Due>> entry : byPerson.entrySet()) {
			var person = people.person(tenantId, entry.getKey()).orElse(null);
			if (person == null || person.email() == null || person.email().isBlank()) {
				continue;
			}
			Locale language = person.language();
			ReminderMail.Mail digest = mails.digest(person.name(), entry.getValue()
				.stream()
				.map(d -> new ReminderMail.Due(d.title(), mails.date(d.dueOn(), language), d.dueOn().isBefore(today)))
				.toList(), language);
			Outcome outcome = send(sender, tenant, entry.getKey(), week, person.email(), digest.subject(),
					digest.body(), titles(entry.getValue().stream().map(Due::title).toList()));
			sent += outcome == Outcome.SENT || outcome == Outcome.KEPT ? 1 : 0;
			failures += outcome == Outcome.NOT_DELIVERED ? 1 : 0;
		}
		int[] hr = sendToHr(tenant, tenantId, week, today, sender);
		sent += hr[0];
		failures += hr[1];
		if (failures > 0) {
			// the week stays open: the next run sends what did not go out
			jdbc.sql("DELETE FROM pd_reminder_run WHERE tenant_id = ? AND week = ?").params(tenant, week).update();
		}
		log.info("PD reminders for tenant {} week {}: {} {}, {} not delivered", tenant, week, sent,
				sender == null ? "kept in the outbox (no SMTP server)" : "sent", failures);
		return sent;
	}

	/** Returns how many were sent and how many not delivered. */
	private int[] sendToHr(long tenant, TenantId tenantId, String week, LocalDate today, JavaMailSender sender) {
		record Count(String title, int overdue, int soon) {
		}
		List<Count> counts = jdbc.sql("""
				SELECT p.title, COALESCE(SUM(s.due_on < ?), 0), COALESCE(SUM(s.due_on >= ? AND s.due_on <= ?), 0)
				FROM pd_standing s JOIN pd_program p ON p.id = s.program
				WHERE s.tenant_id = ? AND NOT s.complete AND s.due_on IS NOT NULL AND s.obligation IS NOT NULL
				GROUP BY p.title ORDER BY p.title""")
			.params(Date.valueOf(today), Date.valueOf(today), Date.valueOf(today.plus(dueSoon)), tenant)
			.query((rs, i) -> new Count(rs.getString(1), rs.getInt(2), rs.getInt(3)))
			.list()
			.stream()
			.filter(c -> c.overdue() + c.soon() > 0)
			.toList();
		if (counts.isEmpty()) {
			return new int[] { 0, 0 };
		}
		List<ReminderMail.Count> lines = counts.stream()
			.map(c -> new ReminderMail.Count(c.title(), c.overdue(), c.soon()))
			.toList();
		Map<Locale, ReminderMail.Mail> digests = new HashMap<>();
		int[] outcomes = { 0, 0 };
		for (var hr : people.withRole(tenantId, CoachroomRole.HR)) {
			if (hr.email() == null || hr.email().isBlank()) {
				continue;
			}
			ReminderMail.Mail digest = digests.computeIfAbsent(hr.language(), l -> mails.hrDigest(lines, l));
			Outcome outcome = send(sender, tenant, hr.userRef(), week, hr.email(), digest.subject(), digest.body(),
					titles(counts.stream().map(Count::title).toList()));
			outcomes[0] += outcome == Outcome.SENT || outcome == Outcome.KEPT ? 1 : 0;
			outcomes[1] += outcome == Outcome.NOT_DELIVERED ? 1 : 0;
		}
		return outcomes;
	}

	/** The programs a reminder is about, as the outbox lists them. */
	private static String titles(List<String> titles) {
		String joined = String.join(", ", new LinkedHashSet<>(titles));
		return joined.length() > 1000 ? Text.cut(joined, 999) + "…" : joined;
	}

	private Outcome send(JavaMailSender sender, long tenant, long userRef, String week, String to, String subject,
			String body, String programs) {
		// recorded first: a person gets one digest a week, even if a node stops halfway
		// through the run
		int fresh = jdbc
			.sql("""
					INSERT IGNORE INTO pd_reminder (tenant_id, user_ref, week, sent_to, subject, body, sent_at, delivered, programs)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant, userRef, week, to, subject, body, Timestamp.from(clock.instant()), sender != null, programs)
			.update();
		if (fresh == 0) {
			return Outcome.ALREADY_SENT;
		}
		if (sender == null) {
			return Outcome.KEPT;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(body);
		try {
			sender.send(message);
			return Outcome.SENT;
		}
		catch (MailException e) {
			log.warn("PD reminder to user {} not delivered: {}", userRef, e.getMessage());
			jdbc.sql("DELETE FROM pd_reminder WHERE tenant_id = ? AND user_ref = ? AND week = ? AND subject = ?")
				.params(tenant, userRef, week, subject)
				.update();
			return Outcome.NOT_DELIVERED;
		}
	}

}
