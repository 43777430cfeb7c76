package org.coachroom.coaching.log;

import java.time.LocalDate;

import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.coaching.pair.SupportType;
import org.springframework.validation.Errors;

/**
 * The coaching log's two forms as a coach types them on a phone: every field is text, so
 * any input comes back with its own error and nothing is saved.
 */
final class LogForms {

	/** Longest contact: a full day in classrooms. */
	static final int MOST_MINUTES = 480;

	/** Longest other time in one entry: a long day of duty or subbing. */
	static final int MOST_OTHER_MINUTES = 720;

	static final int LONGEST_NOTE = 1000;

	static final int LONGEST_OTHER_NOTE = 500;

	private LogForms() {
	}

	/**
	 * A contact as checked: ready for the log.
	 *
	 * @param teacherRef the teacher, or null for a contact with a team
	 * @param teamRef the PLC team (its workspace), or null for a contact with a teacher
	 * @param schoolRef the school it counts for, or null for none
	 */
	record Logged(Long teacherRef, Long teamRef, Long cycleId, Long schoolRef, LocalDate heldOn, int minutes,
			SupportType support, String note) {
	}

	/** Other time as checked. */
	record Spent(LocalDate spentOn, int minutes, OtherTime.Category category, String note) {
	}

	record ContactForm(String teacher, String cycle, String school, String heldOn, String minutes, String support,
			String note) {

		static ContactForm blank(LocalDate today) {
			return new ContactForm("", "", "", today.toString(), "30", "", "");
		}

		/**
		 * The school chosen, if any: blank (the coach's only school, or none) or a
		 * number; anything else is no school of theirs.
		 */
		Long schoolChosen() {
			if (school == null || school.isBlank()) {
				return null;
			}
			Long id = number(school);
			return id == null ? -1L : id;
		}

		/** The option of a team in the "with" list: {@code team-<workspace>}. */
		static final String TEAM = "team-";

		/** The team chosen, if the choice is a team. */
		Long teamRef() {
			return teacher != null && teacher.strip().startsWith(TEAM)
					? number(teacher.strip().substring(TEAM.length())) : null;
		}

		/** The teacher chosen; refused when neither a teacher nor a team was. */
		Long teacherRef(Errors errors) {
			if (teamRef() != null) {
				return null;
			}
			Long ref = number(teacher);
			if (ref == null) {
				errors.rejectValue("teacher", "coaching.contact.teacher");
			}
			return ref;
		}

		/** The cycle named, if one is (a hidden field of the cycle's page). */
		Long cycleId(Errors errors) {
			if (cycle == null || cycle.isBlank()) {
				return null;
			}
			Long id = number(cycle);
			if (id == null) {
				errors.rejectValue("cycle", "coaching.contact.cycle");
			}
			return id;
		}

		Logged check(Errors errors, CoachingCalendar calendar, Long teacherRef, Long cycleId, Long schoolRef) {
			LocalDate date = calendar.parse(heldOn).orElse(null);
			if (date == null) {
				errors.rejectValue("heldOn", "coaching.contact.date");
			}
			else if (date.isAfter(calendar.today())) {
				errors.rejectValue("heldOn", "coaching.contact.future");
			}
			Integer mins = readMinutes(minutes, MOST_MINUTES, "minutes", errors);
			SupportType type = SupportType.named(support).orElse(null);
			if (type == null) {
				errors.rejectValue("support", "coaching.contact.support");
			}
			if (nz(note).strip().length() > LONGEST_NOTE) {
				errors.rejectValue("note", "coaching.contact.note", new Object[] { LONGEST_NOTE }, null);
			}
			return errors.hasErrors() || (teacherRef == null && teamRef() == null) ? null : new Logged(teacherRef,
					teacherRef == null ? teamRef() : null, cycleId, schoolRef, date, mins, type, blankToNull(note));
		}

	}

	record OtherTimeForm(String spentOn, String minutes, String category, String note) {

		static OtherTimeForm blank(LocalDate today) {
			return new OtherTimeForm(today.toString(), "", "", "");
		}

		Spent check(Errors errors, CoachingCalendar calendar) {
			LocalDate date = calendar.parse(spentOn).orElse(null);
			if (date == null) {
				errors.rejectValue("spentOn", "coaching.contact.date");
			}
			else if (date.isAfter(calendar.today())) {
				errors.rejectValue("spentOn", "coaching.contact.future");
			}
			Integer mins = readMinutes(minutes, MOST_OTHER_MINUTES, "minutes", errors);
			OtherTime.Category kind = null;
			for (OtherTime.Category c : OtherTime.Category.values()) {
				if (c.name().equals(category)) {
					kind = c;
				}
			}
			if (kind == null) {
				errors.rejectValue("category", "coaching.other.category");
			}
			if (nz(note).strip().length() > LONGEST_OTHER_NOTE) {
				errors.rejectValue("note", "coaching.contact.note", new Object[] { LONGEST_OTHER_NOTE }, null);
			}
			return errors.hasErrors() ? null : new Spent(date, mins, kind, blankToNull(note));
		}

	}

	private static Integer readMinutes(String typed, int most, String field, Errors errors) {
		Long value = number(typed);
		if (value == null || value < 1 || value > most) {
			errors.rejectValue(field, "coaching.contact.minutes", new Object[] { most }, null);
			return null;
		}
		return value.intValue();
	}

	private static Long number(String typed) {
		try {
			return Long.valueOf(nz(typed).strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
