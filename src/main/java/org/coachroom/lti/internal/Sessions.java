package org.coachroom.lti.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.coachroom.lti.CourseContext;
import org.coachroom.lti.LaunchDetails;
import org.coachroom.lti.Member;
import org.coachroom.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed-in browsers. The cookie carries a random token; the database keeps its hash with
 * who it belongs to, so any node can serve the next request and a stolen database leaks
 * no usable cookie.
 */
@Component
class Sessions {

	private static final Logger log = LoggerFactory.getLogger(Sessions.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final LtiProperties properties;

	private final JsonMapper json;

	/**
	 * Launch details as read from their stored JSON, by that JSON: every request of a
	 * session reads the same text, and parsing it was a tenth of the page after a launch.
	 * The row is still read each time; only the parse is kept (the details never change).
	 */
	private final Cache<String, LaunchDetails> parsed = Caffeine.newBuilder()
		// weighed by the text's length: a launch's details can be large (custom
		// parameters)
		.maximumWeight(4_000_000)
		.weigher((String data, LaunchDetails details) -> data.length())
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	Sessions(JdbcClient jdbc, Clock clock, LtiProperties properties, JsonMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.json = json;
	}

	record Signed(Member member, String csrfToken) {
	}

	/**
	 * @param cookieless opened for a browser that refused the cookie: only URL tokens
	 * ({@link UrlTokens}) sign it in, never a cookie
	 */
	record NewSession(long tenant, long userRef, Long contextRef, Long resourceLinkRef, Set<String> roles,
			LaunchDetails launch, boolean cookieless) {

		NewSession(long tenant, long userRef, Long contextRef, Long resourceLinkRef, Set<String> roles,
				LaunchDetails launch) {
			this(tenant, userRef, contextRef, resourceLinkRef, roles, launch, false);
		}
	}

	/**
	 * A session just opened: the token for its cookie and the CSRF token of its forms.
	 */
	record Opened(String token, String csrfToken) {
	}

	/**
	 * Starts a session and returns its token (for the cookie, or, cookie-less, for
	 * {@link UrlTokens} to hand out tokens of its own) with its forms' CSRF token.
	 */
	Opened open(NewSession s) {
		String token = Tokens.random256();
		String csrfToken = Tokens.random256();
		Instant now = clock.instant();
		String launchData = json.writeValueAsString(s.launch());
		parsed.put(launchData, s.launch());
		jdbc.sql("""
				INSERT INTO lti_session (token_hash, tenant_id, user_ref, context_ref, resource_link_ref, roles,
				  message_type, launch_data, csrf_token, created_at, expires_at, cookieless)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Tokens.hash(token), s.tenant(), s.userRef(), s.contextRef(), s.resourceLinkRef(), encode(s.roles()),
					s.launch().messageType(), launchData, csrfToken, Timestamp.from(now),
					Timestamp.from(now.plus(properties.sessionTtl())), s.cookieless())
			.update();
		return new Opened(token, csrfToken);
	}

	/**
	 * The session of a cookie; a cookie-less session's token never reaches a browser, and
	 * is not accepted from one.
	 */
	Optional<Signed> find(String token) {
		if (!Tokens.looksRandom256(token)) {
			return Optional.empty();
		}
		return byHash(Tokens.hash(token), false);
	}

	/** The session a URL token points to, by its hash; cookie-less sessions only. */
	Optional<Signed> findCookieless(String sessionHash) {
		return byHash(sessionHash, true);
	}

	private Optional<Signed> byHash(String sessionHash, boolean cookieless) {
		return jdbc.sql("""
				SELECT s.tenant_id, s.user_ref, u.subject, u.name, u.email, s.roles, s.launch_data, s.csrf_token,
				       c.id, c.context_id, c.label, c.title, p.name
				FROM lti_session s
				JOIN lti_user u ON u.id = s.user_ref
				JOIN lti_deployment d ON d.id = s.tenant_id
				JOIN lti_platform p ON p.id = d.platform_id
				LEFT JOIN lti_context c ON c.id = s.context_ref
				WHERE s.token_hash = ? AND s.expires_at > ? AND s.cookieless = ?""")
			.params(sessionHash, Timestamp.from(clock.instant()), cookieless)
			.query((rs, i) -> {
				CourseContext context = rs.getObject(9) == null ? null
						: new CourseContext(rs.getLong(9), rs.getString(10), rs.getString(11), rs.getString(12));
				LaunchDetails launch = parsed.get(rs.getString(7), data -> json.readValue(data, LaunchDetails.class));
				Member member = new Member(new TenantId(rs.getLong(1)), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5), decode(rs.getString(6)), context, rs.getString(13), launch);
				return new Signed(member, rs.getString(8));
			})
			.optional();
	}

	/**
	 * The tenant of a session, expired or not (until it is cleaned up): whose LMS the
	 * browser came from.
	 */
	Optional<Long> tenantOf(String token) {
		if (!Tokens.looksRandom256(token)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT tenant_id FROM lti_session WHERE token_hash = ?")
			.param(Tokens.hash(token))
			.query(Long.class)
			.optional();
	}

	void end(String token) {
		if (Tokens.looksRandom256(token)) {
			endByHash(Tokens.hash(token));
		}
	}

	/** Ends a session and, with it, its URL tokens. */
	void endByHash(String sessionHash) {
		jdbc.sql("DELETE FROM lti_session WHERE token_hash = ?").param(sessionHash).update();
	}

	/** Every hour, on one node of many (ShedLock). */
	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
	@SchedulerLock(name = "lti-sessions-cleanup", lockAtMostFor = "PT10M")
	void removeExpired() {
		int removed = jdbc.sql("DELETE FROM lti_session WHERE expires_at < ?")
			.param(Timestamp.from(clock.instant()))
			.update();
		if (removed > 0) {
			log.debug("Removed {} expired sessions", removed);
		}
	}

	/** Tool role names as one column: sorted, comma-separated. */
	static String encode(Set<String> roles) {
		return roles.stream().sorted().collect(Collectors.joining(","));
	}

	static Set<String> decode(String roles) {
		Set<String> set = new TreeSet<>();
		for (String r : roles.split(",")) {
			if (!r.isBlank()) {
				set.add(r.strip());
			}
		}
		return set;
	}

}
