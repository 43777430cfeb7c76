package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of a learning cycle's numbers: levels, class results, the share proficient,
 * the SMART goal.
 */
class CycleRulesTests {

	private static final ProficiencyBands FOUR = ProficiencyBands.fourLevels();

	private static ClassResult room(String name, int size, Integer... counts) {
		return new ClassResult(name, size, List.of(counts));
	}

	@Test
	void theShareProficientCountsTheLevelsFromTheFirstProficientOneOverEveryoneAssessed() {
		Results results = new Results(FOUR, List.of(room("Room 12", 24, 4, 8, 9, 3), room("Room 14", 22, 2, 6, 10, 2)));
		assertThat(results.assessed()).isEqualTo(44);
		assertThat(results.proficient()).isEqualTo(24);
		assertThat(results.proficientShare()).isEqualByComparingTo("54.5");
		assertThat(results.teamTotal().counts()).containsExactly(6, 14, 19, 5);
	}

	@Test
	void studentsAbsentFromTheAssessmentAreNotCountedAsNotProficient() {
		Results results = new Results(FOUR, List.of(room("Room 12", 24, 0, 0, 10, 0)));
		assertThat(results.proficientShare()).isEqualByComparingTo("100.0");
	}

	@Test
	void nobodyAssessedHasNoShareRatherThanZero() {
		assertThat(new Results(FOUR, List.of(room("Room 12", 24, 0, 0, 0, 0))).proficientShare()).isNull();
		assertThat(new Results(FOUR, List.of()).proficientShare()).isNull();
	}

	@Test
	void countsAboveTheClassSizeOrBelowZeroAreRefused() {
		assertThatThrownBy(() -> room("Room 12", 20, 5, 5, 6, 5)).hasMessage("team.results.over-class-size");
		assertThatThrownBy(() -> room("Room 12", 20, 5, -1, 6, 5)).hasMessage("team.results.negative");
		assertThatThrownBy(() -> room("Room 12", 0)).hasMessage("team.results.class-size");
		assertThatThrownBy(() -> room(" ", 20, 1, 1, 1, 1)).hasMessage("team.results.class-name");
	}

	@Test
	void everyClassGivesOneCountPerLevelAndAppearsOnce() {
		assertThatThrownBy(() -> new Results(FOUR, List.of(room("Room 12", 20, 5, 5, 5))))
			.hasMessage("team.results.levels");
		assertThatThrownBy(
				() -> new Results(FOUR, List.of(room("Room 12", 20, 1, 1, 1, 1), room("room 12", 20, 1, 1, 1, 1))))
			.hasMessage("team.results.class-twice");
	}

	@Test
	void levelsAreTwoToSixDistinctNamesWithSomethingBelowProficient() {
		assertThatThrownBy(() -> new ProficiencyBands(List.of("Only"), 0)).hasMessage("team.bands.count");
		assertThatThrownBy(() -> new ProficiencyBands(List.of("Low", "low", "High"), 2)).hasMessage("team.bands.names");
		assertThatThrownBy(() -> new ProficiencyBands(List.of("Low", "High"), 0)).hasMessage("team.bands.proficient");
		assertThatThrownBy(() -> new ProficiencyBands(List.of("Low", "High"), 2)).hasMessage("team.bands.proficient");
		assertThat(new ProficiencyBands(List.of("Not yet", "Met"), 1).isProficient(1)).isTrue();
	}

	@Test
	void outsideTheTeamAClassUnderTenIsFoldedIntoTheTeamsTotalOnly() {
		Results results = new Results(FOUR, List.of(room("Room 12", 24, 4, 8, 9, 3), room("Room 14", 22, 5, 5, 6, 6),
				room("Small group", 4, 1, 1, 1, 1), room("Pull-out", 5, 1, 2, 1, 1)));
		List<Results.Row> rows = results.outsideTheTeam();
		// the two small classes hold 9 students together: Room 14, the smallest shown, is
		// folded with them
		assertThat(rows).extracting(Results.Row::className).containsExactly("Room 12", null);
		assertThat(rows.get(1).assessed()).isEqualTo(55);
		assertThat(rows.get(1).counts()).containsExactly(11, 16, 17, 11);
	}

	@Test
	void outsideTheTeamNoSmallClassCanBeWorkedOutByTakingTheOthersFromTheTotal() {
		Results results = new Results(FOUR,
				List.of(room("Room 12", 24, 4, 8, 9, 3), room("Small group", 6, 1, 2, 2, 1)));
		assertThat(results.outsideTheTeam()).extracting(Results.Row::className).containsExactly((String) null);
		Results enough = new Results(FOUR, List.of(room("Room 12", 24, 4, 8, 9, 3), room("Group A", 6, 1, 2, 2, 1),
				room("Group B", 5, 1, 1, 2, 1)));
		assertThat(enough.outsideTheTeam()).extracting(Results.Row::className).containsExactly("Room 12", null);
		assertThat(new Results(FOUR, List.of(room("Tiny team", 8, 1, 2, 3, 2))).outsideTheTeam()).as("a team under ten")
			.isEmpty();
	}

	@Test
	void outsideTheTeamAFewStudentsReassessedInABigClassAreASmallGroupToo() {
		Results reassessed = new Results(FOUR, List.of(room("Room 12", 24, 1, 1, 0, 0), room("Room 14", 22, 5, 5, 6, 6),
				room("Room 16", 25, 5, 5, 8, 7)));
		// two students of Room 12: folded, and Room 14 with them so they cannot be worked
		// out
		assertThat(reassessed.outsideTheTeam()).extracting(Results.Row::className).containsExactly("Room 16", null);
	}

	@Test
	void aGoalAimsAboveTheBaselineAndIsMetAtOrAboveItsTarget() {
		Results baseline = new Results(FOUR, List.of(room("Room 12", 20, 6, 6, 6, 2)));
		SmartGoal goal = SmartGoal.from(baseline, new BigDecimal("70"), LocalDate.of(2027, 3, 1));
		assertThat(goal.baselinePercent()).isEqualByComparingTo("40.0");
		assertThat(goal.metBy(new Results(FOUR, List.of(room("Room 12", 20, 2, 4, 10, 4))))).as("exactly 70%").isTrue();
		assertThat(goal.metBy(new Results(FOUR, List.of(room("Room 12", 20, 1, 2, 12, 5))))).as("85%").isTrue();
		assertThat(goal.metBy(new Results(FOUR, List.of(room("Room 12", 20, 4, 4, 9, 3))))).as("60%").isFalse();
		assertThat(goal.metBy(new Results(FOUR, List.of()))).as("nobody re-assessed").isFalse();
		assertThatThrownBy(() -> SmartGoal.from(baseline, new BigDecimal("40"), LocalDate.of(2027, 3, 1)))
			.hasMessage("team.goal.above-baseline");
		assertThatThrownBy(() -> SmartGoal.from(baseline, new BigDecimal("101"), LocalDate.of(2027, 3, 1)))
			.hasMessage("team.goal.target");
		assertThatThrownBy(() -> SmartGoal.from(baseline, new BigDecimal("80"), null)).hasMessage("team.goal.date");
	}

}
