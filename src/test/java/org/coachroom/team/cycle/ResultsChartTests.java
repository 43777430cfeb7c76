package org.coachroom.team.cycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results chart: what it draws, in which colours, and that nothing a team types
 * becomes markup.
 */
class ResultsChartTests {

	private static final ResultsChart.Labels LABELS = new ResultsChart.Labels("Results", "Baseline", "Re-assessment",
			"The team", " % proficient", "not entered");

	private final ProficiencyBands bands = ProficiencyBands.fourLevels();

	@Test
	void classesPairTheirTwoRoundsByNameAndTheTeamComesLast() {
		Results before = new Results(bands, List.of(new ClassResult("Room 12", 20, List.of(5, 5, 5, 5)),
				new ClassResult("Room 14", 20, List.of(10, 5, 5, 0))));
		Results after = new Results(bands, List.of(new ClassResult("room 14", 20, List.of(2, 3, 10, 5)),
				new ClassResult("Room 16", 18, List.of(1, 1, 8, 8))));
		List<ResultsChart.Group> groups = ResultsChart.groups(before.inTheTeam(), after.inTheTeam(), "The team");
		assertThat(groups).extracting(ResultsChart.Group::label)
			.containsExactly("Room 12", "Room 14", "Room 16", "The team");
		assertThat(groups.get(0).reassessment()).isNull();
		assertThat(groups.get(1).reassessment().proficientShare()).isEqualByComparingTo("75.0");
		assertThat(groups.get(2).baseline()).isNull();
		String svg = ResultsChart.svg("c", bands, groups, LABELS);
		assertThat(svg).startsWith("<svg")
			.contains("role=\"img\"")
			.contains("50.0 % proficient")
			.contains("not entered");
	}

	@Test
	void levelsBelowProficientAreWarmAndProficientOnesBlueWhateverTheirNumber() {
		for (int size = 2; size <= 6; size++) {
			for (int from = 1; from < size; from++) {
				List<String> names = new ArrayList<>();
				for (int i = 0; i < size; i++) {
					names.add("L" + i);
				}
				ProficiencyBands levels = new ProficiencyBands(names, from);
				Set<String> colours = new HashSet<>();
				for (int band = 0; band < size; band++) {
					colours.add(ResultsChart.colour(levels, band));
				}
				assertThat(colours).as(size + " levels from " + from).hasSize(size);
			}
		}
	}

	@Test
	void whatATeamTypesIsEscapedNotMarkup() {
		ProficiencyBands levels = new ProficiencyBands(List.of("<b>Low</b>", "High & \"up\""), 1);
		Results results = new Results(levels, List.of(new ClassResult("<script>alert(1)</script>", 12, List.of(4, 8))));
		String svg = ResultsChart.svg("c", levels, ResultsChart.groups(results.inTheTeam(), List.of(), "The team"),
				LABELS);
		assertThat(svg).doesNotContain("<script")
			.doesNotContain("<b>")
			.contains("&lt;script&gt;")
			.contains("High &amp; &quot;up&quot;");
	}

}
