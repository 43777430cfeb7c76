package org.coachroom.team.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coachroom.team.workspace.TeamInputException;

/**
 * A results grid as typed: the round, the version of the cycle it was typed on, and its
 * rows. The grid's fields are named per row and level ({@code class-2-count-1}), which
 * Spring cannot bind to a list, so they are read here once, into this record; every field
 * a rule refuses is then named by {@link #classes(int)}.
 *
 * @param rows as typed, text, so that any input comes back on its field
 */
record ResultsForm(boolean reassessment, Integer version, List<Row> rows) {

	/** Levels a grid row can hold: the most a cycle's bands have. */
	static final int MOST_LEVELS = 6;

	ResultsForm {
		rows = List.copyOf(rows);
	}

	/** A row of the grid as typed: the class, its size, a count per level. */
	record Row(String name, String size, List<String> counts) {

		Row {
			counts = List.copyOf(counts);
		}

	}

	/** The grid's fields as posted; a missing field is blank. */
	static ResultsForm of(Map<String, String> posted) {
		List<Row> rows = new ArrayList<>();
		int n = CycleScreens.rows(posted);
		for (int i = 0; i < n; i++) {
			List<String> counts = new ArrayList<>();
			for (int j = 0; j < MOST_LEVELS; j++) {
				counts.add(field(posted, "class-" + i + "-count-" + j));
			}
			rows.add(new Row(field(posted, "class-" + i + "-name"), field(posted, "class-" + i + "-size"), counts));
		}
		return new ResultsForm("reassessment".equals(posted.get("round")), CycleScreens.version(posted), rows);
	}

	CycleResultQueries.Round round() {
		return reassessment ? CycleResultQueries.Round.REASSESSMENT : CycleResultQueries.Round.BASELINE;
	}

	/**
	 * The grid's classes for a cycle of so many levels; a blank row is skipped, and every
	 * field a rule refuses is named in the {@link CycleFormException}.
	 */
	List<ClassResult> classes(int levels) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<ClassResult> classes = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row typed = rows.get(i);
			List<String> counts = typed.counts().subList(0, Math.min(levels, MOST_LEVELS));
			if (typed.name().isEmpty() && typed.size().isEmpty() && counts.stream().allMatch(String::isEmpty)) {
				continue;
			}
			String row = "class-" + i;
			Integer classSize = size(typed.size(), row + "-size", errors);
			List<Integer> numbers = new ArrayList<>();
			for (int j = 0; j < counts.size(); j++) {
				numbers.add(count(counts.get(j), row + "-count-" + j, errors));
			}
			if (typed.name().isEmpty() || typed.name().length() > 100) {
				errors.put(row + "-name", "team.results.class-name");
			}
			if (errors.keySet().stream().anyMatch(k -> k.startsWith(row + "-"))) {
				continue;
			}
			try {
				classes.add(new ClassResult(typed.name(), classSize, numbers));
			}
			catch (TeamInputException e) {
				// a size out of range, or counts over it, is the size field's mistake,
				// not
				// the name's
				boolean aboutSize = "team.results.class-size".equals(e.getMessage())
						|| "team.results.over-class-size".equals(e.getMessage());
				errors.put(aboutSize ? row + "-size" : row, e.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			throw new CycleFormException(errors);
		}
		return classes;
	}

	private static String field(Map<String, String> posted, String name) {
		String value = posted.get(name);
		return value == null ? "" : value.strip();
	}

	/**
	 * A class size as typed; anything but a whole number is the size's error (its range
	 * is the rule's).
	 */
	private static Integer size(String typed, String field, Map<String, String> errors) {
		if (typed.matches("\\d{1,4}")) {
			return Integer.valueOf(typed);
		}
		errors.put(field, "team.results.class-size");
		return null;
	}

	/**
	 * A count as typed: a whole number of 0 or more; otherwise the field's error says
	 * what is wrong.
	 */
	private static Integer count(String typed, String field, Map<String, String> errors) {
		if (typed.matches("\\d{1,4}")) {
			return Integer.valueOf(typed);
		}
		errors.put(field, typed.isEmpty() ? "team.results.missing"
				: typed.matches("-\\d+") ? "team.results.negative" : "team.results.number");
		return null;
	}

}
