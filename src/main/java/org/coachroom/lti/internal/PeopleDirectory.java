package org.coachroom.lti.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.People;
import org.coachroom.lti.ToolRole;
import org.coachroom.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link People} from the rows launches keep: lti_user and lti_context_member, always by
 * tenant.
 */
@Component
class PeopleDirectory implements People {

	private static final int IN_CLAUSE_LIMIT = 500;

	private final JdbcClient jdbc;

	PeopleDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Person> person(TenantId tenant, long userRef) {
		return jdbc.sql("SELECT id, subject, name, email, locale FROM lti_user WHERE tenant_id = ? AND id = ?")
			.params(tenant.value(), userRef)
			.query((rs, i) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	@Override
	public Map<Long, Person> people(TenantId tenant, Collection<Long> userRefs) {
		Map<Long, Person> found = new LinkedHashMap<>();
		List<Long> ids = userRefs.stream().distinct().toList();
		for (int from = 0; from < ids.size(); from += IN_CLAUSE_LIMIT) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CLAUSE_LIMIT));
			jdbc.sql("SELECT id, subject, name, email, locale FROM lti_user WHERE tenant_id = :tenant AND id IN (:ids)")
				.param("tenant", tenant.value())
				.param("ids", chunk)
				.query((rs, i) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.list()
				.forEach(p -> found.put(p.userRef(), p));
		}
		return found;
	}

	@Override
	public List<CourseMember> inCourse(TenantId tenant, long contextRef) {
		return jdbc.sql("""
				SELECT u.id, u.subject, u.name, u.email, m.coachroom_roles, m.last_launch_at
				FROM lti_context_member m JOIN lti_user u ON u.id = m.user_ref
				WHERE m.tenant_id = ? AND m.context_ref = ? AND u.tenant_id = m.tenant_id
				ORDER BY u.family_name, u.name, u.id""")
			.params(tenant.value(), contextRef)
			.query((rs, i) -> new CourseMember(
					new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
					Sessions.decode(rs.getString(5)), rs.getTimestamp(6).toInstant()))
			.list();
	}

	@Override
	public List<Person> withRole(TenantId tenant, ToolRole role) {
		return jdbc
			.sql("""
					SELECT DISTINCT u.id, u.subject, u.name, u.email, u.locale FROM lti_context_member m JOIN lti_user u ON u.id = m.user_ref
					WHERE m.tenant_id = ? AND CONCAT(',', m.coachroom_roles, ',') LIKE ? ORDER BY u.name, u.id""")
			.params(tenant.value(), "%," + role.name() + ",%")
			.query((rs, i) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	@Override
	public Set<String> rolesInCourse(TenantId tenant, long contextRef, long userRef) {
		return jdbc.sql(
				"SELECT coachroom_roles FROM lti_context_member WHERE tenant_id = ? AND context_ref = ? AND user_ref = ?")
			.params(tenant.value(), contextRef, userRef)
			.query(String.class)
			.optional()
			.map(Sessions::decode)
			.orElse(Set.of());
	}

	@Override
	public Optional<String> tenantName(TenantId tenant) {
		return jdbc.sql("""
				SELECT d.name, p.name, p.issuer FROM lti_deployment d JOIN lti_platform p ON p.id = d.platform_id
				WHERE d.id = ?""").param(tenant.value()).query((rs, i) -> {
			String deployment = rs.getString(1);
			String platform = rs.getString(2);
			if (deployment != null && !deployment.isBlank()) {
				return Optional.of(deployment.strip());
			}
			return platform == null || platform.isBlank() || platform.equals(rs.getString(3)) ? Optional.<String>empty()
					: Optional.of(platform.strip());
		}).optional().flatMap(name -> name);
	}

}
