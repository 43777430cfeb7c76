package org.coachroom.coaching.school;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A count of people or contacts as a principal or a district admin sees it: under
 * {@link #SMALLEST_SHOWN} (and above nought) it is "fewer than 5", never its number.
 *
 * @param value the count, only to be shown when not hidden
 * @param hidden whether it is shown as "fewer than 5"
 */
public record Count(int value, boolean hidden) {

	/** Counts below this are shown as "fewer than" (as pd's principal counts). */
	public static final int SMALLEST_SHOWN = 5;

	public static Count of(int n) {
		return new Count(n, n > 0 && n < SMALLEST_SHOWN);
	}

	/** The value drawn in a chart: nought when hidden, so a bar tells nothing either. */
	public int drawn() {
		return hidden ? 0 : value;
	}

	/**
	 * Parts of a total shown beside them, each hidden when small; and, when only one is
	 * hidden, the smallest other one too, so that the total less the others does not give
	 * the hidden one away.
	 */
	public static List<Count> parts(List<Integer> values, boolean totalShown) {
		List<Count> counts = new ArrayList<>(values.stream().map(Count::of).toList());
		long hidden = counts.stream().filter(Count::hidden).count();
		if (totalShown && hidden == 1) {
			IntStream.range(0, counts.size())
				.filter(i -> !counts.get(i).hidden() && counts.get(i).value() > 0)
				.boxed()
				.min(Comparator.comparingInt(i -> counts.get(i).value()))
				.ifPresent(i -> counts.set(i, new Count(counts.get(i).value(), true)));
		}
		return counts;
	}

}
