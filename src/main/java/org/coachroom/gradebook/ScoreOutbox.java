package org.coachroom.gradebook;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of scores to send. A row is claimed for a while by one worker (SELECT ... FOR UPDATE SKIP
 * LOCKED, so workers on many nodes never take the same row) and then recorded as sent, to be tried
 * again at a later time, or failed with the platform's answer. A claim that runs out (a node that
 * stopped mid-send) makes the row due again.
 */
@Component
class ScoreOutbox {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	ScoreOutbox(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		// Read committed: the claim locks only the rows it takes, no gaps between them, so completions
		// inserting new rows meanwhile neither wait for it nor deadlock with it.
		this.tx.setIsolationLevel(TransactionTemplate.ISOLATION_READ_COMMITTED);
	}

	/** A score waiting to be sent. */
	record PendingScore(long id, long tenantId, String resourceLinkId, String userSubject, String lineItemUrl,
			String lineItemsUrl, String sourceTitle, BigDecimal scoreGiven, BigDecimal scoreMaximum, String comment,
			Instant completedAt, int attempts) {
	}

	void add(long tenantId, String source, long sourceId, String sourceTitle, String resourceLinkId, long userRef,
			String userSubject, String lineItemUrl, String lineItemsUrl, BigDecimal scoreGiven, BigDecimal scoreMaximum,
			String comment, Instant completedAt, Instant now) {
		jdbc.sql("""
				INSERT INTO gradebook_score (tenant_id, source, source_id, source_title, resource_link_id, user_ref,
				user_subject, line_item_url, line_items_url, score_given, score_maximum, comment, completed_at, status,
				attempts, next_attempt_at, service_off, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, FALSE, ?)""")
			.params(tenantId, source, sourceId, cut(sourceTitle, 300), resourceLinkId, userRef, userSubject,
					cut(lineItemUrl, 2000), cut(lineItemsUrl, 2000), scoreGiven, scoreMaximum, cut(comment, 1000),
					Timestamp.from(completedAt), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** Claims up to {@code limit} due rows for {@code claimFor}; no other worker gets them meanwhile. */
	List<PendingScore> claim(int limit, Instant now, Duration claimFor) {
		return tx.execute(status -> {
			List<PendingScore> due = jdbc.sql("""
					SELECT id, tenant_id, resource_link_id, user_subject, line_item_url, line_items_url, source_title,
					score_given, score_maximum, comment, completed_at, attempts
					FROM gradebook_score
					WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
					ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
				.params(Timestamp.from(now), Timestamp.from(now), limit)
				.query((rs, i) -> new PendingScore(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
						rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getInt(12)))
				.list();
			if (!due.isEmpty()) {
				jdbc.sql("UPDATE gradebook_score SET claimed_until = :until WHERE id IN (:ids)")
					.param("until", Timestamp.from(now.plus(claimFor)))
					.param("ids", due.stream().map(PendingScore::id).toList())
					.update();
			}
			return due;
		});
	}

	void lineItemFound(long id, String lineItemUrl) {
		jdbc.sql("UPDATE gradebook_score SET line_item_url = ? WHERE id = ?").params(cut(lineItemUrl, 2000), id).update();
	}

	void sent(long id, Instant now) {
		jdbc.sql("""
				UPDATE gradebook_score SET status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = NULL,
				last_error = NULL WHERE id = ?""")
			.params(Timestamp.from(now), id)
			.update();
	}

	void retryAt(long id, Instant next, String reason) {
		jdbc.sql("""
				UPDATE gradebook_score SET attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL, last_error = ?
				WHERE id = ?""")
			.params(Timestamp.from(next), cut(reason, 2000), id)
			.update();
	}

	void failed(long id, int platformStatus, String answer, boolean serviceOff) {
		jdbc.sql("""
				UPDATE gradebook_score SET status = 'FAILED', attempts = attempts + 1, claimed_until = NULL,
				last_error = ?, platform_status = ?, service_off = ? WHERE id = ?""")
			.params(cut(answer, 2000), platformStatus, serviceOff, id)
			.update();
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
