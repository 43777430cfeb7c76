package org.coachroom.team.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cycle's results as a principal sees them (a shared summary, and its preview on the
 * sharing step): small classes folded into the team's total, and the classes named "Class
 * A, B, C" in the order the team entered them, unless the team chose to show its class
 * names (they are usually teachers' names). A class keeps its letter in both rounds.
 */
record PrincipalResults(List<Results.Row> baseline, List<Results.Row> reassessment) {

	static PrincipalResults of(ProficiencyBands bands, List<ClassResult> baseline, List<ClassResult> reassessment,
			boolean classNames) {
		List<Results.Row> before = baseline.isEmpty() ? List.of() : new Results(bands, baseline).outsideTheTeam();
		List<Results.Row> after = reassessment.isEmpty() ? List.of()
				: new Results(bands, reassessment).outsideTheTeam();
		if (classNames) {
			return new PrincipalResults(before, after);
		}
		Map<String, String> letters = new LinkedHashMap<>();
		for (List<ClassResult> round : List.of(baseline, reassessment)) {
			for (ClassResult c : round) {
				letters.computeIfAbsent(key(c.className()), k -> "Class " + letter(letters.size()));
			}
		}
		return new PrincipalResults(lettered(before, letters), lettered(after, letters));
	}

	private static List<Results.Row> lettered(List<Results.Row> rows, Map<String, String> letters) {
		List<Results.Row> out = new ArrayList<>();
		for (Results.Row r : rows) {
			out.add(r.className() == null ? r
					: new Results.Row(letters.get(key(r.className())), r.counts(), r.assessed(), r.proficientShare()));
		}
		return out;
	}

	private static String key(String className) {
		return className.toLowerCase(Locale.ROOT);
	}

	/** A, B, ... Z, AA, AB, ... */
	static String letter(int index) {
		String s = "";
		int i = index;
		do {
			s = (char) ('A' + i % 26) + s;
			i = i / 26 - 1;
		}
		while (i >= 0);
		return s;
	}
}
