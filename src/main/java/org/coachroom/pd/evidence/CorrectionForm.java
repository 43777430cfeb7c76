package org.coachroom.pd.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * HR's correction of a verified entry: the value it should hold (a score or hours; none
 * for an entry that is only a date), its date, and why, which the person reads. Each
 * message is a message key, shown by its field.
 */
record CorrectionForm(String value,
		@NotNull(message = "pd.hr-correct.date-required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
		@NotBlank(message = "pd.hr-correct.reason-required") @Size(max = MAX_REASON,
				message = "pd.hr-correct.reason-long") String reason,
		Integer page) {

	/** The longest reason {@code pd_audit.reason} keeps. */
	static final int MAX_REASON = 500;

	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,4}(\\.\\d{1,2})?");

	/**
	 * A number as the field sends it (a minus passes, so that the requirement's range
	 * says why it is refused).
	 */
	@AssertTrue(message = "pd.hr-correct.value-invalid")
	public boolean isValueReadable() {
		return value == null || value.isBlank() || AMOUNT.matcher(value.strip()).matches();
	}

	/** A date the district's records could hold. */
	@AssertTrue(message = "pd.hr-correct.date-required")
	public boolean isOnOfThisEra() {
		return on == null || on.getYear() >= 1950;
	}

	/** The value; only for a form without errors. */
	BigDecimal amount() {
		return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
	}

	/** The history page the form was on. */
	int onPage() {
		return page == null ? 0 : Math.max(0, page);
	}

	/** The field a property's error is shown by. */
	static String fieldOf(String property) {
		return switch (property) {
			case "valueReadable" -> "value";
			case "onOfThisEra" -> "on";
			default -> property;
		};
	}
}
