package org.coachroom.pd.reminder;

import java.time.Instant;
import java.util.List;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every reminder of the district, sent or kept unsent because no SMTP server is set, as
 * the district admin reads them: newest first, a page at a time.
 */
@Service
public class ReminderOutbox {

	static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	ReminderOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A reminder as the outbox lists it. */
	public record Entry(Instant at, String to, String subject, String programs, boolean sent, String body) {
	}

	/** One page of the outbox, and whether an older page follows. */
	public record Page(List<Entry> entries, int number, boolean more) {
	}

	/** Whether this person may read the district's outbox. */
	public static boolean reads(Member member) {
		return member.hasRole(CoachroomRole.DISTRICT_ADMIN);
	}

	/** The page {@code number} (from 0) of the district's reminders; the caller reads. */
	@Transactional(readOnly = true)
	public Page page(Member admin, int number) {
		if (!reads(admin)) {
			throw new IllegalStateException("Only a district admin reads the reminder outbox");
		}
		int page = Math.max(0, Math.min(number, 100_000));
		List<Entry> rows = jdbc.sql("""
				SELECT sent_at, sent_to, subject, programs, delivered, body FROM pd_reminder WHERE tenant_id = ?
				ORDER BY sent_at DESC, id DESC LIMIT ? OFFSET ?""")
			.params(admin.tenant().value(), PAGE_SIZE + 1, page * PAGE_SIZE)
			.query((rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getBoolean(5), rs.getString(6)))
			.list();
		boolean more = rows.size() > PAGE_SIZE;
		return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, page, more);
	}

}
