package org.coachroom.team.cycle;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.coachroom.team.workspace.TeamInputException;

/**
 * The levels a team sorts a common assessment's results into (for example Beginning,
 * Developing, Proficient, Advanced), lowest first, and the first level that counts as
 * proficient.
 *
 * @param names two to six levels, lowest first
 * @param proficientFrom the index of the first proficient level: at least one level is
 * below it
 */
public record ProficiencyBands(List<String> names, int proficientFrom) {

	public ProficiencyBands {
		names = names == null ? List.of() : names.stream().map(n -> n == null ? "" : n.strip()).toList();
		if (names.size() < 2 || names.size() > 6) {
			throw new TeamInputException("team.bands.count");
		}
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			if (name.isEmpty() || name.length() > 40 || name.chars().anyMatch(Character::isISOControl)
					|| !seen.add(name.toLowerCase(Locale.ROOT))) {
				throw new TeamInputException("team.bands.names");
			}
		}
		if (proficientFrom < 1 || proficientFrom >= names.size()) {
			throw new TeamInputException("team.bands.proficient");
		}
	}

	/** Four levels, the top two proficient: the usual start. */
	public static ProficiencyBands fourLevels() {
		return new ProficiencyBands(List.of("Beginning", "Developing", "Proficient", "Advanced"), 2);
	}

	public int size() {
		return names.size();
	}

	public boolean isProficient(int band) {
		return band >= proficientFrom;
	}
}
