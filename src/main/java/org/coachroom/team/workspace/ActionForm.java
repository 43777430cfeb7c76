package org.coachroom.team.workspace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An action item as a team agrees it: what is to be done (at most 500 characters, spaces
 * around it not counted), who does it (a person of the team, or no one), by when (the
 * team's date reading, see {@link TeamCalendar#parse}) and the meeting it was agreed at,
 * if any. Every field is text, so that a value of the wrong kind is a field's error
 * rather than no form at all.
 */
record ActionForm(
		@NotBlank(message = "{team.action.text}") @Size(max = 500, message = "{team.action.text}") String text,
		@Pattern(regexp = "[+-]?\\d{1,18}", message = "{team.action.owner}") String owner, String dueOn,
		@Pattern(regexp = "\\d{1,18}") String meeting) {

	ActionForm {
		text = text == null ? "" : text.strip();
		owner = owner == null || owner.isBlank() ? null : owner.strip();
		meeting = meeting == null || meeting.isBlank() ? null : meeting.strip();
	}

	/** The person who does it, or no one; only for a form without errors. */
	Long ownerRef() {
		return owner == null ? null : Long.valueOf(owner);
	}

	/** The meeting it was agreed at, or none; only for a form without errors. */
	Long meetingId() {
		return meeting == null ? null : Long.valueOf(meeting);
	}
}
