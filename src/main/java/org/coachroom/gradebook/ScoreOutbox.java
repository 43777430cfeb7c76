package org.coachroom.gradebook;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.coachroom.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of scores to send. A row is claimed for a while by one worker (SELECT ...
 * FOR UPDATE SKIP LOCKED, so workers on many nodes never take the same row) and then
 * recorded as sent, to be tried again at a later time, or failed with the platform's
 * answer. A claim that runs out (a node that stopped mid-send) makes the row due again.
 */
@Component
class ScoreOutbox {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final TransactionTemplate ownTx;

	ScoreOutbox(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		// Read committed: the claim locks only the rows it takes, no gaps between them,
		// so completions
		// inserting new rows meanwhile neither wait for it nor deadlock with it.
		this.tx.setIsolationLevel(TransactionTemplate.ISOLATION_READ_COMMITTED);
		this.ownTx = new TransactionTemplate(transactions);
		this.ownTx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * A score waiting to be sent; {@code scoreGiven} null clears the score at the
	 * platform.
	 */
	record PendingScore(long id, long tenantId, String source, long sourceId, String resourceLinkId, String userSubject,
			String lineItemUrl, String lineItemsUrl, String sourceTitle, BigDecimal scoreGiven, BigDecimal scoreMaximum,
			String comment, Instant completedAt, int attempts, int revision, Instant claimedUntil) {

		PendingScore claimedUntil(Instant until) {
			return new PendingScore(id, tenantId, source, sourceId, resourceLinkId, userSubject, lineItemUrl,
					lineItemsUrl, sourceTitle, scoreGiven, scoreMaximum, comment, completedAt, attempts, revision,
					until);
		}

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
	 * One row per person and placement: a later score (a withdrawn completion, a new one)
	 * replaces the row's content and makes it due again under a new revision. A send of
	 * an older revision that is under way then cannot mark the row sent, so the newest
	 * score is always the last one the platform gets, and a score overtaken before it
	 * went out is never sent at all. Its timestamp is at least a second after the one it
	 * replaces (nodes' clocks differ; Moodle compares whole seconds and refuses a score
	 * no newer than the one it holds).
	 */
	void record(NewScore score, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO gradebook_score (tenant_id, source, source_id, source_title, resource_link_id, user_ref,
						user_subject, line_item_url, line_items_url, score_given, score_maximum, comment, completed_at, status,
						attempts, next_attempt_at, service_off, revision, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, FALSE, 1, ?)
						ON DUPLICATE KEY UPDATE source_title = VALUES(source_title), user_subject = VALUES(user_subject),
						line_item_url = COALESCE(VALUES(line_item_url), line_item_url), line_items_url = VALUES(line_items_url),
						score_given = VALUES(score_given), score_maximum = VALUES(score_maximum), comment = VALUES(comment),
						completed_at = GREATEST(VALUES(completed_at), completed_at + INTERVAL 1 SECOND), status = 'PENDING', attempts = 0, next_attempt_at = VALUES(next_attempt_at),
						last_error = NULL, platform_status = NULL, service_off = FALSE, sent_at = NULL, revision = revision + 1""")
			.params(score.tenantId(), score.source(), score.sourceId(), Text.cut(score.sourceTitle(), 300),
					score.resourceLinkId(), score.userRef(), score.userSubject(), Text.cut(score.lineItemUrl(), 2000),
					Text.cut(score.lineItemsUrl(), 2000), score.scoreGiven(), score.scoreMaximum(),
					Text.cut(score.comment(), 1000), Timestamp.from(score.at()), Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	/** As {@link #record}, for a row that exists, keeping the LMS id it was sent with. */
	void replaceForKnownSubject(NewScore score, Instant now) {
		jdbc.sql("""
				UPDATE gradebook_score SET score_given = ?, score_maximum = ?, comment = ?,
				completed_at = GREATEST(?, completed_at + INTERVAL 1 SECOND), status = 'PENDING', attempts = 0,
				next_attempt_at = ?, last_error = NULL, platform_status = NULL, service_off = FALSE, sent_at = NULL,
				revision = revision + 1
				WHERE tenant_id = ? AND source = ? AND source_id = ? AND resource_link_id = ? AND user_ref = ?""")
			.params(score.scoreGiven(), score.scoreMaximum(), Text.cut(score.comment(), 1000),
					Timestamp.from(score.at()), Timestamp.from(now), score.tenantId(), score.source(), score.sourceId(),
					score.resourceLinkId(), score.userRef())
			.update();
	}

	/**
	 * Claims up to {@code limit} due rows for {@code claimFor}; no other worker gets them
	 * meanwhile.
	 */
	List<PendingScore> claim(int limit, Instant now, Duration claimFor) {
		// the claim's end, to the column's millisecond, is the claim's token: every later
		// update checks it
		Instant until = now.plus(claimFor).truncatedTo(ChronoUnit.MILLIS);
		return tx.execute(status -> {
			List<PendingScore> due = jdbc
				.sql("""
						SELECT id, tenant_id, source, source_id, resource_link_id, user_subject, line_item_url, line_items_url, source_title,
						score_given, score_maximum, comment, completed_at, attempts, revision
						FROM gradebook_score
						WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
						ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
				.params(Timestamp.from(now), Timestamp.from(now), limit)
				.query((rs, i) -> new PendingScore(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
						rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
						rs.getInt(14), rs.getInt(15), until))
				.list();
			if (!due.isEmpty()) {
				jdbc.sql("UPDATE gradebook_score SET claimed_until = :until WHERE id IN (:ids)")
					.param("until", Timestamp.from(until))
					.param("ids", due.stream().map(PendingScore::id).toList())
					.update();
			}
			return due;
		});
	}

	/**
	 * Runs {@code work} holding a database-wide lock on the score's placement (MariaDB's
	 * GET_LOCK on one connection), so that senders on every node find or make its line
	 * item one at a time and never make two. Null when the lock did not come within 20
	 * seconds (inside the 30 s query timeout).
	 */
	<T> T underPlacementLock(PendingScore score, Supplier<T> work) {
		String name = "coachroom-li-" + placementHash(score);
		return tx.execute(status -> {
			Integer got = jdbc.sql("SELECT GET_LOCK(?, 20)").param(name).query(Integer.class).single();
			if (got == null || got != 1) {
				return null;
			}
			try {
				return work.get();
			}
			finally {
				jdbc.sql("SELECT RELEASE_LOCK(?)").param(name).query(Integer.class).single();
			}
		});
	}

	/** The line item a sender already found or made for the score's placement, if any. */
	String knownLineItem(PendingScore score) {
		return jdbc.sql("""
				SELECT line_item_url FROM gradebook_score WHERE tenant_id = ? AND source = ? AND source_id = ?
				AND resource_link_id = ? AND line_item_url IS NOT NULL LIMIT 1""")
			.params(score.tenantId(), score.source(), score.sourceId(), score.resourceLinkId())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Every score of the placement goes to the line item found or made for it. Committed
	 * on its own, before the placement's lock is let go, so the next sender to take the
	 * lock sees it.
	 */
	void lineItemFound(PendingScore score, String lineItemUrl) {
		ownTx.executeWithoutResult(status -> jdbc.sql("""
				UPDATE gradebook_score SET line_item_url = ? WHERE tenant_id = ? AND source = ? AND source_id = ?
				AND resource_link_id = ? AND line_item_url IS NULL""")
			.params(Text.cut(lineItemUrl, 2000), score.tenantId(), score.source(), score.sourceId(),
					score.resourceLinkId())
			.update());
	}

	private static String placementHash(PendingScore score) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((score.tenantId() + "\n" + score.source() + "\n" + score.sourceId() + "\n"
						+ score.resourceLinkId())
					.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 40);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/*
	 * The outcomes below change the row only if it still holds the revision that was
	 * sent; if a newer score replaced it meanwhile, the claim is released so the newer
	 * one goes out next.
	 */

	void sent(PendingScore score, Instant now) {
		settle(score, jdbc.sql("""
				UPDATE gradebook_score SET status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = NULL,
				last_error = NULL WHERE id = ? AND revision = ? AND claimed_until = ?""")
			.params(Timestamp.from(now), score.id(), score.revision(), Timestamp.from(score.claimedUntil()))
			.update());
	}

	void retryAt(PendingScore score, Instant next, String reason) {
		settle(score, jdbc
			.sql("""
					UPDATE gradebook_score SET attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL, last_error = ?
					WHERE id = ? AND revision = ? AND claimed_until = ?""")
			.params(Timestamp.from(next), Text.cut(reason, 2000), score.id(), score.revision(),
					Timestamp.from(score.claimedUntil()))
			.update());
	}

	void failed(PendingScore score, int platformStatus, String answer, boolean serviceOff) {
		settle(score, jdbc
			.sql("""
					UPDATE gradebook_score SET status = 'FAILED', attempts = attempts + 1, claimed_until = NULL,
					last_error = ?, platform_status = ?, service_off = ? WHERE id = ? AND revision = ? AND claimed_until = ?""")
			.params(Text.cut(answer, 2000), platformStatus, serviceOff, score.id(), score.revision(),
					Timestamp.from(score.claimedUntil()))
			.update());
	}

	/**
	 * Gives a claimed score back unsent (the node is stopping): due again at once, for
	 * any node.
	 */
	void release(PendingScore score) {
		jdbc.sql("UPDATE gradebook_score SET claimed_until = NULL WHERE id = ? AND claimed_until = ?")
			.params(score.id(), Timestamp.from(score.claimedUntil()))
			.update();
	}

	/**
	 * Just before a score goes on the wire: the claim is still this worker's (it did not
	 * run out while the score queued behind slow sends), and lasts {@code claimFor} from
	 * now. Empty when another worker has the row now, which then sends it instead.
	 */
	Optional<PendingScore> renew(PendingScore score, Instant now, Duration claimFor) {
		Instant until = now.plus(claimFor).truncatedTo(ChronoUnit.MILLIS);
		int renewed = jdbc
			.sql("""
					UPDATE gradebook_score SET claimed_until = ? WHERE id = ? AND status = 'PENDING' AND claimed_until = ?""")
			.params(Timestamp.from(until), score.id(), Timestamp.from(score.claimedUntil()))
			.update();
		return renewed == 1 ? Optional.of(score.claimedUntil(until)) : Optional.empty();
	}

	private void settle(PendingScore score, int updated) {
		if (updated == 0) {
			// a newer revision replaced the row meanwhile: give it back (only if still
			// ours) to go out next
			release(score);
		}
	}

}
