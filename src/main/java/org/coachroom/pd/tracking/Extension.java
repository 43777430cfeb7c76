package org.coachroom.pd.tracking;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/**
 * HR moved a person's due date: to when, why, who and when they did it. The latest one
 * counts.
 */
@Table("pd_extension")
public record Extension(LocalDate dueOn, String reason, long grantedBy, Instant grantedAt) {

	public Extension {
		if (dueOn == null || reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("An extension needs a new due date and a reason");
		}
	}
}
