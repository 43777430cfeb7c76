package org.coachroom.team.cycle;

import java.util.List;

import org.coachroom.team.workspace.TeamInputException;

/**
 * One class's results on a common assessment: how many students fell in each level.
 * Numbers only, never names; the counts cannot add up to more than the class.
 *
 * @param className as the team calls the class ("Room 12", "Period 3")
 * @param classSize students in the class
 * @param counts students per level, lowest first, one per level of the bands
 */
public record ClassResult(String className, int classSize, List<Integer> counts) {

	public ClassResult {
		className = className == null ? "" : className.strip();
		if (className.isEmpty() || className.length() > 100) {
			throw new TeamInputException("team.results.class-name");
		}
		if (classSize < 1 || classSize > 500) {
			throw new TeamInputException("team.results.class-size");
		}
		counts = List.copyOf(counts);
		int total = 0;
		for (Integer count : counts) {
			if (count == null || count < 0) {
				throw new TeamInputException("team.results.negative");
			}
			total += count;
		}
		if (total > classSize) {
			throw new TeamInputException("team.results.over-class-size");
		}
	}

	/** Checks the counts against the team's levels: one count per level. */
	ClassResult checkedAgainst(ProficiencyBands bands) {
		if (counts.size() != bands.size()) {
			throw new TeamInputException("team.results.levels");
		}
		return this;
	}

	/** Students who took the assessment. */
	public int assessed() {
		return counts.stream().mapToInt(Integer::intValue).sum();
	}

	public int proficient(ProficiencyBands bands) {
		int proficient = 0;
		for (int band = bands.proficientFrom(); band < counts.size(); band++) {
			proficient += counts.get(band);
		}
		return proficient;
	}
}
