package org.coachroom.coaching.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.coachroom.coaching.pair.CoachingCalendar;
import org.springframework.validation.Errors;

/**
 * An observation as the coach writes it: the look-fors ticked from a starter list or
 * typed one per line, what was seen, questions for the teacher. Every field is text, so
 * any input comes back with its own error and nothing is saved.
 */
record ObservationForm(String kind, String observedOn, List<String> lookFor, String ownLookFors, String seen,
		String questions, Integer version) {

	/**
	 * Look-fors a coach often starts from: what students and the teacher do, not how
	 * well.
	 */
	static final List<String> STARTER_LOOK_FORS = List.of("The learning target is visible and referenced",
			"Students explain their thinking", "Wait time after questions",
			"Students talk with each other about the work", "Every student responds (turn-and-talk, whiteboards)",
			"Feedback to students names what to do next", "Small groups are formed from recent data",
			"Students use the strategy modelled");

	static final int MOST_LOOK_FORS = 12;

	static final int LONGEST_LOOK_FOR = 200;

	static final int LONGEST_SEEN = 10_000;

	static final int LONGEST_QUESTIONS = 5000;

	ObservationForm {
		lookFor = lookFor == null ? List.of() : List.copyOf(lookFor);
	}

	static ObservationForm blank(LocalDate today) {
		return new ObservationForm(Observation.Kind.OBSERVATION.name(), today.toString(), List.of(), "", "", "", null);
	}

	static ObservationForm of(Observation observation) {
		List<String> starter = observation.getLookFors().stream().filter(STARTER_LOOK_FORS::contains).toList();
		String own = String.join("\n",
				observation.getLookFors().stream().filter(l -> !STARTER_LOOK_FORS.contains(l)).toList());
		return new ObservationForm(observation.getKind().name(), observation.getObservedOn().toString(), starter, own,
				observation.getSeen(), nz(observation.getQuestions()), observation.getVersion());
	}

	/** Whether a starter look-for is ticked, for the form shown again. */
	public boolean ticks(String lookFor) {
		return this.lookFor.contains(lookFor);
	}

	Observation.Notes check(Errors errors, CoachingCalendar calendar) {
		Observation.Kind k = null;
		for (Observation.Kind candidate : Observation.Kind.values()) {
			if (candidate.name().equals(kind)) {
				k = candidate;
			}
		}
		if (k == null) {
			errors.rejectValue("kind", "coaching.observation.kind");
		}
		LocalDate date = calendar.parse(observedOn).orElse(null);
		if (date == null) {
			errors.rejectValue("observedOn", "coaching.contact.date");
		}
		else if (date.isAfter(calendar.today())) {
			errors.rejectValue("observedOn", "coaching.observation.future");
		}
		Set<String> all = new LinkedHashSet<>();
		for (String l : lookFor) {
			// Only the starter list is ticked; anything else posted as a tick was not.
			if (STARTER_LOOK_FORS.contains(l)) {
				all.add(l);
			}
		}
		List<String> own = new ArrayList<>();
		for (String line : nz(ownLookFors).split("\\R")) {
			String clean = line.strip();
			if (!clean.isEmpty()) {
				own.add(clean);
			}
		}
		if (own.stream().anyMatch(l -> l.length() > LONGEST_LOOK_FOR)) {
			errors.rejectValue("ownLookFors", "coaching.observation.look-for-too-long",
					new Object[] { LONGEST_LOOK_FOR }, null);
		}
		all.addAll(own);
		if (all.isEmpty()) {
			errors.rejectValue("ownLookFors", "coaching.observation.look-fors");
		}
		else if (all.size() > MOST_LOOK_FORS) {
			errors.rejectValue("ownLookFors", "coaching.observation.too-many", new Object[] { MOST_LOOK_FORS }, null);
		}
		String s = nz(seen).strip();
		if (s.isEmpty()) {
			errors.rejectValue("seen", "coaching.observation.seen");
		}
		else if (s.length() > LONGEST_SEEN) {
			errors.rejectValue("seen", "coaching.close.too-long", new Object[] { LONGEST_SEEN }, null);
		}
		if (nz(questions).strip().length() > LONGEST_QUESTIONS) {
			errors.rejectValue("questions", "coaching.close.too-long", new Object[] { LONGEST_QUESTIONS }, null);
		}
		return errors.hasErrors() ? null : new Observation.Notes(k, date, List.copyOf(all), s,
				nz(questions).isBlank() ? null : questions.strip());
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
