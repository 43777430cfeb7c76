package org.coachroom.lti.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.coachroom.lti.CourseContext;
import org.coachroom.shared.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Keeps users, courses, resource links and course membership as the latest launch
 * describes them. People and memberships are written in one upsert that changes nothing
 * when nothing changed (a person's first launch is one statement, not three); courses and
 * links are read first and written only when something changed. What this node last saw
 * of a row is remembered for a few minutes, so that relaunches, the common case, cost no
 * query at all; concurrent first launches of one person meet on the unique keys. A row
 * changed by another node within those minutes is rewritten here only when this node's
 * launch brings different data.
 * <p>
 * Some 300 lines: the four kinds of row share one remember-then-write pattern, and
 * keeping them together keeps that pattern (the launch's hot path) in one place.
 */
@Component
class LaunchRecords {

	private static final Duration REMEMBERED = Duration.ofMinutes(5);

	private static final int REMEMBERED_ROWS = 50_000;

	private final JdbcClient jdbc;

	/**
	 * What this node last read or wrote for a row, for a while and for a bounded number
	 * of rows. Forgetting is always safe: the row is then read again. Timed by the
	 * application's clock.
	 */
	private final Cache<Object, Object> recent;

	LaunchRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.recent = Caffeine.newBuilder()
			.maximumSize(REMEMBERED_ROWS)
			.expireAfterWrite(REMEMBERED)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	private record UserKey(long tenant, String subject) {
	}

	private record ContextKey(long tenant, String contextId) {
	}

	private record LinkKey(long tenant, String resourceLinkId) {
	}

	private record MemberKey(long contextRef, long userRef) {
	}

	private record Known(long id, Object data) {
	}

	private record KnownMembership(String ltiRoles, String roles, Instant writtenAt) {
	}

	/**
	 * Records a person the course roster names, who may not have launched yet: name and
	 * e-mail as the roster gives them, anything else (locale) left as a launch set it.
	 * Returns their id.
	 */
	long rosterUser(long tenant, String subject, String name, String givenName, String familyName, String email,
			Instant now) {
		jdbc.sql("""
				INSERT INTO lti_user (tenant_id, subject, name, given_name, family_name, email, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE name = VALUES(name), given_name = VALUES(given_name),
				family_name = VALUES(family_name), email = VALUES(email), updated_at = VALUES(updated_at)""")
			.params(tenant, subject, Text.cut(name, 300), Text.cut(givenName, 200), Text.cut(familyName, 200),
					Text.cut(email, 320), Timestamp.from(now))
			.update();
		recent.invalidate(new UserKey(tenant, subject));
		return jdbc.sql("SELECT id FROM lti_user WHERE tenant_id = ? AND subject = ?")
			.params(tenant, subject)
			.query(Long.class)
			.single();
	}

	/**
	 * Records a roster's course membership unless the person's own launch already did: a
	 * launch knows better. The roster's roles are kept beside it ({@code roster_roles}):
	 * a site administrator's launch cannot tell whether they are enrolled (Moodle gives
	 * administrators Instructor everywhere, and the tool's mapping sets it aside), the
	 * roster, which lists enrolled people only, can; their launches and the course's
	 * membership add the roles it gives.
	 */
	void rosterMembership(long tenant, long contextRef, long userRef, String ltiRoles, String coachroomRoles,
			Instant now) {
		int inserted = jdbc.sql("""
				INSERT IGNORE INTO lti_context_member (tenant_id, context_ref, user_ref, lti_roles, coachroom_roles,
				roster_roles, last_launch_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant, contextRef, userRef, Text.cut(ltiRoles, 2000), coachroomRoles, coachroomRoles,
					Timestamp.from(now))
			.update();
		if (inserted > 0) {
			return;
		}
		jdbc.sql("UPDATE lti_context_member SET roster_roles = ? WHERE context_ref = ? AND user_ref = ?")
			.params(coachroomRoles, contextRef, userRef)
			.update();
		record Row(String ltiRoles, String roles) {
		}
		jdbc.sql("SELECT lti_roles, coachroom_roles FROM lti_context_member WHERE context_ref = ? AND user_ref = ?")
			.params(contextRef, userRef)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2)))
			.optional()
			.filter(row -> launchedAsAdministrator(row.ltiRoles()))
			.ifPresent(row -> {
				Set<String> merged = new TreeSet<>(Sessions.decode(row.roles()));
				merged.addAll(Sessions.decode(coachroomRoles));
				jdbc.sql("UPDATE lti_context_member SET coachroom_roles = ? WHERE context_ref = ? AND user_ref = ?")
					.params(Sessions.encode(merged), contextRef, userRef)
					.update();
				recent.invalidate(new MemberKey(contextRef, userRef));
			});
	}

	/**
	 * The roles the course's roster last gave the person (none when no roster listed
	 * them).
	 */
	Set<String> rosterRoles(long contextRef, long userRef) {
		return jdbc.sql("SELECT roster_roles FROM lti_context_member WHERE context_ref = ? AND user_ref = ?")
			.params(contextRef, userRef)
			.query((rs, i) -> rs.getString(1))
			.optional()
			.filter(Objects::nonNull)
			.map(Sessions::decode)
			.orElse(Set.of());
	}

	private static boolean launchedAsAdministrator(String ltiRoles) {
		return ltiRoles != null && (ltiRoles.contains(RoleMapper.SYSTEM + "Administrator")
				|| ltiRoles.contains(RoleMapper.INSTITUTION + "Administrator"));
	}

	/**
	 * Forgets what this node remembered, e.g. when a row it pointed to turned out to be
	 * gone.
	 */
	void forget() {
		recent.invalidateAll();
	}

	private Long known(Object key, Object data) {
		return recent.getIfPresent(key) instanceof Known known && known.data().equals(data) ? known.id() : null;
	}

	record UserData(String subject, String name, String givenName, String familyName, String email, String locale) {
	}

	record ContextData(String contextId, String label, String title, String types) {
	}

	record LinkData(String resourceLinkId, String title, String description) {
	}

	long user(long tenant, UserData given, Instant now) {
		UserData u = new UserData(given.subject(), asStoredName(given.name()), Text.cut(given.givenName(), 200),
				Text.cut(given.familyName(), 200), asStoredEmail(given.email()), Text.cut(given.locale(), 35));
		UserKey key = new UserKey(tenant, u.subject());
		Long id = known(key, u);
		if (id == null) {
			id = readOrWriteUser(tenant, u, now);
			recent.put(key, new Known(id, u));
		}
		return id;
	}

	/**
	 * One statement whether the person is new or not: inserts, or rewrites what changed
	 * ({@code updated_at} only then, compared byte for byte), and returns the row's id
	 * either way ({@code LAST_INSERT_ID(id)}).
	 */
	private long readOrWriteUser(long tenant, UserData u, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO lti_user (tenant_id, subject, name, given_name, family_name, email, locale, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)
						ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id),
						  updated_at = IF(BINARY name <=> BINARY VALUES(name) AND BINARY given_name <=> BINARY VALUES(given_name)
						    AND BINARY family_name <=> BINARY VALUES(family_name) AND BINARY email <=> BINARY VALUES(email)
						    AND BINARY locale <=> BINARY VALUES(locale), updated_at, VALUES(updated_at)),
						  name = VALUES(name), given_name = VALUES(given_name), family_name = VALUES(family_name),
						  email = VALUES(email), locale = VALUES(locale)""")
			.params(tenant, u.subject(), u.name(), u.givenName(), u.familyName(), u.email(), u.locale(),
					Timestamp.from(now))
			.update(keys, "id");
		// Connector/J reports a key per counted row, the row's id first; none when the
		// driver counts an unchanged row as no row (useAffectedRows): then it is read
		if (keys.getKeyList().isEmpty()) {
			return jdbc.sql("SELECT id FROM lti_user WHERE tenant_id = ? AND subject = ?")
				.params(tenant, u.subject())
				.query(Long.class)
				.single();
		}
		return ((Number) keys.getKeyList().get(0).values().iterator().next()).longValue();
	}

	long context(long tenant, ContextData given, Instant now) {
		ContextData c = new ContextData(given.contextId(), asStoredLabel(given.label()), asStoredTitle(given.title()),
				Text.cut(given.types(), 500));
		ContextKey key = new ContextKey(tenant, c.contextId());
		Long id = known(key, c);
		if (id == null) {
			id = readOrWriteContext(tenant, c, now);
			recent.put(key, new Known(id, c));
		}
		return id;
	}

	private long readOrWriteContext(long tenant, ContextData c, Instant now) {
		record Row(long id, String label, String title, String types) {
		}
		Supplier<Optional<Row>> find = () -> jdbc
			.sql("SELECT id, label, title, types FROM lti_context WHERE tenant_id = ? AND context_id = ?")
			.params(tenant, c.contextId())
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
		Optional<Row> row = find.get();
		if (row.isEmpty()) {
			try {
				jdbc.sql(
						"INSERT INTO lti_context (tenant_id, context_id, label, title, types, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
					.params(tenant, c.contextId(), Text.cut(c.label(), 255), Text.cut(c.title(), 500),
							Text.cut(c.types(), 500), Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				// inserted by a concurrent launch from the same course
			}
			return find.get().orElseThrow().id();
		}
		Row r = row.get();
		if (!Objects.equals(r.label(), Text.cut(c.label(), 255)) || !Objects.equals(r.title(), Text.cut(c.title(), 500))
				|| !Objects.equals(r.types(), Text.cut(c.types(), 500))) {
			jdbc.sql("UPDATE lti_context SET label = ?, title = ?, types = ?, updated_at = ? WHERE id = ?")
				.params(Text.cut(c.label(), 255), Text.cut(c.title(), 500), Text.cut(c.types(), 500),
						Timestamp.from(now), r.id())
				.update();
		}
		return r.id();
	}

	long resourceLink(long tenant, Long contextRef, LinkData given, Instant now) {
		LinkData l = new LinkData(given.resourceLinkId(), Text.cut(given.title(), 500),
				Text.cut(given.description(), 2000));
		LinkKey key = new LinkKey(tenant, l.resourceLinkId());
		record Placed(Long contextRef, LinkData link) {
		}
		Placed placed = new Placed(contextRef, l);
		Long id = known(key, placed);
		if (id == null) {
			id = readOrWriteLink(tenant, contextRef, l, now);
			recent.put(key, new Known(id, placed));
		}
		return id;
	}

	private long readOrWriteLink(long tenant, Long contextRef, LinkData l, Instant now) {
		record Row(long id, Long contextRef, String title, String description) {
		}
		Supplier<Optional<Row>> find = () -> jdbc.sql(
				"SELECT id, context_ref, title, description FROM lti_resource_link WHERE tenant_id = ? AND resource_link_id = ?")
			.params(tenant, l.resourceLinkId())
			.query((rs, i) -> new Row(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
					rs.getString(4)))
			.optional();
		Optional<Row> row = find.get();
		if (row.isEmpty()) {
			try {
				jdbc.sql(
						"""
								INSERT INTO lti_resource_link (tenant_id, context_ref, resource_link_id, title, description, updated_at)
								VALUES (?, ?, ?, ?, ?, ?)""")
					.params(tenant, contextRef, l.resourceLinkId(), Text.cut(l.title(), 500),
							Text.cut(l.description(), 2000), Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				// inserted by a concurrent launch of the same link
			}
			return find.get().orElseThrow().id();
		}
		Row r = row.get();
		if (!Objects.equals(r.contextRef(), contextRef) || !Objects.equals(r.title(), Text.cut(l.title(), 500))
				|| !Objects.equals(r.description(), Text.cut(l.description(), 2000))) {
			jdbc.sql(
					"UPDATE lti_resource_link SET context_ref = ?, title = ?, description = ?, updated_at = ? WHERE id = ?")
				.params(contextRef, Text.cut(l.title(), 500), Text.cut(l.description(), 2000), Timestamp.from(now),
						r.id())
				.update();
		}
		return r.id();
	}

	/**
	 * Records that the person is in the course with these roles; refreshed at most hourly
	 * when unchanged.
	 */
	void membership(long tenant, long contextRef, long userRef, String ltiRoles, String coachroomRoles, Instant now) {
		MemberKey key = new MemberKey(contextRef, userRef);
		String lti = Text.cut(ltiRoles, 2000);
		if (recent.getIfPresent(key) instanceof KnownMembership known && known.ltiRoles().equals(lti)
				&& known.roles().equals(coachroomRoles) && known.writtenAt().isAfter(now.minusSeconds(3600))) {
			return;
		}
		Instant written = readOrWriteMembership(tenant, contextRef, userRef, lti, coachroomRoles, now);
		recent.put(key, new KnownMembership(lti, coachroomRoles, written));
	}

	/**
	 * One statement, new or not: the roles are rewritten, the launch time only when they
	 * changed or it is more than an hour old. Returns when this launch knows it was
	 * written (now: at worst the row was written up to an hour earlier).
	 */
	private Instant readOrWriteMembership(long tenant, long contextRef, long userRef, String lti, String coachroomRoles,
			Instant now) {
		jdbc.sql(
				"""
						INSERT INTO lti_context_member (tenant_id, context_ref, user_ref, lti_roles, coachroom_roles, last_launch_at)
						VALUES (?, ?, ?, ?, ?, ?)
						ON DUPLICATE KEY UPDATE
						  last_launch_at = IF(BINARY lti_roles <=> BINARY VALUES(lti_roles)
						    AND BINARY coachroom_roles <=> BINARY VALUES(coachroom_roles)
						    AND last_launch_at > VALUES(last_launch_at) - INTERVAL 1 HOUR, last_launch_at, VALUES(last_launch_at)),
						  lti_roles = VALUES(lti_roles), coachroom_roles = VALUES(coachroom_roles)""")
			.params(tenant, contextRef, userRef, lti, coachroomRoles, Timestamp.from(now))
			.update();
		return now;
	}

	/** A person's name as its row keeps it. */
	static String asStoredName(String name) {
		return Text.cut(name, 300);
	}

	static String asStoredEmail(String email) {
		return Text.cut(email, 320);
	}

	private static String asStoredLabel(String label) {
		return Text.cut(label, 255);
	}

	private static String asStoredTitle(String title) {
		return Text.cut(title, 500);
	}

	/** The course as its row keeps it once {@link #context} has written it. */
	static CourseContext asStored(long contextRef, ContextData given) {
		return new CourseContext(contextRef, given.contextId(), asStoredLabel(given.label()),
				asStoredTitle(given.title()));
	}

}
