package org.coachroom.coaching.log;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.coaching.pair.CoachingProperties;
import org.coachroom.coaching.pair.SupportType;
import org.coachroom.lti.Member;
import org.coachroom.studygroup.UpcomingSessions;
import org.coachroom.team.TeamWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coach's time over a period: the share spent coaching against the district's target,
 * the kinds of support, and how contacts spread over the teachers (a distribution, never
 * a ranking, never a name).
 */
@Service
@Transactional(readOnly = true)
class CoachTime {

	/** How contacts per teacher are grouped: 1, 2–3, 4–6, 7 or more. */
	static final int[][] BUCKETS = { { 1, 1 }, { 2, 3 }, { 4, 6 }, { 7, Integer.MAX_VALUE } };

	private final LogQueries queries;

	private final CoachingProperties properties;

	private final UpcomingSessions sessions;

	private final TeamWork teams;

	private final CoachingCalendar calendar;

	CoachTime(LogQueries queries, CoachingProperties properties, UpcomingSessions sessions, TeamWork teams,
			CoachingCalendar calendar) {
		this.queries = queries;
		this.properties = properties;
		this.sessions = sessions;
		this.teams = teams;
		this.calendar = calendar;
	}

	/** How many teachers had this many contacts. */
	record Bucket(int from, int to, int teachers) {

		public boolean open() {
			return to == Integer.MAX_VALUE;
		}

	}

	/** Minutes of one kind of other time. */
	record OtherCount(OtherTime.Category category, int minutes) {
	}

	/**
	 * Study group sessions and team meetings the coach ran: coaching time without a
	 * second entry.
	 *
	 * @param meetingsWithoutLength meetings counted at the usual length, as their team
	 * gave none
	 */
	record Facilitated(int sessions, int sessionMinutes, int meetings, int meetingMinutes, int meetingsWithoutLength) {

		int minutes() {
			return sessionMinutes + meetingMinutes;
		}

	}

	/**
	 * @param coachingMinutes contacts, sessions and meetings together
	 * @param sharePercent the share of logged time spent coaching, or null when nothing
	 * is logged
	 */
	record Summary(LocalDate from, LocalDate until, int coachingMinutes, int otherMinutes, Integer sharePercent,
			int targetPercent, int contacts, int teachers, List<LogQueries.SupportCount> bySupport,
			List<OtherCount> other, List<Bucket> spread, Facilitated facilitated, int teams) {

		public boolean belowTarget() {
			return sharePercent != null && sharePercent < targetPercent;
		}

		public int mostSupportMinutes() {
			return bySupport.stream().mapToInt(LogQueries.SupportCount::minutes).max().orElse(0);
		}

		/** The largest group of the spread, for the chart's scale. */
		public int mostInABucket() {
			return spread.stream().mapToInt(Bucket::teachers).max().orElse(0);
		}

	}

	Summary month(Member coach, YearMonth month) {
		return over(coach, month.atDay(1), month.plusMonths(1).atDay(1));
	}

	/** The school year the day falls in, up to and including the day. */
	Summary schoolYear(Member coach, LocalDate day) {
		MonthDay start = properties.schoolYearStarts();
		LocalDate from = start.atYear(day.getYear());
		if (from.isAfter(day)) {
			from = start.atYear(day.getYear() - 1);
		}
		return over(coach, from, day.plusDays(1));
	}

	Summary over(Member coach, LocalDate from, LocalDate until) {
		long tenant = coach.tenant().value();
		List<LogQueries.SupportCount> bySupport = new ArrayList<>(
				queries.bySupport(tenant, coach.userId(), from, until));
		bySupport.sort(Comparator.comparing(LogQueries.SupportCount::support));
		Map<OtherTime.Category, Integer> other = queries.otherMinutes(tenant, coach.userId(), from, until);
		List<Integer> perTeacher = queries.contactsPerTeacher(tenant, coach.userId(), from, until);
		Facilitated facilitated = facilitated(coach, from, until);
		int coaching = bySupport.stream().mapToInt(LogQueries.SupportCount::minutes).sum() + facilitated.minutes();
		int contacts = bySupport.stream().mapToInt(LogQueries.SupportCount::contacts).sum();
		int otherTotal = other.values().stream().mapToInt(Integer::intValue).sum();
		Integer share = coaching + otherTotal == 0 ? null
				: (int) Math.round(100.0 * coaching / (coaching + otherTotal));
		List<Bucket> spread = new ArrayList<>();
		for (int[] b : BUCKETS) {
			spread.add(new Bucket(b[0], b[1], (int) perTeacher.stream().filter(c -> c >= b[0] && c <= b[1]).count()));
		}
		List<OtherCount> otherCounts = other.entrySet()
			.stream()
			.map(e -> new OtherCount(e.getKey(), e.getValue()))
			.toList();
		return new Summary(from, until, coaching, otherTotal, share, properties.targetShare(), contacts,
				perTeacher.size(), bySupport, otherCounts, spread, facilitated,
				queries.teams(tenant, coach.userId(), from, until));
	}

	private Facilitated facilitated(Member coach, LocalDate from, LocalDate until) {
		List<UpcomingSessions.OnCalendar> ran = sessions.ranBetween(coach.tenant(), coach.userId(),
				from.atStartOfDay(calendar.zone()).toInstant(), until.atStartOfDay(calendar.zone()).toInstant());
		int sessionMinutes = ran.stream()
			.mapToInt(s -> (int) Duration.between(s.startsAt(), s.endsAt()).toMinutes())
			.filter(m -> m > 0)
			.sum();
		List<TeamWork.FacilitatedMeeting> meetings = teams.facilitated(coach.tenant(), coach.userId(), from,
				until.minusDays(1));
		return new Facilitated(ran.size(), sessionMinutes, meetings.size(),
				meetings.stream().mapToInt(TeamWork.FacilitatedMeeting::minutes).sum(),
				(int) meetings.stream().filter(m -> !m.lengthGiven()).count());
	}

	static List<SupportType> kinds() {
		return List.of(SupportType.values());
	}

}
