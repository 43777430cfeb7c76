package org.coachroom.studygroup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coachroom.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The study group sessions ahead of a person, for their home page: the next sessions of
 * the groups they are in, and those of the groups they run. None for a principal or HR,
 * who see no group at all. Cancelled sessions and archived groups are left out.
 */
@Service
public class UpcomingSessions {

	private final JdbcClient jdbc;

	private final Clock clock;

	UpcomingSessions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A session ahead: its group, when, and where (a room, a meeting link, or both). */
	public record Upcoming(long groupId, String groupTitle, Instant startsAt, Instant endsAt, String location,
			String meetingUrl) {
	}

	/**
	 * A session on a person's calendar: the group's and the session's ids, when and
	 * where.
	 */
	public record OnCalendar(long groupId, long sessionId, String groupTitle, Instant startsAt, Instant endsAt,
			String location, String meetingUrl) {
	}

	/**
	 * The sessions between two instants of the groups a person is a member of (not
	 * withdrawn) or runs, for their calendar feed: read by the person's id, as a feed is
	 * fetched by a calendar app without a launch. Cancelled sessions and archived groups
	 * are left out.
	 */
	@Transactional(readOnly = true)
	public List<OnCalendar> forCalendar(TenantId tenant, long userRef, Instant from, Instant until) {
		return jdbc
			.sql("""
					SELECT g.id, s.id, g.title, s.starts_at, s.ends_at, s.location, s.meeting_url
					FROM study_group_session s JOIN study_group g ON g.id = s.study_group
					WHERE g.tenant_id = ? AND g.archived_at IS NULL AND NOT s.cancelled
					  AND s.starts_at >= ? AND s.starts_at < ?
					  AND (EXISTS (SELECT 1 FROM study_group_member m
					               WHERE m.study_group = g.id AND m.user_ref = ? AND m.withdrawn_at IS NULL)
					       OR EXISTS (SELECT 1 FROM study_group_facilitator f WHERE f.study_group = g.id AND f.user_ref = ?))
					ORDER BY s.starts_at, s.id LIMIT 500""")
			.params(tenant.value(), Timestamp.from(from), Timestamp.from(until), userRef, userRef)
			.query((rs, i) -> new OnCalendar(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)))
			.list();
	}

	/**
	 * The sessions held between two instants (up to now) of the groups a person runs,
	 * cancelled ones aside: what counts as a coach's coaching time without a second
	 * entry.
	 */
	@Transactional(readOnly = true)
	public List<OnCalendar> ranBetween(TenantId tenant, long userRef, Instant from, Instant until) {
		Instant now = clock.instant();
		Instant last = until.isAfter(now) ? now : until;
		return jdbc.sql("""
				SELECT g.id, s.id, g.title, s.starts_at, s.ends_at, s.location, s.meeting_url
				FROM study_group_session s JOIN study_group g ON g.id = s.study_group
				JOIN study_group_facilitator f ON f.study_group = g.id AND f.user_ref = ?
				WHERE g.tenant_id = ? AND NOT s.cancelled AND s.starts_at >= ? AND s.starts_at < ?
				ORDER BY s.starts_at, s.id""")
			.params(userRef, tenant.value(), Timestamp.from(from), Timestamp.from(last))
			.query((rs, i) -> new OnCalendar(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)))
			.list();
	}

	/**
	 * The next sessions of the groups the person is a member of, soonest first, from
	 * their overview (which the home page shows too).
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Upcoming> ofGroupsJoined(StudyGroupManagement.Overview overview, int limit) {
		return ahead(overview.joined(), null, limit);
	}

	/**
	 * The sessions of the groups the person runs within {@code within}, soonest first.
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Upcoming> ofGroupsRun(StudyGroupManagement.Overview overview, Duration within, int limit) {
		return ahead(overview.managed(), within, limit);
	}

	private List<Upcoming> ahead(List<GroupSummary> of, Duration within, int limit) {
		Map<Long, GroupSummary> byId = of.stream()
			.filter(g -> !g.archived())
			.collect(Collectors.toMap(GroupSummary::id, Function.identity(), (a, b) -> a));
		if (byId.isEmpty() || limit <= 0) {
			return List.of();
		}
		Instant now = clock.instant();
		List<Object> params = new ArrayList<>(byId.keySet());
		params.add(Timestamp.from(now));
		if (within != null) {
			params.add(Timestamp.from(now.plus(within)));
		}
		params.add(limit);
		String in = String.join(",", byId.keySet().stream().map(id -> "?").toList());
		String until = within == null ? "" : " AND starts_at <= ?";
		return jdbc.sql(
				"SELECT study_group, starts_at, ends_at, location, meeting_url FROM study_group_session WHERE study_group IN ("
						+ in + ") AND NOT cancelled AND starts_at >= ?" + until + " ORDER BY starts_at, id LIMIT ?")
			.params(params)
			.query((rs, i) -> new Upcoming(rs.getLong(1), byId.get(rs.getLong(1)).title(),
					rs.getTimestamp(2).toInstant(), rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
					rs.getString(4), rs.getString(5)))
			.list();
	}

}
