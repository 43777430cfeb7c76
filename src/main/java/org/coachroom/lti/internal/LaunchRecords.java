package org.coachroom.lti.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps users, courses, resource links and course membership as the latest launch describes them.
 * Each row is read first and written only when something changed, so that relaunches, the common
 * case, cost reads; concurrent first launches of one person meet on the unique keys.
 */
@Component
class LaunchRecords {

	private final JdbcClient jdbc;

	LaunchRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record UserData(String subject, String name, String givenName, String familyName, String email, String locale) {
	}

	record ContextData(String contextId, String label, String title, String types) {
	}

	record LinkData(String resourceLinkId, String title, String description) {
	}

	long user(long tenant, UserData u, Instant now) {
		record Row(long id, String name, String given, String family, String email, String locale) {
		}
		Supplier<Optional<Row>> find = () -> jdbc
			.sql("SELECT id, name, given_name, family_name, email, locale FROM lti_user WHERE tenant_id = ? AND subject = ?")
			.params(tenant, u.subject())
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6)))
			.optional();
		Optional<Row> row = find.get();
		if (row.isEmpty()) {
			try {
				jdbc.sql("""
						INSERT INTO lti_user (tenant_id, subject, name, given_name, family_name, email, locale, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(tenant, u.subject(), cut(u.name(), 300), cut(u.givenName(), 200), cut(u.familyName(), 200),
							cut(u.email(), 320), cut(u.locale(), 35), Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				// another launch of the same person inserted first; its row is as good as ours
			}
			return find.get().orElseThrow().id();
		}
		Row r = row.get();
		if (!Objects.equals(r.name(), cut(u.name(), 300)) || !Objects.equals(r.given(), cut(u.givenName(), 200))
				|| !Objects.equals(r.family(), cut(u.familyName(), 200)) || !Objects.equals(r.email(), cut(u.email(), 320))
				|| !Objects.equals(r.locale(), cut(u.locale(), 35))) {
			jdbc.sql("""
					UPDATE lti_user SET name = ?, given_name = ?, family_name = ?, email = ?, locale = ?, updated_at = ?
					WHERE id = ?""")
				.params(cut(u.name(), 300), cut(u.givenName(), 200), cut(u.familyName(), 200), cut(u.email(), 320),
						cut(u.locale(), 35), Timestamp.from(now), r.id())
				.update();
		}
		return r.id();
	}

	long context(long tenant, ContextData c, Instant now) {
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
				jdbc.sql("INSERT INTO lti_context (tenant_id, context_id, label, title, types, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
					.params(tenant, c.contextId(), cut(c.label(), 255), cut(c.title(), 500), cut(c.types(), 500),
							Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				// inserted by a concurrent launch from the same course
			}
			return find.get().orElseThrow().id();
		}
		Row r = row.get();
		if (!Objects.equals(r.label(), cut(c.label(), 255)) || !Objects.equals(r.title(), cut(c.title(), 500))
				|| !Objects.equals(r.types(), cut(c.types(), 500))) {
			jdbc.sql("UPDATE lti_context SET label = ?, title = ?, types = ?, updated_at = ? WHERE id = ?")
				.params(cut(c.label(), 255), cut(c.title(), 500), cut(c.types(), 500), Timestamp.from(now), r.id())
				.update();
		}
		return r.id();
	}

	long resourceLink(long tenant, Long contextRef, LinkData l, Instant now) {
		record Row(long id, Long contextRef, String title, String description) {
		}
		Supplier<Optional<Row>> find = () -> jdbc
			.sql("SELECT id, context_ref, title, description FROM lti_resource_link WHERE tenant_id = ? AND resource_link_id = ?")
			.params(tenant, l.resourceLinkId())
			.query((rs, i) -> new Row(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3), rs.getString(4)))
			.optional();
		Optional<Row> row = find.get();
		if (row.isEmpty()) {
			try {
				jdbc.sql("""
						INSERT INTO lti_resource_link (tenant_id, context_ref, resource_link_id, title, description, updated_at)
						VALUES (?, ?, ?, ?, ?, ?)""")
					.params(tenant, contextRef, l.resourceLinkId(), cut(l.title(), 500), cut(l.description(), 2000),
							Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				// inserted by a concurrent launch of the same link
			}
			return find.get().orElseThrow().id();
		}
		Row r = row.get();
		if (!Objects.equals(r.contextRef(), contextRef) || !Objects.equals(r.title(), cut(l.title(), 500))
				|| !Objects.equals(r.description(), cut(l.description(), 2000))) {
			jdbc.sql("UPDATE lti_resource_link SET context_ref = ?, title = ?, description = ?, updated_at = ? WHERE id = ?")
				.params(contextRef, cut(l.title(), 500), cut(l.description(), 2000), Timestamp.from(now), r.id())
				.update();
		}
		return r.id();
	}

	/** Records that the person is in the course with these roles; refreshed at most hourly when unchanged. */
	void membership(long tenant, long contextRef, long userRef, String ltiRoles, String coachroomRoles, Instant now) {
		record Row(String ltiRoles, String roles, Instant last) {
		}
		Optional<Row> row = jdbc
			.sql("SELECT lti_roles, coachroom_roles, last_launch_at FROM lti_context_member WHERE context_ref = ? AND user_ref = ?")
			.params(contextRef, userRef)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.optional();
		String lti = cut(ltiRoles, 2000);
		if (row.isEmpty()) {
			try {
				jdbc.sql("""
						INSERT INTO lti_context_member (tenant_id, context_ref, user_ref, lti_roles, coachroom_roles, last_launch_at)
						VALUES (?, ?, ?, ?, ?, ?)""")
					.params(tenant, contextRef, userRef, lti, coachroomRoles, Timestamp.from(now))
					.update();
				return;
			}
			catch (DuplicateKeyException raced) {
				// a concurrent launch recorded the membership; fall through to refresh it
			}
		}
		else if (row.get().ltiRoles().equals(lti) && row.get().roles().equals(coachroomRoles)
				&& row.get().last().isAfter(now.minusSeconds(3600))) {
			return;
		}
		jdbc.sql("""
				UPDATE lti_context_member SET lti_roles = ?, coachroom_roles = ?, last_launch_at = ?
				WHERE context_ref = ? AND user_ref = ?""")
			.params(lti, coachroomRoles, Timestamp.from(now), contextRef, userRef)
			.update();
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
