package org.coachroom.lti;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Coachroom speaks, and which of them a person's LMS or browser language
 * tag asks for.
 */
public final class Languages {

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final List<Locale> SPOKEN = List.of(ENGLISH, SPANISH);

	private Languages() {
	}

	/** The language Coachroom speaks for an LMS's or a browser's tag, if it speaks it. */
	public static Optional<Locale> spoken(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return Optional.empty();
		}
		// Moodle writes its language packs' names ("es_mx"), browsers and Canvas BCP 47
		// tags
		String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
		return SPOKEN.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
	}

	/**
	 * The language to write to someone whose LMS language is {@code tag}: English when
	 * unknown.
	 */
	public static Locale of(String tag) {
		return spoken(tag).orElse(ENGLISH);
	}

}
