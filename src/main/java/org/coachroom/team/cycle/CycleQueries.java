package org.coachroom.team.cycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the cycle repository cannot say in one query: the note a previous cycle carried
 * forward, who took part, and for many workspaces or cycles at once their latest cycle
 * and whether it has a baseline.
 */
@Component
class CycleQueries {

	private final JdbcClient jdbc;

	CycleQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the cycle before this number carried forward, if anything. */
	Optional<String> carriedInto(long workspace, int number) {
		return jdbc
			.sql("SELECT carry_forward FROM team_cycle WHERE workspace = ? AND number < ? ORDER BY number DESC LIMIT 1")
			.params(workspace, number)
			.query(String.class)
			.optional();
	}

	/** The members who took part in the (closed) cycle. */
	Set<Long> participants(long cycle) {
		return Set.copyOf(jdbc.sql("SELECT user_ref FROM team_cycle_participant WHERE cycle = ?")
			.param(cycle)
			.query(Long.class)
			.list());
	}

	void tookPart(long cycle, long userRef) {
		jdbc.sql("INSERT INTO team_cycle_participant (cycle, user_ref) VALUES (?, ?)").params(cycle, userRef).update();
	}

	/** The latest cycle of each of the workspaces, in one query. */
	List<Long> latestOf(Collection<Long> workspaces) {
		return jdbc
			.sql("SELECT MAX(id) FROM team_cycle WHERE workspace IN (" + marks(workspaces) + ") GROUP BY workspace")
			.params(new ArrayList<>(workspaces))
			.query(Long.class)
			.list();
	}

	/** Those of the cycles whose baseline results are in. */
	Set<Long> baselined(Collection<Long> cycleIds) {
		if (cycleIds.isEmpty()) {
			return Set.of();
		}
		return Set
			.copyOf(jdbc.sql("SELECT DISTINCT cycle FROM team_cycle_result WHERE round = 'BASELINE' AND cycle IN ("
					+ marks(cycleIds) + ")")
				.params(new ArrayList<>(cycleIds))
				.query(Long.class)
				.list());
	}

	private static String marks(Collection<?> values) {
		return values.stream().map(v -> "?").collect(Collectors.joining(","));
	}

}
