package org.coachroom.team.cycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A results grid as posted: each field a rule refuses is named with its sentence, and no
 * input, however made, gets further than a refusal.
 */
class CycleResultsFormTests {

	private static Map<String, String> row(String name, String size, String... counts) {
		Map<String, String> posted = new HashMap<>(Map.of("round", "baseline", "rows", "1", "version", "3"));
		posted.put("class-0-name", name);
		posted.put("class-0-size", size);
		for (int j = 0; j < counts.length; j++) {
			posted.put("class-0-count-" + j, counts[j]);
		}
		return posted;
	}

	@Test
	void aGridAsTypedGivesItsClassesRoundAndVersion() {
		ResultsForm form = ResultsForm.of(row(" Room 12 ", "24", "6", "8", "7", "3"));
		assertThat(form.round()).isEqualTo(CycleResultQueries.Round.BASELINE);
		assertThat(form.version()).isEqualTo(3);
		assertThat(form.classes(4)).containsExactly(new ClassResult("Room 12", 24, List.of(6, 8, 7, 3)));
	}

	@Test
	void eachRefusedFieldIsNamedWithItsSentence() {
		CycleFormException refused = catchThrowableOfType(CycleFormException.class,
				() -> ResultsForm.of(row("", "many", "abc", "-2", "", "99999999999")).classes(4));
		assertThat(refused.errors()).containsEntry("class-0-name", "team.results.class-name")
			.containsEntry("class-0-size", "team.results.class-size")
			.containsEntry("class-0-count-0", "team.results.number")
			.containsEntry("class-0-count-1", "team.results.negative")
			.containsEntry("class-0-count-2", "team.results.missing")
			.containsEntry("class-0-count-3", "team.results.number");
	}

	@Test
	void aClassSizeOutOfRangeOrUnderItsCountsIsTheSizeFieldsMistakeNotTheNames() {
		CycleFormException tooBig = catchThrowableOfType(CycleFormException.class,
				() -> ResultsForm.of(row("Room 12", "600", "6", "8", "7", "3")).classes(4));
		assertThat(tooBig.errors()).containsOnlyKeys("class-0-size")
			.containsEntry("class-0-size", "team.results.class-size");
		CycleFormException zero = catchThrowableOfType(CycleFormException.class,
				() -> ResultsForm.of(row("Room 12", "0", "0", "0", "0", "0")).classes(4));
		assertThat(zero.errors()).containsOnlyKeys("class-0-size");
		CycleFormException over = catchThrowableOfType(CycleFormException.class,
				() -> ResultsForm.of(row("Room 12", "10", "6", "8", "7", "3")).classes(4));
		assertThat(over.errors()).containsOnlyKeys("class-0-size")
			.containsEntry("class-0-size", "team.results.over-class-size");
	}

	@Test
	void aTamperedRowCountOrRoundIsNoMoreThanTheGridCanHold() {
		Map<String, String> posted = new HashMap<>(
				Map.of("round", "<script>", "rows", "99999999999999", "version", "99999999999999999999"));
		ResultsForm form = ResultsForm.of(posted);
		assertThat(form.round()).isEqualTo(CycleResultQueries.Round.BASELINE);
		assertThat(form.version()).isNull();
		assertThat(form.rows()).isEmpty();
		assertThat(ResultsForm.of(Map.of("rows", "40")).rows())
			.hasSize(CycleEditing.MOST_CLASSES + CycleScreens.SPARE_ROWS);
		assertThat(ResultsForm.of(Map.of("rows", "3")).classes(6)).isEmpty();
	}

}
