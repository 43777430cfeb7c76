package org.coachroom.pd.compliance;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An extension of a person's deadline as HR grants it: the new due date and the reason.
 * Whether the reason is given and the date is later is the rule of {@link Extensions};
 * here the date is only read.
 */
record ExtensionForm(
		@NotNull(message = "{pd.extension.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
		String reason) {

	/** The reason, none being an empty one (which the rule refuses). */
	String given() {
		return reason == null ? "" : reason;
	}
}
