package org.coachroom.coaching.school;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Small counts hidden so that no part of a shown total can be worked out. */
class CountTests {

	private static List<Boolean> hidden(List<Integer> values, boolean totalShown) {
		return Count.parts(values, totalShown).stream().map(Count::hidden).toList();
	}

	@Test
	void aCountUnderFiveIsHiddenAndZeroOrFiveAndMoreAreShownWithoutATotal() {
		assertThat(hidden(List.of(0, 1, 4, 5, 30), false)).containsExactly(false, true, true, false, false);
	}

	@Test
	void besideAShownTotalPartsUnderTenAreHiddenWithASmallOne() {
		// 1, 5, 7, 8 of 21: hiding 1 and 5 alone would leave 6 for the pair, which only 1
		// and 5 make when the rule is known
		assertThat(hidden(List.of(1, 5, 7, 8), true)).containsExactly(true, true, true, true);
	}

	@Test
	void aLoneHiddenPartTakesTheSmallestOtherWithIt() {
		assertThat(hidden(List.of(1, 12, 20), true)).containsExactly(true, true, false);
		assertThat(hidden(List.of(0, 3, 40), true)).containsExactly(false, true, true);
	}

	@Test
	void nothingSmallNothingHidden() {
		assertThat(hidden(List.of(0, 6, 9), true)).containsExactly(false, false, false);
	}

}
