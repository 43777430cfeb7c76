package org.coachroom.coaching.log;

import java.time.LocalDate;
import java.util.List;

import org.coachroom.coaching.pair.SupportType;
import org.coachroom.lti.Member;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coach's own log summed over a period, for the staff report: counts, kinds of support
 * and the spread of contacts per teacher, never who.
 */
@Service
@Transactional(readOnly = true)
public class CoachingFigures {

	private final CoachTime time;

	CoachingFigures(CoachTime time) {
		this.time = time;
	}

	/** Contacts and minutes of one kind of support. */
	public record Support(SupportType support, int contacts, int minutes) {
	}

	/** How many teachers had from {@code from} to {@code to} contacts. */
	public record Spread(int from, int to, int teachers) {

		public boolean open() {
			return to == Integer.MAX_VALUE;
		}

	}

	/** The period's figures: contacts, teachers worked with, minutes coaching. */
	public record Figures(int contacts, int teachers, int minutes, List<Support> bySupport, List<Spread> spread) {

		public Figures {
			bySupport = List.copyOf(bySupport);
			spread = List.copyOf(spread);
		}

	}

	/** The coach's log from {@code from} up to, not including, {@code until}. */
	public Figures over(Member coach, LocalDate from, LocalDate until) {
		CoachTime.Summary summary = time.over(coach, from, until);
		return new Figures(summary.contacts(), summary.teachers(), summary.coachingMinutes(),
				summary.bySupport().stream().map(s -> new Support(s.support(), s.contacts(), s.minutes())).toList(),
				summary.spread().stream().map(b -> new Spread(b.from(), b.to(), b.teachers())).toList());
	}

}
