package org.coachroom.coaching.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;

import org.coachroom.coaching.cycle.CoachingStories;
import org.coachroom.coaching.log.CoachingFigures;
import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coach's staff report for a period, always their own, over their own log: the figures,
 * their words, and the stories: the ones approved now while the edition is unprinted, the
 * ones it printed once it is.
 */
@Service
@Transactional
class StaffReportService {

	private static final Logger log = LoggerFactory.getLogger(StaffReportService.class);

	private final StaffReports reports;

	private final CoachingFigures figures;

	private final CoachingStories stories;

	private final CoachingAccess access;

	private final CoachingCalendar calendar;

	private final Clock clock;

	StaffReportService(StaffReports reports, CoachingFigures figures, CoachingStories stories, CoachingAccess access,
			CoachingCalendar calendar, Clock clock) {
		this.reports = reports;
		this.figures = figures;
		this.stories = stories;
		this.access = access;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * The report as it reads.
	 *
	 * @param perWeek contacts per week over the period so far, to one decimal
	 * @param printedOn the day this edition was printed, or null while it is not
	 */
	record View(ReportPeriods.Period period, CoachingFigures.Figures figures, String perWeek, int edition,
			LocalDate printedOn, String trends, String nextSupport, List<String> stories, Integer version) {

		public boolean printed() {
			return printedOn != null;
		}

	}

	@Transactional(readOnly = true)
	View view(Member coach, ReportPeriods.Period period) {
		return view(coach, period, false);
	}

	/**
	 * The report for a new copy (a PDF downloaded again): a printed edition keeps its
	 * words, but a story whose teacher has withdrawn consent since is in no new copy.
	 */
	@Transactional(readOnly = true)
	View forNewCopy(Member coach, ReportPeriods.Period period) {
		return view(coach, period, true);
	}

	private View view(Member coach, ReportPeriods.Period period, boolean newCopy) {
		access.requireCoach(coach);
		CoachingFigures.Figures counted = figures.over(coach, period.start(), period.until());
		double weeks = period.daysSoFar(calendar.today()) / 7.0;
		String perWeek = String.format(LocaleContextHolder.getLocale(), "%.1f",
				counted.contacts() / Math.max(weeks, 1.0));
		StaffReport report = latest(coach, period).orElse(null);
		if (report == null) {
			return new View(period, counted, perWeek, 1, null, null, null, approved(coach, period), null);
		}
		Set<Long> stillApproved = newCopy ? stories.approvedFor(coach, period.start(), period.until())
			.stream()
			.map(s -> s.id())
			.collect(Collectors.toSet()) : null;
		List<String> printedOrApproved = report.isPrinted() ? report.getStories()
			.stream()
			.filter(p -> stillApproved == null || stillApproved.contains(p.storyId()))
			.map(StaffReport.PrintedStory::wording)
			.toList() : approved(coach, period);
		LocalDate printedOn = report.isPrinted() ? LocalDate.ofInstant(report.getPrintedAt(), calendar.zone()) : null;
		return new View(period, counted, perWeek, report.getEdition(), printedOn, report.getTrends(),
				report.getNextSupport(), printedOrApproved, report.getVersion());
	}

	/** The coach writes the trends and themes and the support offered next. */
	void write(Member coach, ReportPeriods.Period period, ReportForm.Written written, Integer version) {
		access.requireCoach(coach);
		Instant now = clock.instant();
		StaffReport report = latest(coach, period).orElse(null);
		if (report == null) {
			report = StaffReport.start(coach.tenant().value(), coach.userId(), period.start(), 1, written.trends(),
					written.nextSupport(), now);
		}
		else {
			if (version == null || !version.equals(report.getVersion())) {
				throw new ReportStaleException(period.start());
			}
			report.write(written.trends(), written.nextSupport(), now);
		}
		save(report, period);
	}

	/**
	 * Records that the edition was printed or downloaded, once: from then on it keeps the
	 * stories it printed.
	 */
	void printed(Member coach, ReportPeriods.Period period) {
		access.requireCoach(coach);
		Instant now = clock.instant();
		StaffReport report = latest(coach, period).orElseGet(
				() -> StaffReport.start(coach.tenant().value(), coach.userId(), period.start(), 1, null, null, now));
		if (report.isPrinted()) {
			return;
		}
		List<StaffReport.PrintedStory> kept = stories.approvedFor(coach, period.start(), period.until())
			.stream()
			.map(s -> new StaffReport.PrintedStory(s.id(), s.wording()))
			.toList();
		report.printed(kept, now);
		save(report, period);
		log.info("Staff report of {} (edition {}) printed with {} stories", period.key(), report.getEdition(),
				kept.size());
	}

	/** A new, unprinted edition after a printed one, starting from its words. */
	void newEdition(Member coach, ReportPeriods.Period period) {
		access.requireCoach(coach);
		StaffReport last = latest(coach, period).orElse(null);
		if (last == null || !last.isPrinted()) {
			return;
		}
		save(StaffReport.start(coach.tenant().value(), coach.userId(), period.start(), last.getEdition() + 1,
				last.getTrends(), last.getNextSupport(), clock.instant()), period);
	}

	private List<String> approved(Member coach, ReportPeriods.Period period) {
		return stories.approvedFor(coach, period.start(), period.until())
			.stream()
			.map(CoachingStories.Approved::wording)
			.toList();
	}

	private Optional<StaffReport> latest(Member coach, ReportPeriods.Period period) {
		return reports.findFirstByTenantIdAndCoachRefAndPeriodStartOrderByEditionDesc(coach.tenant().value(),
				coach.userId(), period.start());
	}

	private void save(StaffReport report, ReportPeriods.Period period) {
		try {
			reports.save(report);
		}
		catch (OptimisticLockingFailureException e) {
			throw new ReportStaleException(period.start());
		}
	}

}
