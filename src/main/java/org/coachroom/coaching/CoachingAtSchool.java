package org.coachroom.coaching;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.coaching.school.Count;
import org.coachroom.coaching.school.SchoolAccess;
import org.coachroom.coaching.school.SchoolFigures;
import org.coachroom.coaching.school.SchoolPlans;
import org.coachroom.lti.Member;
import org.springframework.stereotype.Service;

/**
 * What a principal's home shows of coaching at their school: this month in counts (a
 * count under five as "fewer than 5") and the school goals agreed with the coach. Never a
 * teacher; nothing at all for anyone who is not a principal, or who is HR.
 */
@Service
public class CoachingAtSchool {

	/** Counts under this show as "fewer than" it. */
	public static final int SMALLEST_SHOWN = Count.SMALLEST_SHOWN;

	private final SchoolFigures figures;

	private final SchoolPlans plans;

	private final CoachingCalendar calendar;

	CoachingAtSchool(SchoolFigures figures, SchoolPlans plans, CoachingCalendar calendar) {
		this.figures = figures;
		this.plans = plans;
		this.calendar = calendar;
	}

	/**
	 * A count as shown: its number, or null for "fewer than {@link #SMALLEST_SHOWN}".
	 */
	public record Shown(Integer value) {

		static Shown of(Count count) {
			return new Shown(count.hidden() ? null : count.value());
		}

		public boolean fewer() {
			return value == null;
		}

	}

	/**
	 * This month at the school.
	 *
	 * @param sharePercent the share of its coaches' logged time spent coaching, or null
	 * when none is logged
	 */
	public record ThisMonth(YearMonth month, Shown contacts, Shown teachers, Integer sharePercent, int targetPercent,
			List<String> goals) {
	}

	/** The school the principal chose on their coaching view, if they chose one. */
	public Optional<Long> schoolChosen(Member principal) {
		return SchoolAccess.principal(principal) ? plans.rememberedSchool(principal) : Optional.empty();
	}

	/** This month's coaching at the school, for its principal; empty for anyone else. */
	public Optional<ThisMonth> thisMonth(Member principal, long school) {
		if (!SchoolAccess.principal(principal)) {
			return Optional.empty();
		}
		long tenant = principal.tenant().value();
		YearMonth month = YearMonth.from(calendar.today());
		SchoolFigures.SchoolMonth f = figures.school(tenant, school, month);
		return Optional.of(new ThisMonth(month, Shown.of(f.contacts()), Shown.of(f.teachers()), f.sharePercent(),
				f.targetPercent(), plans.goals(tenant, school).stream().map(SchoolPlans.Goal::text).toList()));
	}

}
