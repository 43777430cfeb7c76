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

	/** A score waiting to be sent; {@code scoreGiven} null clears the score at the platform. */
	record PendingScore(long id, long tenantId, String resourceLinkId, String userSubject, String lineItemUrl,
			String lineItemsUrl, String sourceTitle, BigDecimal scoreGiven, BigDecimal scoreMaximum, String comment,
			Instant completedAt, int attempts, int revision) {

		boolean clears() {
			return scoreGiven == null;
		}
	}

	/** The score a person should have in one placement's column now. */
	record NewScore(long tenantId, String source, long sourceId, String sourceTitle, String resourceLinkId,
			long userRef, String userSubject, String lineItemUrl, String lineItemsUrl, BigDecimal scoreGiven,
			BigDecimal scoreMaximum, String comment, Instant at) {
	}

	/**
	 * One row per person and placement: a later score (a withdrawn completion, a new one) replaces the
	 * row's content and makes it due again under a new revision. A send of an older revision that is
	 * under way then cannot mark the row sent, so the newest score is always the last one the platform
	 * gets, and a score overtaken before it went out is never sent at all.
	 */
	void record(NewScore score, Instant now) {
		jdbc.sql("""
				INSERT INTO gradebook_score (tenant_id, source, source_id, source_title, resource_link_id, user_ref,
				user_subject, line_item_url, line_items_url, score_given, score_maximum, comment, completed_at, status,
				attempts, next_attempt_at, service_off, revision, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, FALSE, 1, ?)
				ON DUPLICATE KEY UPDATE source_title = VALUES(source_title), user_subject = VALUES(user_subject),
				line_item_url = COALESCE(VALUES(line_item_url), line_item_url), line_items_url = VALUES(line_items_url),
				score_given = VALUES(score_given), score_maximum = VALUES(score_maximum), comment = VALUES(comment),
				completed_at = VALUES(completed_at), status = 'PENDING', attempts = 0, next_attempt_at = VALUES(next_attempt_at),
				last_error = NULL, platform_status = NULL, service_off = FALSE, sent_at = NULL, revision = revision + 1""")
			.params(score.tenantId(), score.source(), score.sourceId(), cut(score.sourceTitle(), 300),
					score.resourceLinkId(), score.userRef(), score.userSubject(), cut(score.lineItemUrl(), 2000),
					cut(score.lineItemsUrl(), 2000), score.scoreGiven(), score.scoreMaximum(), cut(score.comment(), 1000),
					Timestamp.from(score.at()), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** Claims up to {@code limit} due rows for {@code claimFor}; no other worker gets them meanwhile. */
	List<PendingScore> claim(int limit, Instant now, Duration claimFor) {
		return tx.execute(status -> {
			List<PendingScore> due = jdbc.sql("""
					SELECT id, tenant_id, resource_link_id, user_subject, line_item_url, line_items_url, source_title,
					score_given, score_maximum, comment, completed_at, attempts, revision
					FROM gradebook_score
					WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
					ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
				.params(Timestamp.from(now), Timestamp.from(now), limit)
				.query((rs, i) -> new PendingScore(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
						rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getInt(12), rs.getInt(13)))
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

	/*
	 * The outcomes below change the row only if it still holds the revision that was sent; if a newer
	 * score replaced it meanwhile, the claim is released so the newer one goes out next.
	 */

	void sent(PendingScore score, Instant now) {
		settle(score, jdbc.sql("""
				UPDATE gradebook_score SET status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = NULL,
				last_error = NULL WHERE id = ? AND revision = ?""")
			.params(Timestamp.from(now), score.id(), score.revision())
			.update());
	}

	void retryAt(PendingScore score, Instant next, String reason) {
		settle(score, jdbc.sql("""
				UPDATE gradebook_score SET attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL, last_error = ?
				WHERE id = ? AND revision = ?""")
			.params(Timestamp.from(next), cut(reason, 2000), score.id(), score.revision())
			.update());
	}

	void failed(PendingScore score, int platformStatus, String answer, boolean serviceOff) {
		settle(score, jdbc.sql("""
				UPDATE gradebook_score SET status = 'FAILED', attempts = attempts + 1, claimed_until = NULL,
				last_error = ?, platform_status = ?, service_off = ? WHERE id = ? AND revision = ?""")
			.params(cut(answer, 2000), platformStatus, serviceOff, score.id(), score.revision())
			.update());
	}

	/** Gives a claimed score back unsent (the node is stopping): due again at once, for any node. */
	void release(PendingScore score) {
		jdbc.sql("UPDATE gradebook_score SET claimed_until = NULL WHERE id = ?").param(score.id()).update();
	}

	private void settle(PendingScore score, int updated) {
		if (updated == 0) {
			jdbc.sql("UPDATE gradebook_score SET claimed_until = NULL WHERE id = ?").param(score.id()).update();
		}
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
