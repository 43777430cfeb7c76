package org.coachroom.coaching.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secret addresses of people's calendar feeds. A person has at most one live link;
 * making a new one revokes the old. Only a hash of the token is kept, so the link is
 * shown once, when it is made.
 */
@Repository
class CalendarFeeds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarFeeds(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whose feed a token opens. */
	record Owner(TenantId tenant, long userRef) {
	}

	/** The live link's dates, without the token (which is not kept). */
	record Live(Instant createdAt, Instant lastReadAt) {
	}

	@Transactional
	String makeNew(Member member) {
		revoke(member);
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("INSERT INTO coaching_calendar_feed (token_hash, tenant_id, user_ref, created_at) VALUES (?, ?, ?, ?)")
			.params(hash(token), member.tenant().value(), member.userId(), Timestamp.from(clock.instant()))
			.update();
		return token;
	}

	@Transactional
	void revoke(Member member) {
		jdbc.sql("""
				UPDATE coaching_calendar_feed SET revoked_at = ?
				WHERE tenant_id = ? AND user_ref = ? AND revoked_at IS NULL""")
			.params(Timestamp.from(clock.instant()), member.tenant().value(), member.userId())
			.update();
	}

	Optional<Live> live(Member member) {
		return jdbc.sql("""
				SELECT created_at, last_read_at FROM coaching_calendar_feed
				WHERE tenant_id = ? AND user_ref = ? AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1""")
			.params(member.tenant().value(), member.userId())
			.query((rs, n) -> new Live(rs.getTimestamp(1).toInstant(),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/** The owner of a live link, noting that it was read; empty for anything else. */
	@Transactional
	Optional<Owner> open(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		String hash = hash(token);
		Optional<Owner> owner = jdbc
			.sql("SELECT tenant_id, user_ref FROM coaching_calendar_feed WHERE token_hash = ? AND revoked_at IS NULL")
			.param(hash)
			.query((rs, n) -> new Owner(new TenantId(rs.getLong(1)), rs.getLong(2)))
			.optional();
		owner.ifPresent(o -> jdbc.sql("UPDATE coaching_calendar_feed SET last_read_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(clock.instant()), hash)
			.update());
		return owner;
	}

	private static String hash(String token) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
