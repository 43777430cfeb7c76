package org.coachroom.pd.catalog;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reading the text of a form's fields ({@link ProgramForm}): each reader gives the value,
 * or null for text that is not one, so the form puts the error on the field it came from.
 */
final class FormText {

	private static final Pattern DECIMAL = Pattern.compile("\\d{1,5}([.,]\\d{1,2})?");

	private static final Pattern WHOLE = Pattern.compile("\\d{1,2}");

	private FormText() {
	}

	/** A code from a title: "Unit 9 assessment" becomes unit-9-assessment. */
	static String slug(String title) {
		String s = Normalizer.normalize(nz(title), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		return s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return blank(value) ? null : Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static LocalDate date(String value) {
		try {
			LocalDate date = blank(value) ? null : LocalDate.parse(value.strip());
			return date == null || date.getYear() < 1950 || date.getYear() > 9000 ? null : date;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	static Integer whole(String value) {
		return value != null && WHOLE.matcher(value.strip()).matches() ? Integer.valueOf(value.strip()) : null;
	}

	static BigDecimal decimal(String value) {
		return value != null && DECIMAL.matcher(value.strip()).matches()
				? new BigDecimal(value.strip().replace(',', '.')) : null;
	}

	static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static String nz(String value) {
		return value == null ? "" : value;
	}

}
