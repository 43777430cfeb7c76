package org.coachroom.lti.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.coachroom.shared.TenantId;
import org.coachroom.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registration URLs ({@code /lti/register?invite=...}) that a district admin or the
 * operator issued: each works once, until it expires
 * ({@code coachroom.lti.registration-invite-ttl}). Only the token's hash is stored, as
 * for sessions: the database alone cannot be used to register.
 */
@Component
class RegistrationInvites {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final LtiProperties properties;

	RegistrationInvites(JdbcClient jdbc, Clock clock, LtiProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	record Issued(String token, Instant expiresAt) {
	}

	/**
	 * One issued invitation as its issuer's list shows it; {@code platformName} once it
	 * was used.
	 */
	record Invite(Instant createdAt, Instant expiresAt, Instant usedAt, String issuedBy, String platformName) {

		private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
			.withZone(ZoneOffset.UTC);

		public boolean expired(Instant now) {
			return usedAt == null && !now.isBefore(expiresAt);
		}

		public String created() {
			return SHOWN.format(createdAt);
		}

		public String expires() {
			return SHOWN.format(expiresAt);
		}
	}

	/**
	 * A new invitation; {@code tenant} is the district admin's, or null for the operator.
	 */
	Issued issue(TenantId tenant, String issuedBy) {
		Instant now = clock.instant();
		Issued issued = new Issued(Tokens.random256(), now.plus(properties.registrationInviteTtl()));
		jdbc.sql("""
				INSERT INTO lti_registration_invite (token_hash, issued_by_tenant, issued_by, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(Tokens.hash(issued.token()), tenant == null ? null : tenant.value(), Text.cut(issuedBy, 300),
					Timestamp.from(now), Timestamp.from(issued.expiresAt()))
			.update();
		return issued;
	}

	/**
	 * Whether the token is an invitation not used and not expired (checked before any LMS
	 * is called).
	 */
	boolean usable(String token) {
		return Tokens.looksRandom256(token) && jdbc.sql("""
				SELECT COUNT(*) FROM lti_registration_invite
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
			.params(Tokens.hash(token), Timestamp.from(clock.instant()))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Spends the invitation on the platform it let in; false when it was used meanwhile
	 * or expired.
	 */
	boolean use(String token, long platformId) {
		Instant now = clock.instant();
		return Tokens.looksRandom256(token) && jdbc.sql("""
				UPDATE lti_registration_invite SET used_at = ?, platform_id = ?
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
			.params(Timestamp.from(now), platformId, Tokens.hash(token), Timestamp.from(now))
			.update() == 1;
	}

	/** The invitations a tenant's admins issued, newest first. */
	List<Invite> issuedBy(TenantId tenant) {
		return jdbc.sql("""
				SELECT i.created_at, i.expires_at, i.used_at, i.issued_by, p.name
				FROM lti_registration_invite i LEFT JOIN lti_platform p ON p.id = i.platform_id
				WHERE i.issued_by_tenant = ? ORDER BY i.created_at DESC LIMIT 50""")
			.param(tenant.value())
			.query((rs, n) -> new Invite(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4),
					rs.getString(5)))
			.list();
	}

}
