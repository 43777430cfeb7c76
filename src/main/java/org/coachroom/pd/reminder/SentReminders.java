package org.coachroom.pd.reminder;

import java.time.Instant;
import java.util.List;

import org.coachroom.lti.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reminders a person was sent, as their PD page lists them. */
@Service
public class SentReminders {

	private final JdbcClient jdbc;

	SentReminders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A reminder e-mail as it was sent to the person. */
	public record SentReminder(Instant sentAt, String subject, String body) {
	}

	@Transactional(readOnly = true)
	public List<SentReminder> of(Member member) {
		return jdbc.sql("""
				SELECT sent_at, subject, body FROM pd_reminder WHERE tenant_id = ? AND user_ref = ? AND delivered
				ORDER BY sent_at DESC, id DESC LIMIT 20""")
			.params(member.tenant().value(), member.userId())
			.query((rs, i) -> new SentReminder(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
			.list();
	}

}
