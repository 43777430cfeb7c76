package org.coachroom.team.workspace;

import java.time.LocalDate;

import org.springframework.validation.Errors;

/**
 * A meeting as the team types it. Every field is text, so any input comes back with its
 * own error.
 */
record MeetingForm(String heldOn, String title, String minutes, String agenda, String notes, Integer version) {

	/** A meeting's longest length: a full day's workshop. */
	static final int LONGEST_MINUTES = 480;

	static final int LONGEST_AGENDA = 10_000;

	static final int LONGEST_NOTES = 20_000;

	static MeetingForm blank(LocalDate today) {
		return new MeetingForm(today.toString(), "", "", "", "", null);
	}

	static MeetingForm of(Meeting meeting) {
		return new MeetingForm(meeting.getHeldOn().toString(), meeting.getTitle(),
				meeting.getMinutes() == null ? "" : meeting.getMinutes().toString(), nz(meeting.getAgenda()),
				nz(meeting.getNotes()), meeting.getVersion());
	}

	/** The meeting this form describes, or null with each problem on its field. */
	Meeting.MeetingDetails check(Errors errors, TeamCalendar calendar) {
		LocalDate date = calendar.parse(heldOn).orElse(null);
		if (date == null) {
			errors.rejectValue("heldOn", "team.meeting.date");
		}
		if (title == null || title.isBlank() || title.strip().length() > 200) {
			errors.rejectValue("title", "team.meeting.title");
		}
		Integer length = null;
		if (!nz(minutes).isBlank()) {
			try {
				length = Integer.valueOf(minutes.strip());
			}
			catch (NumberFormatException e) {
				length = -1;
			}
			if (length < 5 || length > LONGEST_MINUTES) {
				errors.rejectValue("minutes", "team.meeting.minutes", new Object[] { LONGEST_MINUTES }, null);
			}
		}
		if (nz(agenda).length() > LONGEST_AGENDA) {
			errors.rejectValue("agenda", "team.meeting.agenda");
		}
		if (nz(notes).length() > LONGEST_NOTES) {
			errors.rejectValue("notes", "team.meeting.notes");
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new Meeting.MeetingDetails(date, title.strip(), length, blankToNull(agenda), blankToNull(notes));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
