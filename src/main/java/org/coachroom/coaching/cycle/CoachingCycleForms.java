package org.coachroom.coaching.cycle;

import java.time.LocalDate;

import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.coaching.pair.SupportType;
import org.springframework.validation.Errors;

/**
 * The forms of a cycle as people type them. Every field is text, so any input comes back
 * with its own error and nothing is saved.
 */
final class CoachingCycleForms {

	static final int LONGEST_GOAL = 2000;

	static final int LONGEST_SCHOOL_GOAL = 500;

	static final int LONGEST_NOTE = 500;

	static final int LONGEST_NOTES = 20_000;

	static final int LONGEST_REFLECTION = 5000;

	private CoachingCycleForms() {
	}

	/** A new cycle: with whom, and the goal. */
	record OpenForm(String teacher, String goal, String schoolGoal) {

		static OpenForm blank(Long teacher) {
			return new OpenForm(teacher == null ? "" : teacher.toString(), "", "");
		}

		/** The team chosen, if the choice is a team ({@code team-<workspace>}). */
		Long teamRef() {
			String value = teacher == null ? "" : teacher.strip();
			if (!value.startsWith("team-")) {
				return null;
			}
			try {
				return Long.valueOf(value.substring("team-".length()));
			}
			catch (NumberFormatException e) {
				return null;
			}
		}

		Long teacherRef(Errors errors) {
			if (teamRef() != null) {
				return null;
			}
			try {
				return Long.valueOf(teacher == null ? "" : teacher.strip());
			}
			catch (NumberFormatException e) {
				errors.rejectValue("teacher", "coaching.cycle.teacher");
				return null;
			}
		}

		CoachingCycle.Goal goal(Errors errors) {
			return checkGoal(goal, schoolGoal, errors);
		}

	}

	/** The goal reworded. */
	record GoalForm(String goal, String schoolGoal, Integer version) {

		static GoalForm of(CoachingCycle cycle) {
			return new GoalForm(cycle.getGoal(), nz(cycle.getSchoolGoal()), cycle.getVersion());
		}

		CoachingCycle.Goal check(Errors errors) {
			return checkGoal(goal, schoolGoal, errors);
		}

	}

	/** A planned move. */
	record MoveForm(String kind, String plannedOn, String note) {

		static MoveForm blank() {
			return new MoveForm("", "", "");
		}

		CoachingCycle.Move check(Errors errors, CoachingCalendar calendar) {
			SupportType type = SupportType.named(kind).orElse(null);
			if (type == null) {
				errors.rejectValue("kind", "coaching.move.kind");
			}
			LocalDate date = null;
			if (plannedOn != null && !plannedOn.isBlank()) {
				date = calendar.parse(plannedOn).orElse(null);
				if (date == null) {
					errors.rejectValue("plannedOn", "coaching.move.date");
				}
			}
			if (nz(note).strip().length() > LONGEST_NOTE) {
				errors.rejectValue("note", "coaching.move.note", new Object[] { LONGEST_NOTE }, null);
			}
			return errors.hasErrors() ? null : new CoachingCycle.Move(type, date, blankToNull(note));
		}

	}

	/** The coach's own notes. */
	record NotesForm(String notes) {

		static NotesForm of(CoachingCycle cycle) {
			return new NotesForm(nz(cycle.getCoachNotes()));
		}

		String check(Errors errors) {
			if (nz(notes).length() > LONGEST_NOTES) {
				errors.rejectValue("notes", "coaching.cycle.notes", new Object[] { LONGEST_NOTES }, null);
				return null;
			}
			return blankToNull(notes);
		}

	}

	/** The teacher's close. */
	record CloseForm(String reflection, String whatChanged) {

		static CloseForm of(CoachingCycle cycle) {
			return new CloseForm(nz(cycle.getReflection()), nz(cycle.getWhatChanged()));
		}

		CoachingCycle.Close check(Errors errors) {
			String r = nz(reflection).strip();
			if (r.isEmpty()) {
				errors.rejectValue("reflection", "coaching.close.reflection-missing");
			}
			else if (r.length() > LONGEST_REFLECTION) {
				errors.rejectValue("reflection", "coaching.close.too-long", new Object[] { LONGEST_REFLECTION }, null);
			}
			if (nz(whatChanged).strip().length() > LONGEST_REFLECTION) {
				errors.rejectValue("whatChanged", "coaching.close.too-long", new Object[] { LONGEST_REFLECTION }, null);
			}
			return errors.hasErrors() ? null : new CoachingCycle.Close(r, blankToNull(whatChanged));
		}

	}

	private static CoachingCycle.Goal checkGoal(String goal, String schoolGoal, Errors errors) {
		String g = nz(goal).strip();
		if (g.isEmpty()) {
			errors.rejectValue("goal", "coaching.cycle.goal");
		}
		else if (g.length() > LONGEST_GOAL) {
			errors.rejectValue("goal", "coaching.cycle.goal-too-long", new Object[] { LONGEST_GOAL }, null);
		}
		if (nz(schoolGoal).strip().length() > LONGEST_SCHOOL_GOAL) {
			errors.rejectValue("schoolGoal", "coaching.cycle.school-goal-too-long",
					new Object[] { LONGEST_SCHOOL_GOAL }, null);
		}
		return errors.hasErrors() ? null : new CoachingCycle.Goal(g, blankToNull(schoolGoal));
	}

	static String nz(String s) {
		return s == null ? "" : s;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
