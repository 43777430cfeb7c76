package org.coachroom.coaching.report;

import java.util.List;
import java.util.function.Function;

import org.coachroom.coaching.log.CoachingFigures;
import org.coachroom.coaching.school.Count;

/**
 * The staff report's counts as the staff read them: it goes to everyone at the school, so
 * a count of people or contacts under five is "fewer than 5", as on the principal's view,
 * and no total gives a hidden part away. The coach's own log shows them all.
 *
 * @param perWeek contacts a week, or a dash when the contacts are hidden (it would give
 * them away)
 */
record ShownFigures(String teachers, String contacts, String perWeek, List<String> spreadTeachers,
		List<String> supportContacts, List<Boolean> supportHidden) {

	static ShownFigures of(CoachingFigures.Figures f, String perWeek, Function<Count, String> words) {
		Count teachers = Count.of(f.teachers());
		Count contacts = Count.of(f.contacts());
		List<String> spread = Count.parts(f.spread().stream().map(CoachingFigures.Spread::teachers).toList(), true)
			.stream()
			.map(words)
			.toList();
		List<Count> supportCounts = Count.parts(f.bySupport().stream().map(CoachingFigures.Support::contacts).toList(),
				true);
		List<String> support = supportCounts.stream().map(words).toList();
		List<Boolean> supportHidden = supportCounts.stream().map(Count::hidden).toList();
		return new ShownFigures(words.apply(teachers), words.apply(contacts), contacts.hidden() ? "–" : perWeek, spread,
				support, supportHidden);
	}

}
