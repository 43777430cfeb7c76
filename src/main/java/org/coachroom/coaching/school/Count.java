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
	 * Parts of a total shown beside them, each hidden when small. When one is hidden and
	 * the total is shown, parts under twice the smallest shown are hidden with it, and if
	 * that still leaves one hidden, the smallest other one too: the total less the parts
	 * shown then leaves a sum that cannot be split back into who had what.
	 */
	public static List<Count> parts(List<Integer> values, boolean totalShown) {
		List<Count> counts = new ArrayList<>(values.stream().map(Count::of).toList());
		if (!totalShown || counts.stream().noneMatch(Count::hidden)) {
			return counts;
		}
		for (int i = 0; i < counts.size(); i++) {
			Count c = counts.get(i);
			if (!c.hidden() && c.value() > 0 && c.value() < 2 * SMALLEST_SHOWN) {
				counts.set(i, new Count(c.value(), true));
			}
		}
		if (counts.stream().filter(Count::hidden).count() == 1) {
			IntStream.range(0, counts.size())
				.filter(i -> !counts.get(i).hidden() && counts.get(i).value() > 0)
				.boxed()
				.min(Comparator.comparingInt(i -> counts.get(i).value()))
				.ifPresent(i -> counts.set(i, new Count(counts.get(i).value(), true)));
		}
		return counts;
	}

}
