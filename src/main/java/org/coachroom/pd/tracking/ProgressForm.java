package org.coachroom.pd.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Progress at a requirement as a person records it: a score (percent), hours, or done, on
 * a date. A number as the page's fields send it and a date of this era: nothing the
 * database would refuse. Any refusal is the one sentence {@code pd.record.invalid} by the
 * requirement.
 */
record ProgressForm(
		@NotNull(message = "{pd.record.invalid}") @jakarta.validation.constraints.Pattern(regexp = "score|hours|done",
				message = "{pd.record.invalid}") String kind,
		String value,
		@NotNull(message = "{pd.record.invalid}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {

	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,4}(\\.\\d{1,2})?");

	/** A date the district's records could hold; the year 1950 is before any of them. */
	@AssertTrue(message = "{pd.record.invalid}")
	public boolean isOfThisEra() {
		return on == null || on.getYear() >= 1950;
	}

	/**
	 * A score or hours is a number of at most four digits and two decimals; a minus sign
	 * passes here so that the requirement's rule says why it is refused.
	 */
	@AssertTrue(message = "{pd.record.invalid}")
	public boolean isAmountReadable() {
		return "done".equals(kind) || (value != null && AMOUNT.matcher(value.strip()).matches());
	}

	/** The entry to record; only for a form without errors. */
	ProgressRecording.Entry entry() {
		return switch (kind) {
			case "score" -> new ProgressRecording.Score(new BigDecimal(value.strip()), on);
			case "hours" -> new ProgressRecording.Hours(new BigDecimal(value.strip()), on);
			default -> new ProgressRecording.Done(on);
		};
	}
}
