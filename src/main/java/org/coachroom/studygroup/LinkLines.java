package org.coachroom.studygroup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Links as a coach types them, one per line: "Title | https://..." or just the address.
 */
public final class LinkLines {

	public static final int MAX_LINKS = 10;

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]{1,1990}");

	private LinkLines() {
	}

	/** Whether every non-blank line holds a web address, and there are not too many. */
	public static boolean valid(String text) {
		List<String> lines = lines(text);
		return lines.size() <= MAX_LINKS && lines.stream().allMatch(line -> parse(line) != null);
	}

	/** The links of valid text; call {@link #valid} first. */
	public static List<StudyGroup.Link> parseAll(String text) {
		List<StudyGroup.Link> links = new ArrayList<>();
		lines(text).forEach(line -> links.add(parse(line)));
		return links;
	}

	public static String format(List<StudyGroup.Link> links) {
		return links.stream()
			.map(l -> l.title().equals(l.url()) ? l.url() : l.title() + " | " + l.url())
			.collect(Collectors.joining("\n"));
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static StudyGroup.Link parse(String line) {
		int bar = line.lastIndexOf('|');
		String title = bar < 0 ? null : line.substring(0, bar).strip();
		String url = (bar < 0 ? line : line.substring(bar + 1)).strip();
		if (!URL.matcher(url).matches()) {
			return null;
		}
		if (title == null || title.isEmpty()) {
			title = url;
		}
		return new StudyGroup.Link(title.length() > 300 ? title.substring(0, 300) : title, url);
	}

}
