package org.coachroom.pd.evidence;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reviewer's decision on evidence: verify or return it, with a comment of at most 1,000
 * characters.
 */
record ReviewForm(
		@NotNull(message = "{pd.evidence.decision}") @Pattern(regexp = "verify|return",
				message = "{pd.evidence.decision}") String decision,
		@Size(max = 1000, message = "{pd.evidence.decision}") String comment) {

	boolean verifies() {
		return "verify".equals(decision);
	}

	/** The comment, none being an empty one. */
	String said() {
		return comment == null ? "" : comment;
	}
}
