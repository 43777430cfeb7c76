package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.coachroom.team.workspace.TeamInputException;

/**
 * A common assessment's results for the team: each class's counts per level against the
 * team's levels, the team's totals, and the share proficient the SMART goal is measured
 * by.
 */
public record Results(ProficiencyBands bands, List<ClassResult> classes) {

	/**
	 * Classes smaller than this are folded into the team's total in anything shown
	 * outside the team.
	 */
	public static final int SMALLEST_CLASS_SHOWN = 10;

	public Results {
		classes = List.copyOf(classes);
		Set<String> names = new HashSet<>();
		for (ClassResult c : classes) {
			c.checkedAgainst(bands);
			if (!names.add(c.className().toLowerCase(Locale.ROOT))) {
				throw new TeamInputException("team.results.class-twice");
			}
		}
	}

	public int assessed() {
		return classes.stream().mapToInt(ClassResult::assessed).sum();
	}

	public int proficient() {
		return classes.stream().mapToInt(c -> c.proficient(bands)).sum();
	}

	/**
	 * The team's share proficient, in percent with one decimal; null while nobody was
	 * assessed.
	 */
	public BigDecimal proficientShare() {
		return share(proficient(), assessed());
	}

	static BigDecimal share(int part, int whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/** A row of results as shown: a class, or the team's total (className null). */
	public record Row(String className, List<Integer> counts, int assessed, BigDecimal proficientShare) {
	}

	/**
	 * The results as anyone outside the team may see them (a principal, a shared
	 * summary): classes with fewer than {@link #SMALLEST_CLASS_SHOWN} students assessed
	 * are not shown on their own, only within the team's total, so no small group of
	 * students can be picked out. Subtracting the classes shown from the total must not
	 * single them out either: while the folded classes hold fewer than that many students
	 * together, the smallest class shown is folded with them. A team smaller than that
	 * shows nothing at all.
	 */
	public List<Row> outsideTheTeam() {
		// what is shown of a class is its students assessed: a class of 24 of whom 3 were
		// re-assessed is a group of 3
		if (assessed() < SMALLEST_CLASS_SHOWN) {
			return List.of();
		}
		List<ClassResult> shown = new ArrayList<>(
				classes.stream().filter(c -> c.assessed() >= SMALLEST_CLASS_SHOWN).toList());
		int folded = classes.stream()
			.filter(c -> c.assessed() < SMALLEST_CLASS_SHOWN)
			.mapToInt(ClassResult::assessed)
			.sum();
		while (folded > 0 && folded < SMALLEST_CLASS_SHOWN && !shown.isEmpty()) {
			ClassResult smallest = shown.stream().min(Comparator.comparingInt(ClassResult::assessed)).orElseThrow();
			shown.remove(smallest);
			folded += smallest.assessed();
		}
		List<Row> rows = new ArrayList<>();
		for (ClassResult c : classes) {
			if (shown.contains(c)) {
				rows.add(new Row(c.className(), c.counts(), c.assessed(), share(c.proficient(bands), c.assessed())));
			}
		}
		rows.add(teamTotal());
		return rows;
	}

	/** Every class and the team's total, as the team itself sees them. */
	public List<Row> inTheTeam() {
		List<Row> rows = new ArrayList<>();
		for (ClassResult c : classes) {
			rows.add(new Row(c.className(), c.counts(), c.assessed(), share(c.proficient(bands), c.assessed())));
		}
		rows.add(teamTotal());
		return rows;
	}

	public Row teamTotal() {
		List<Integer> totals = new ArrayList<>();
		for (int band = 0; band < bands.size(); band++) {
			int b = band;
			totals.add(classes.stream().mapToInt(c -> c.counts().get(b)).sum());
		}
		return new Row(null, totals, assessed(), proficientShare());
	}
}
