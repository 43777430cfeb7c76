package org.coachroom.lti.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.coachroom.lti.LmsConnections;
import org.coachroom.lti.Member;
import org.coachroom.lti.PlatformRegistration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class LmsConnectionsService implements LmsConnections {

	private final JdbcClient jdbc;

	private final Clock clock;

	LmsConnectionsService(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Connection of(Member member) {
		long tenant = member.tenant().value();
		record Own(String name, String family, Timestamp since, String source) {
		}
		Own own = jdbc.sql("""
				SELECT p.name, p.product_family, p.created_at, p.source
				FROM lti_deployment d JOIN lti_platform p ON p.id = d.platform_id WHERE d.id = ?""")
			.param(tenant)
			.query((rs, n) -> new Own(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4)))
			.single();
		// Only names: the platforms an admin's links brought in are theirs to know about,
		// not their issuers or keys.
		List<String> throughLinks = jdbc.sql("""
				SELECT p.name FROM lti_registration_invite i JOIN lti_platform p ON p.id = i.platform_id
				WHERE i.issued_by_tenant = ? AND i.used_at IS NOT NULL ORDER BY i.used_at DESC LIMIT 20""")
			.param(tenant)
			.query(String.class)
			.list();
		int open = jdbc.sql("""
				SELECT COUNT(*) FROM lti_registration_invite
				WHERE issued_by_tenant = ? AND used_at IS NULL AND expires_at > ?""")
			.params(tenant, Timestamp.from(clock.instant()))
			.query(Integer.class)
			.single();
		return new Connection(own.name(), own.family(), own.since().toInstant(),
				PlatformRegistration.Source.DYNAMIC_REGISTRATION.name().equals(own.source()), throughLinks, open);
	}

}
