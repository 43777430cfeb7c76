package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a cycle's results as an SVG a team reads at a glance: for each class and for the
 * team, the baseline bar above the re-assessment bar, each split into the levels (the
 * lowest on the left, proficient levels in blues), with the share proficient written
 * beside it. Drawn on the server, no script; the page shows the same numbers in a table
 * beside it for screen readers and print.
 */
final class ResultsChart {

	/** Words the chart writes, in the viewer's language. */
	record Labels(String title, String baseline, String reassessment, String team, String proficient,
			String notEntered) {
	}

	/** One class (or the team) with its two rounds; either may be missing. */
	record Group(String label, Results.Row baseline, Results.Row reassessment) {
	}

	/** A line of the table beside the chart: a class (or the team) in one round. */
	record TableRow(String label, String round, Results.Row row) {
	}

	static List<TableRow> table(List<Group> groups) {
		List<TableRow> rows = new ArrayList<>();
		for (Group g : groups) {
			if (g.baseline() != null) {
				rows.add(new TableRow(g.label(), "baseline", g.baseline()));
			}
			if (g.reassessment() != null) {
				rows.add(new TableRow(g.label(), "reassessment", g.reassessment()));
			}
		}
		return rows;
	}

	// below proficient: warm shades, darkest lowest; proficient: blues, darkest highest
	// (ColorBrewer RdYlBu, colour-blind safe)
	private static final String[] BELOW = { "#a50026", "#d73027", "#f46d43", "#fdae61", "#fee090" };

	private static final String[] AT_OR_ABOVE = { "#e0f3f8", "#abd9e9", "#74add1", "#4575b4", "#313695" };

	private static final int LABEL = 170;

	private static final int BAR = 380;

	private static final int RIGHT = 110;

	private static final int BAR_HEIGHT = 18;

	private ResultsChart() {
	}

	/**
	 * The groups to draw: classes by name in baseline order, then classes only
	 * re-assessed, then the team.
	 */
	static List<Group> groups(List<Results.Row> baseline, List<Results.Row> reassessment, String teamLabel) {
		Map<String, Results.Row[]> byClass = new LinkedHashMap<>();
		Results.Row[] team = new Results.Row[2];
		collect(baseline, 0, byClass, team);
		collect(reassessment, 1, byClass, team);
		List<Group> groups = new ArrayList<>();
		byClass.forEach((key, rows) -> groups
			.add(new Group(rows[0] != null ? rows[0].className() : rows[1].className(), rows[0], rows[1])));
		groups.add(new Group(teamLabel, team[0], team[1]));
		return groups;
	}

	private static void collect(List<Results.Row> rows, int round, Map<String, Results.Row[]> byClass,
			Results.Row[] team) {
		for (Results.Row row : rows) {
			if (row.className() == null) {
				team[round] = row;
			}
			else {
				byClass.computeIfAbsent(row.className().toLowerCase(Locale.ROOT), k -> new Results.Row[2])[round] = row;
			}
		}
	}

	static String colour(ProficiencyBands bands, int band) {
		if (bands.isProficient(band)) {
			int above = bands.size() - bands.proficientFrom();
			int index = band - bands.proficientFrom();
			return AT_OR_ABOVE[AT_OR_ABOVE.length - above + index];
		}
		return BELOW[BELOW.length - bands.proficientFrom() + band];
	}

	static String svg(String id, ProficiencyBands bands, List<Group> groups, Labels labels) {
		int legendHeight = 28;
		int groupHeight = 16 + 2 * (BAR_HEIGHT + 4) + 12;
		int height = legendHeight + groups.size() * groupHeight;
		int width = LABEL + BAR + RIGHT;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"results-chart\" id=\"")
			.append(id)
			.append("\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" aria-labelledby=\"")
			.append(id)
			.append("-title\">");
		svg.append("<title id=\"").append(id).append("-title\">").append(escape(labels.title())).append("</title>");
		// legend: one swatch per level, lowest first
		int x = 0;
		for (int band = 0; band < bands.size(); band++) {
			svg.append("<rect x=\"")
				.append(x)
				.append("\" y=\"4\" width=\"14\" height=\"14\" fill=\"")
				.append(colour(bands, band))
				.append("\"/>");
			String name = bands.names().get(band);
			svg.append("<text x=\"")
				.append(x + 18)
				.append("\" y=\"16\" class=\"legend\">")
				.append(escape(name))
				.append("</text>");
			x += 30 + Math.min(name.length(), 40) * 7;
		}
		int y = legendHeight;
		for (Group group : groups) {
			svg.append("<text x=\"0\" y=\"")
				.append(y + 12)
				.append("\" class=\"group\">")
				.append(escape(group.label()))
				.append("</text>");
			bar(svg, bands, group.baseline(), labels.baseline(), y + 16, labels);
			bar(svg, bands, group.reassessment(), labels.reassessment(), y + 16 + BAR_HEIGHT + 4, labels);
			y += groupHeight;
		}
		svg.append("</svg>");
		return svg.toString();
	}

	private static void bar(StringBuilder svg, ProficiencyBands bands, Results.Row row, String round, int y,
			Labels labels) {
		svg.append("<text x=\"8\" y=\"")
			.append(y + 13)
			.append("\" class=\"round\">")
			.append(escape(round))
			.append("</text>");
		if (row == null || row.assessed() == 0) {
			svg.append("<rect x=\"")
				.append(LABEL)
				.append("\" y=\"")
				.append(y)
				.append("\" width=\"")
				.append(BAR)
				.append("\" height=\"")
				.append(BAR_HEIGHT)
				.append("\" fill=\"none\" stroke=\"#8a8a8a\" stroke-dasharray=\"4 3\"/>");
			svg.append("<text x=\"")
				.append(LABEL + BAR + 8)
				.append("\" y=\"")
				.append(y + 13)
				.append("\" class=\"share\">")
				.append(escape(labels.notEntered()))
				.append("</text>");
			return;
		}
		double x = LABEL;
		for (int band = 0; band < bands.size(); band++) {
			int count = row.counts().get(band);
			if (count == 0) {
				continue;
			}
			double width = BAR * (double) count / row.assessed();
			svg.append("<rect x=\"")
				.append(round(x))
				.append("\" y=\"")
				.append(y)
				.append("\" width=\"")
				.append(round(width))
				.append("\" height=\"")
				.append(BAR_HEIGHT)
				.append("\" fill=\"")
				.append(colour(bands, band))
				.append("\"><title>")
				.append(escape(bands.names().get(band) + ": " + count))
				.append("</title></rect>");
			x += width;
		}
		BigDecimal share = row.proficientShare();
		svg.append("<text x=\"")
			.append(LABEL + BAR + 8)
			.append("\" y=\"")
			.append(y + 13)
			.append("\" class=\"share\">")
			.append(escape(share.toPlainString() + labels.proficient()))
			.append("</text>");
	}

	private static String round(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
