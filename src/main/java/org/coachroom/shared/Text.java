package org.coachroom.shared;

/** Text as Coachroom keeps it in columns of a fixed length. */
public final class Text {

	private Text() {
	}

	/**
	 * At most {@code max} UTF-16 units of {@code s} (null stays null), never half of a
	 * character outside the Basic Multilingual Plane: a lone surrogate would be stored as
	 * "?".
	 */
	public static String cut(String s, int max) {
		if (s == null || s.length() <= max) {
			return s;
		}
		int end = max > 0 && Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
		return s.substring(0, end);
	}

}
