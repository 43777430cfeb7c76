package org.coachroom.pd.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.lti.People;
import org.coachroom.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's history: every change with who, what, when, before and after (as catalog
 * JSON).
 */
@Component
public class CatalogHistory {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final People people;

	CatalogHistory(JdbcClient jdbc, JsonMapper json, People people) {
		this.jdbc = jdbc;
		this.json = json;
		this.people = people;
	}

	/** One change to the catalog: who, what, when, before and after (as catalog JSON). */
	public record Change(Instant at, String programCode, String actor, String action, String before, String after) {
	}

	/**
	 * The tenant's latest changes, newest first, with who made each as the lti module
	 * names them.
	 */
	List<Change> changes(long tenant, int limit) {
		record Row(Instant at, String programCode, long actor, String action, String before, String after) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT c.at, c.program_code, c.actor, c.action, c.before_value, c.after_value
				FROM pd_catalog_change c WHERE c.tenant_id = ? ORDER BY c.at DESC, c.id DESC LIMIT ?""")
			.params(tenant, limit)
			.query((rs, i) -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
		Map<Long, People.Person> named = people.people(new TenantId(tenant),
				rows.stream().map(Row::actor).distinct().toList());
		return rows.stream()
			.map(row -> new Change(row.at(), row.programCode(),
					Optional.ofNullable(named.get(row.actor())).map(People.Person::name).orElse("?"), row.action(),
					row.before(), row.after()))
			.toList();
	}

	void record(long tenant, String code, long actor, Instant at, String action, Program.Definition before,
			Program.Definition after) {
		jdbc.sql("""
				INSERT INTO pd_catalog_change (tenant_id, program_code, actor, at, action, before_value, after_value)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant, code, actor, Timestamp.from(at), action,
					before == null ? null : json.writeValueAsString(before),
					after == null ? null : json.writeValueAsString(after))
			.update();
	}

}
