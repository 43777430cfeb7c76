package org.coachroom.team.cycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A cycle's results per class, for each round, kept as rows of counts (numbers only).
 * Hand SQL: the rounds of many cycles are read in one query (a workspace's list, a
 * school's overview), and a round is replaced whole.
 */
@Repository
class CycleResultQueries {

	/**
	 * The first results (the common assessment) and the re-assessment of the Adjust step.
	 */
	enum Round {

		BASELINE, REASSESSMENT

	}

	private final JdbcClient jdbc;

	CycleResultQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A cycle's two rounds, each's classes in the order the team entered them, read in
	 * one query.
	 */
	record Rounds(List<ClassResult> baseline, List<ClassResult> reassessment) {
	}

	Rounds of(long cycle) {
		Map<Key, List<ClassResult>> found = all(List.of(cycle));
		return new Rounds(found.getOrDefault(new Key(cycle, Round.BASELINE), List.of()),
				found.getOrDefault(new Key(cycle, Round.REASSESSMENT), List.of()));
	}

	record Key(long cycle, Round round) {
	}

	/** Every round of the cycles given, in one query. */
	Map<Key, List<ClassResult>> all(Collection<Long> cycles) {
		Map<Key, List<ClassResult>> found = new HashMap<>();
		if (cycles.isEmpty()) {
			return found;
		}
		String marks = cycles.stream().map(c -> "?").collect(Collectors.joining(","));
		jdbc.sql("SELECT cycle, round, class_name, class_size, counts FROM team_cycle_result WHERE cycle IN (" + marks
				+ ") ORDER BY cycle, round, position")
			.params(new ArrayList<>(cycles))
			.query((rs, i) -> {
				Key key = new Key(rs.getLong(1), Round.valueOf(rs.getString(2)));
				List<Integer> counts = Arrays.stream(rs.getString(5).split(",")).map(Integer::valueOf).toList();
				found.computeIfAbsent(key, k -> new ArrayList<>())
					.add(new ClassResult(rs.getString(3), rs.getInt(4), counts));
				return key;
			})
			.list();
		return found;
	}

	/**
	 * The round's results become these classes, all of them or (in the caller's
	 * transaction) none.
	 */
	void replace(long cycle, Round round, List<ClassResult> classes) {
		jdbc.sql("DELETE FROM team_cycle_result WHERE cycle = ? AND round = ?").params(cycle, round.name()).update();
		int position = 0;
		for (ClassResult c : classes) {
			jdbc.sql("""
					INSERT INTO team_cycle_result (cycle, round, position, class_name, class_size, counts)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(cycle, round.name(), position++, c.className(), c.classSize(),
						c.counts().stream().map(String::valueOf).collect(Collectors.joining(",")))
				.update();
		}
	}

}
