package org.coachroom.lti.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The tokens that carry a cookie-less session on each link and form of the LMS's frame,
 * for browsers that refuse Coachroom's cookie there. Each belongs to one session opened
 * cookie-less by one launch; it is short-lived, replaced by a new one after a while (the
 * one replaced works a few seconds more), and only its hash is kept. A cookie session
 * never gets one, so a stolen cookie cannot be turned into a link.
 */
@Component
class UrlTokens {

	/**
	 * The query parameter that carries the token. Only read from the query string: the
	 * access log and refusals log paths without it, and {@link Logs#safe} hides it.
	 */
	static final String PARAMETER = "coachroom_session";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CookielessProperties properties;

	UrlTokens(JdbcClient jdbc, Clock clock, CookielessProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * A token in use: the session it opens, and the token to carry on from here (a new
	 * one when this one was due for replacement).
	 */
	record Use(String sessionHash, String current) {
	}

	/**
	 * The first token of a session a launch just opened cookie-less, for the address and
	 * browser the launch came from ({@link LoginController#client}).
	 */
	String issue(String sessionToken, String clientHash) {
		return insert(Tokens.hash(sessionToken), clientHash, clock.instant());
	}

	/**
	 * The cookie-less session this token opens: none when it is unknown, expired,
	 * replaced more than the grace ago, of a session that is not cookie-less, or comes
	 * from another address or browser than the launch's.
	 */
	Optional<Use> use(String token, String clientHash) {
		if (!Tokens.looksRandom256(token)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		String hash = Tokens.hash(token);
		record Row(String sessionHash, Instant createdAt) {
		}
		Optional<Row> row = jdbc.sql("""
				SELECT t.session_hash, t.created_at FROM lti_url_token t
				JOIN lti_session s ON s.token_hash = t.session_hash
				WHERE t.token_hash = ? AND t.client_hash = ? AND t.expires_at > ? AND s.cookieless = TRUE
				  AND s.expires_at > ?""")
			.params(hash, clientHash, Timestamp.from(now), Timestamp.from(now))
			.query((rs, i) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
		return row.map(r -> {
			if (r.createdAt().plus(properties.urlTokenRotation()).isAfter(now)) {
				return new Use(r.sessionHash(), token);
			}
			// replaced: the old one keeps working only while pages made with it load
			jdbc.sql("UPDATE lti_url_token SET expires_at = LEAST(expires_at, ?) WHERE token_hash = ?")
				.params(Timestamp.from(now.plus(properties.urlTokenGrace())), hash)
				.update();
			return new Use(r.sessionHash(), insert(r.sessionHash(), clientHash, now));
		});
	}

	/**
	 * The tenant of the session a token belonged to, expired or replaced (until cleaned
	 * up): whose LMS may show the page asking to open Coachroom again.
	 */
	Optional<Long> tenantOf(String token) {
		if (!Tokens.looksRandom256(token)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT s.tenant_id FROM lti_url_token t JOIN lti_session s ON s.token_hash = t.session_hash
				WHERE t.token_hash = ?""").param(Tokens.hash(token)).query(Long.class).optional();
	}

	private String insert(String sessionHash, String clientHash, Instant now) {
		String token = Tokens.random256();
		jdbc.sql("""
				INSERT INTO lti_url_token (token_hash, session_hash, client_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(Tokens.hash(token), sessionHash, clientHash, Timestamp.from(now),
					Timestamp.from(now.plus(properties.urlTokenTtl())))
			.update();
		return token;
	}

	/** The token a request carries in its query string, if any. */
	static String fromQuery(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || !query.contains(PARAMETER + "=")) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith(PARAMETER + "=")) {
				return pair.substring(PARAMETER.length() + 1);
			}
		}
		return null;
	}

	/**
	 * A path of this tool with the token added (before any fragment); anything else as it
	 * is.
	 */
	static String append(String url, String token) {
		if (url == null || token == null || url.contains(PARAMETER + "=")) {
			return url;
		}
		int hash = url.indexOf('#');
		String path = hash < 0 ? url : url.substring(0, hash);
		String fragment = hash < 0 ? "" : url.substring(hash);
		return path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + token + fragment;
	}

	/** Every ten minutes, on one node of many (ShedLock). */
	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT10M")
	@SchedulerLock(name = "lti-url-tokens-cleanup", lockAtMostFor = "PT5M")
	void removeExpired() {
		jdbc.sql("DELETE FROM lti_url_token WHERE expires_at < ?").param(Timestamp.from(clock.instant())).update();
	}

}
