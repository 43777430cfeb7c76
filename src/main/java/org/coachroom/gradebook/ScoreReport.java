package org.coachroom.gradebook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.coachroom.lti.People;
import org.coachroom.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was sent to the LMS gradebook, what waits and what failed, for the people who
 * answer for it.
 */
@Component
class ScoreReport {

	private final JdbcClient jdbc;

	private final People people;

	ScoreReport(JdbcClient jdbc, People people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	/** One score as the report shows it. */
	record Row(long id, String sourceTitle, long sourceId, String resourceLinkId, String person, String status,
			int attempts, Instant completedAt, Instant nextAttemptAt, Instant sentAt, Integer platformStatus,
			String lastError, boolean serviceOff, boolean clears) {

		public boolean failed() {
			return "FAILED".equals(status);
		}

		public boolean pending() {
			return "PENDING".equals(status);
		}
	}

	/** Counts by status. */
	record Totals(int sent, int pending, int failed) {
	}

	List<Row> forSource(long tenant, String source, long sourceId) {
		return rows(tenant, "s.tenant_id = ? AND s.source = ? AND s.source_id = ?", tenant, source, sourceId);
	}

	/**
	 * The tenant's scores that need a person: failed ones first, then those still
	 * waiting.
	 */
	List<Row> unsent(long tenant) {
		return rows(tenant, "s.tenant_id = ? AND s.status <> 'SENT'", tenant);
	}

	Totals totals(long tenant) {
		return jdbc
			.sql("""
					SELECT COALESCE(SUM(status = 'SENT'), 0), COALESCE(SUM(status = 'PENDING'), 0), COALESCE(SUM(status = 'FAILED'), 0)
					FROM gradebook_score WHERE tenant_id = ?""")
			.param(tenant)
			.query((rs, i) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	/** Failed scores of a source go back in the queue, due now; returns how many. */
	int retryFailed(long tenant, String source, long sourceId, Instant now) {
		return jdbc
			.sql("""
					UPDATE gradebook_score SET status = 'PENDING', next_attempt_at = ?, claimed_until = NULL, service_off = FALSE
					WHERE tenant_id = ? AND source = ? AND source_id = ? AND status = 'FAILED'""")
			.params(Timestamp.from(now), tenant, source, sourceId)
			.update();
	}

	/** Every failed score of the tenant goes back in the queue. */
	int retryAllFailed(long tenant, Instant now) {
		return jdbc
			.sql("""
					UPDATE gradebook_score SET status = 'PENDING', next_attempt_at = ?, claimed_until = NULL, service_off = FALSE
					WHERE tenant_id = ? AND status = 'FAILED'""")
			.params(Timestamp.from(now), tenant)
			.update();
	}

	/**
	 * A row as read, before the person is named: names come from the {@code lti} module's
	 * {@link People}.
	 */
	private record Stored(Row row, long userRef) {
	}

	private List<Row> rows(long tenant, String where, Object... params) {
		List<Stored> stored = jdbc
			.sql("""
					SELECT s.id, s.source_title, s.source_id, s.resource_link_id, s.user_ref, s.user_subject, s.status,
					s.attempts, s.completed_at, s.next_attempt_at, s.sent_at, s.platform_status, s.last_error, s.service_off,
					s.score_given IS NULL
					FROM gradebook_score s
					WHERE"""
					+ " " + where
					+ " ORDER BY FIELD(s.status, 'FAILED', 'PENDING', 'SENT'), s.completed_at DESC, s.id LIMIT 500")
			.params(params)
			.query((rs, i) -> new Stored(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(6), rs.getString(7), rs.getInt(8), rs.getTimestamp(9).toInstant(),
					rs.getTimestamp(10).toInstant(),
					rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
					(Integer) rs.getObject(12, Integer.class), rs.getString(13), rs.getBoolean(14), rs.getBoolean(15)),
					rs.getLong(5)))
			.list();
		Map<Long, People.Person> named = people.people(new TenantId(tenant),
				stored.stream().map(Stored::userRef).distinct().toList());
		List<Row> rows = new ArrayList<>(stored.size());
		for (Stored s : stored) {
			People.Person person = named.get(s.userRef());
			// as before: the LMS's name when it gave one, else the LMS user id the score
			// was sent under
			String name = person != null && person.name() != null ? person.name() : s.row().person();
			Row r = s.row();
			rows.add(new Row(r.id(), r.sourceTitle(), r.sourceId(), r.resourceLinkId(), name, r.status(), r.attempts(),
					r.completedAt(), r.nextAttemptAt(), r.sentAt(), r.platformStatus(), r.lastError(), r.serviceOff(),
					r.clears()));
		}
		return rows;
	}

}
