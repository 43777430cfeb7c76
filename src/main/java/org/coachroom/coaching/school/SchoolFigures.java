package org.coachroom.coaching.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachroom.coaching.pair.CoachingProperties;
import org.coachroom.coaching.pair.SupportType;
import org.coachroom.pd.Schools;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's coaching in a month as its principal sees it, and the district's per school:
 * the share of the coaches' time spent coaching, contacts, teachers supported, contacts
 * per week, kinds of support and the last months; every count under five shown as "fewer
 * than 5", and never one a total would give away. Whose contacts they were is never read.
 */
@Service
@Transactional(readOnly = true)
public class SchoolFigures {

	/** How many months the trend shows, the month shown last. */
	static final int TREND_MONTHS = 6;

	private final CoachingSchoolQueries queries;

	private final CoachingProperties properties;

	private final Schools schools;

	SchoolFigures(CoachingSchoolQueries queries, CoachingProperties properties, Schools schools) {
		this.queries = queries;
		this.properties = properties;
		this.schools = schools;
	}

	/** Contacts in a week of the month, the week cut to the month's days. */
	public record WeekCount(LocalDate from, LocalDate to, Count contacts) {
	}

	public record SupportCount(SupportType support, Count contacts) {
	}

	public record MonthCount(YearMonth month, Count contacts, Count teachers) {
	}

	/**
	 * @param sharePercent the share of the coaches' logged time spent coaching, or null
	 * when nothing is logged
	 */
	public record SchoolMonth(YearMonth month, Integer sharePercent, int targetPercent, Count contacts, Count teachers,
			List<WeekCount> weeks, List<SupportCount> bySupport, List<MonthCount> trend, Count teams) {

		public boolean belowTarget() {
			return sharePercent != null && sharePercent < targetPercent;
		}

		public int mostInAWeek() {
			return weeks.stream().mapToInt(w -> w.contacts().drawn()).max().orElse(0);
		}

		public int mostOfASupport() {
			return bySupport.stream().mapToInt(s -> s.contacts().drawn()).max().orElse(0);
		}

		public int mostInAMonth() {
			return trend.stream().mapToInt(m -> m.contacts().drawn()).max().orElse(0);
		}

	}

	/** A school's row of the district's month; a null school is contacts of none. */
	public record SchoolRow(Schools.School school, Count contacts, Count teachers, Integer sharePercent) {
	}

	public record DistrictMonth(YearMonth month, int targetPercent, List<SchoolRow> rows, Count contacts,
			Count teachers, Integer sharePercent) {

		public int mostContacts() {
			return rows.stream().mapToInt(r -> r.contacts().drawn()).max().orElse(0);
		}

		public boolean belowTarget() {
			return sharePercent != null && sharePercent < targetPercent;
		}

	}

	public SchoolMonth school(long tenant, long school, YearMonth month) {
		LocalDate from = month.atDay(1);
		LocalDate until = month.plusMonths(1).atDay(1);
		CoachingSchoolQueries.Tally tally = queries.tally(tenant, school, from, until);
		Count contacts = Count.of(tally.contacts());
		boolean totalShown = !contacts.hidden();

		List<LocalDate[]> spans = weeks(month);
		Map<LocalDate, Integer> byDay = queries.byDay(tenant, school, from, until);
		List<Integer> perWeek = spans.stream()
			.map(w -> byDay.entrySet()
				.stream()
				.filter(e -> !e.getKey().isBefore(w[0]) && !e.getKey().isAfter(w[1]))
				.mapToInt(Map.Entry::getValue)
				.sum())
			.toList();
		List<Count> weekCounts = Count.parts(perWeek, totalShown);
		List<WeekCount> weeks = new ArrayList<>();
		for (int i = 0; i < spans.size(); i++) {
			weeks.add(new WeekCount(spans.get(i)[0], spans.get(i)[1], weekCounts.get(i)));
		}

		Map<SupportType, Integer> support = queries.bySupport(tenant, school, from, until);
		List<SupportType> kinds = new ArrayList<>(support.keySet());
		List<Count> supportCounts = Count.parts(kinds.stream().map(support::get).toList(), totalShown);
		List<SupportCount> bySupport = new ArrayList<>();
		for (int i = 0; i < kinds.size(); i++) {
			bySupport.add(new SupportCount(kinds.get(i), supportCounts.get(i)));
		}

		YearMonth first = month.minusMonths(TREND_MONTHS - 1);
		Map<YearMonth, int[]> months = queries.byMonth(tenant, school, first.atDay(1), until);
		List<MonthCount> trend = new ArrayList<>();
		for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
			int[] c = months.getOrDefault(m, new int[] { 0, 0 });
			trend.add(new MonthCount(m, Count.of(c[0]), Count.of(c[1])));
		}

		Set<Long> coaches = new HashSet<>(queries.coachesServing(tenant, school));
		coaches.addAll(queries.coachesAt(tenant, school, from, until));
		Map<Long, Set<Long>> served = queries.servedByCoach(tenant);
		Shares shares = shares(queries.contactMinutes(tenant, coaches, from, until),
				queries.otherMinutes(tenant, coaches, from, until), served);
		return new SchoolMonth(month, shares.percent(school), properties.targetShare(), contacts,
				Count.of(tally.teachers()), weeks, bySupport, trend, Count.of(tally.teams()));
	}

	public DistrictMonth district(long tenant, YearMonth month) {
		LocalDate from = month.atDay(1);
		LocalDate until = month.plusMonths(1).atDay(1);
		Map<Long, CoachingSchoolQueries.Tally> tallies = new HashMap<>();
		for (CoachingSchoolQueries.Tally t : queries.tallies(tenant, from, until)) {
			tallies.put(t.school(), t);
		}
		List<Schools.School> listed = new ArrayList<>(schools.all(tenant)
			.stream()
			.filter(s -> !s.archived() || tallies.containsKey(s.id()))
			.sorted(Comparator.comparing(Schools.School::name, String.CASE_INSENSITIVE_ORDER))
			.toList());
		List<Schools.School> rows = new ArrayList<>(listed);
		if (tallies.containsKey(null)) {
			rows.add(null);
		}
		List<Integer> contactParts = rows.stream()
			.map(s -> tallies.getOrDefault(s == null ? null : s.id(), new CoachingSchoolQueries.Tally(null, 0, 0))
				.contacts())
			.toList();
		List<Integer> teacherParts = rows.stream()
			.map(s -> tallies.getOrDefault(s == null ? null : s.id(), new CoachingSchoolQueries.Tally(null, 0, 0))
				.teachers())
			.toList();
		Count contacts = Count.of(contactParts.stream().mapToInt(Integer::intValue).sum());
		Count teachers = Count.of(queries.teachersInDistrict(tenant, from, until));
		List<Count> contactCounts = Count.parts(contactParts, !contacts.hidden());
		List<Count> teacherCounts = Count.parts(teacherParts, !teachers.hidden());
		Shares shares = shares(queries.contactMinutes(tenant, from, until),
				queries.otherMinutes(tenant, null, from, until), queries.servedByCoach(tenant));
		List<SchoolRow> schoolRows = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Schools.School s = rows.get(i);
			schoolRows.add(new SchoolRow(s, contactCounts.get(i), teacherCounts.get(i),
					s == null ? null : shares.percent(s.id())));
		}
		return new DistrictMonth(month, properties.targetShare(), schoolRows, contacts, teachers, shares.whole());
	}

	/**
	 * The weeks of a month, Monday to Sunday, the first and last cut to the month: their
	 * counts add up to the month's.
	 */
	static List<LocalDate[]> weeks(YearMonth month) {
		List<LocalDate[]> weeks = new ArrayList<>();
		LocalDate day = month.atDay(1);
		while (!day.isAfter(month.atEndOfMonth())) {
			LocalDate end = day;
			while (end.getDayOfWeek() != DayOfWeek.SUNDAY && end.isBefore(month.atEndOfMonth())) {
				end = end.plusDays(1);
			}
			weeks.add(new LocalDate[] { day, end });
			day = end.plusDays(1);
		}
		return weeks;
	}

	/**
	 * Each school's share of coaching: a coach's other time goes to their schools in the
	 * measure of their coaching there (so one coach's share at a school is their whole
	 * share), or evenly to the schools they serve when they logged no contact.
	 */
	record Shares(Map<Long, double[]> bySchool, double coaching, double other) {

		Integer percent(long school) {
			double[] m = bySchool.get(school);
			return m == null || m[0] + m[1] == 0 ? null : (int) Math.round(100 * m[0] / (m[0] + m[1]));
		}

		Integer whole() {
			return coaching + other == 0 ? null : (int) Math.round(100 * coaching / (coaching + other));
		}

	}

	static Shares shares(List<CoachingSchoolQueries.CoachMinutes> contacts, Map<Long, Integer> other,
			Map<Long, Set<Long>> served) {
		Map<Long, Map<Long, Integer>> byCoach = new LinkedHashMap<>();
		for (CoachingSchoolQueries.CoachMinutes c : contacts) {
			byCoach.computeIfAbsent(c.coach(), k -> new HashMap<>()).merge(c.school(), c.minutes(), Integer::sum);
		}
		Map<Long, double[]> bySchool = new HashMap<>();
		double coaching = 0;
		double otherTotal = 0;
		Set<Long> coaches = new HashSet<>(byCoach.keySet());
		coaches.addAll(other.keySet());
		for (Long coach : coaches) {
			Map<Long, Integer> atSchools = byCoach.getOrDefault(coach, Map.of());
			int all = atSchools.values().stream().mapToInt(Integer::intValue).sum();
			int spent = other.getOrDefault(coach, 0);
			coaching += all;
			otherTotal += spent;
			if (all > 0) {
				for (var e : atSchools.entrySet()) {
					if (e.getKey() != null) {
						double[] m = bySchool.computeIfAbsent(e.getKey(), k -> new double[2]);
						m[0] += e.getValue();
						m[1] += (double) spent * e.getValue() / all;
					}
				}
			}
			else {
				Set<Long> theirs = served.getOrDefault(coach, Set.of());
				for (Long school : theirs) {
					bySchool.computeIfAbsent(school, k -> new double[2])[1] += (double) spent / theirs.size();
				}
			}
		}
		return new Shares(bySchool, coaching, otherTotal);
	}

}
