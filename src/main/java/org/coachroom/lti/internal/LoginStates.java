package org.coachroom.lti.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.coachroom.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * OIDC state and nonce, in the database so that any node can finish a launch another node
 * started. A state belongs to one browser; its nonce is used once.
 */
@Component
class LoginStates {

	private static final Logger log = LoggerFactory.getLogger(LoginStates.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final LtiProperties properties;

	LoginStates(JdbcClient jdbc, Clock clock, LtiProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	record Issued(String state, String nonce) {
	}

	/**
	 * What ties a login's state to the browser that started it, besides the state's
	 * secrecy.
	 */
	enum Binding {

		/** The browser cookie it brought to the login (the normal path). */
		COOKIE,
		/**
		 * The browser cookie, set with this very login outside an LMS frame and not yet
		 * seen back. A launch without it is sent through the login again, checked, rather
		 * than refused: the browser may refuse cookies altogether.
		 */
		NEW_COOKIE,
		/**
		 * The platform's postMessage storage ({@code lti_storage_target}), checked by the
		 * page the launch answers with when the cookie did not come back; the cookie too,
		 * when it does.
		 */
		STORAGE,
		/**
		 * The browser refused the cookie and the platform offers no storage: the address
		 * and browser the login came from only.
		 */
		CLIENT

	}

	record Pending(String state, String nonce, long platformId, String browserHash, Instant expiresAt,
			Instant consumedAt, Binding binding, String clientHash, String storageTarget, String loginQuery) {

		/** A state bound to the browser cookie. */
		Pending(String state, String nonce, long platformId, String browserHash, Instant expiresAt,
				Instant consumedAt) {
			this(state, nonce, platformId, browserHash, expiresAt, consumedAt, Binding.COOKIE, null, null, null);
		}
	}

	Issued issue(long platformId, String targetLinkUri, String browserId) {
		return issue(platformId, targetLinkUri, browserId, Binding.COOKIE, null, null, null);
	}

	/**
	 * A new state and nonce; {@code clientHash} and {@code storageTarget} only for the
	 * bindings that use them.
	 */
	Issued issue(long platformId, String targetLinkUri, String browserId, Binding binding, String clientHash,
			String storageTarget, String loginQuery) {
		Instant now = clock.instant();
		Issued issued = new Issued(Tokens.random256(), Tokens.random256());
		jdbc.sql(
				"""
						INSERT INTO lti_login_state (state, nonce, browser_hash, platform_id, target_link_uri, created_at, expires_at,
						  binding, client_hash, storage_target, login_query)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(issued.state(), issued.nonce(), Tokens.hash(browserId), platformId, Text.cut(targetLinkUri, 2000),
					Timestamp.from(now), Timestamp.from(now.plus(properties.loginStateTtl())), binding.name(),
					clientHash, storageTarget, loginQuery)
			.update();
		return issued;
	}

	/**
	 * The state as the launch brings it back, checked against the browser; refused when
	 * unknown, expired, used or from another browser.
	 */
	Pending pending(String state, String browserId) {
		Pending pending = open(state);
		checkBrowser(pending, browserId);
		return pending;
	}

	/**
	 * The state as the launch brings it back, not yet checked against any browser;
	 * refused when unknown, expired or used.
	 */
	Pending open(String state) {
		if (state == null || state.isBlank()) {
			throw new RefusedException(Refusal.STATE_MISSING, "The launch carried no state parameter.");
		}
		if (!Tokens.looksRandom256(state)) {
			throw new RefusedException(Refusal.STATE_UNKNOWN, "The state parameter is not one Coachroom issues.");
		}
		Pending pending = jdbc.sql("""
				SELECT state, nonce, platform_id, browser_hash, expires_at, consumed_at, binding, client_hash,
				       storage_target, login_query
				FROM lti_login_state WHERE state = ?""")
			.param(state)
			.query((rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
					Binding.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10)))
			.optional()
			.orElseThrow(() -> new RefusedException(Refusal.STATE_UNKNOWN,
					"No login was started with this state (or it was cleaned up long ago)."));
		if (pending.consumedAt() != null) {
			throw new RefusedException(Refusal.STATE_ALREADY_USED, "This launch was already completed once.");
		}
		if (!clock.instant().isBefore(pending.expiresAt())) {
			throw new RefusedException(Refusal.STATE_EXPIRED, "The login started more than "
					+ properties.loginStateTtl().toMinutes() + " minutes before the launch arrived.");
		}
		return pending;
	}

	/**
	 * Refuses the launch unless it came with the cookie of the browser that logged in.
	 */
	void checkBrowser(Pending pending, String browserId) {
		if (browserId == null || !Tokens.hash(browserId).equals(pending.browserHash())) {
			throw new RefusedException(Refusal.STATE_OTHER_BROWSER,
					browserId == null ? "The browser did not send back the cookie Coachroom set when the login started."
							: "The launch arrived from a different browser than the one that started the login.");
		}
	}

	/**
	 * The platform a login was started for, whatever became of it since: tells whose
	 * frame may show a refusal.
	 */
	Optional<Long> platformOf(String state) {
		if (!Tokens.looksRandom256(state)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT platform_id FROM lti_login_state WHERE state = ?")
			.param(state)
			.query(Long.class)
			.optional();
	}

	/** Marks the state and its nonce used; false when another request got there first. */
	boolean consume(Pending pending) {
		return jdbc.sql("UPDATE lti_login_state SET consumed_at = ? WHERE state = ? AND consumed_at IS NULL")
			.params(Timestamp.from(clock.instant()), pending.state())
			.update() == 1;
	}

	/** Burns a state after a refused launch, so that it cannot be tried again. */
	void burn(Pending pending) {
		consume(pending);
	}

	/**
	 * Whether a nonce was issued and already used: tells a replay from a forgery in the
	 * log.
	 */
	boolean wasUsed(String nonce) {
		return nonce != null && nonce.length() <= 64
				&& jdbc.sql("SELECT COUNT(*) FROM lti_login_state WHERE nonce = ? AND consumed_at IS NOT NULL")
					.param(nonce)
					.query(Integer.class)
					.single() > 0;
	}

	/**
	 * Logins never finished go once expired; used ones are kept a day, long enough to
	 * tell a replayed token from a forged one. Every five minutes, on one node of many
	 * (ShedLock).
	 */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
	@SchedulerLock(name = "lti-login-states-cleanup", lockAtMostFor = "PT4M")
	void removeOld() {
		Instant now = clock.instant();
		int removed = jdbc.sql("""
				DELETE FROM lti_login_state
				WHERE (consumed_at IS NULL AND expires_at < ?) OR expires_at < ?""")
			.params(Timestamp.from(now), Timestamp.from(now.minusSeconds(86_400)))
			.update();
		if (removed > 0) {
			log.debug("Removed {} old login states", removed);
		}
	}

}
