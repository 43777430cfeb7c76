package org.coachroom.pd;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.pd.catalog.StarterCatalog;
import org.coachroom.pd.compliance.ComplianceAccess;
import org.coachroom.pd.compliance.ComplianceQueries;
import org.coachroom.pd.compliance.SupportedPeople;
import org.coachroom.pd.evidence.EvidenceReview;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.pd.tracking.ProgramStatus;
import org.coachroom.pd.tracking.ProgramTracking;
import org.coachroom.pd.tracking.Profiles;
import org.coachroom.pd.tracking.RequirementStatus;
import org.coachroom.pd.tracking.Standing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the home pages show of PD, read the way the PD pages read it: a person's nearest
 * deadline, the people a coach supports who are behind, the evidence waiting for the
 * viewer's review, and the district's or a school's standings in counts. Each call asks
 * the same access rules as the page it summarises; a principal gets counts only, with
 * small ones suppressed.
 */
@Service
public class PdAtHome {

	/**
	 * Counts below this are shown to principals as "fewer than", as on the compliance
	 * view ({@code ComplianceAccess.SMALLEST_SHOWN}).
	 */
	public static final int SMALLEST_SHOWN = 5;

	private final Profiles profiles;

	private final ProgramTracking tracking;

	private final SupportedPeople supported;

	private final EvidenceReview evidence;

	private final ComplianceQueries compliance;

	private final ComplianceAccess access;

	private final PdCalendar calendar;

	private final StarterCatalog starter;

	PdAtHome(Profiles profiles, ProgramTracking tracking, SupportedPeople supported, EvidenceReview evidence,
			ComplianceQueries compliance, ComplianceAccess access, PdCalendar calendar, StarterCatalog starter) {
		this.starter = starter;
		this.profiles = profiles;
		this.tracking = tracking;
		this.supported = supported;
		this.evidence = evidence;
		this.compliance = compliance;
		this.access = access;
		this.calendar = calendar;
	}

	/**
	 * A person's nearest deadline: the program, the first requirement not yet met, the
	 * due date and how many days are left (negative once past), and how far they are.
	 */
	public record Deadline(String programCode, String programTitle, String requirementTitle, LocalDate dueOn,
			long daysLeft, long met, int total) {

		public boolean overdue() {
			return daysLeft < 0;
		}
	}

	/**
	 * The required program not yet complete whose due date comes first; empty when none
	 * has one (recommended programs have no deadline).
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<Deadline> nearestDeadline(Member member) {
		return nearestDeadline(member, profiles.profile(member));
	}

	/**
	 * The nearest deadline and whether the person told when they started their role, from
	 * one read of their profile: what a teacher's home shows of PD.
	 */
	public record Outlook(Deadline deadline, boolean roleStartKnown) {
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Outlook outlook(Member member) {
		Optional<Profiles.Profile> profile = profiles.profile(member);
		return new Outlook(nearestDeadline(member, profile).orElse(null),
				profile.map(p -> p.facts().roleStartedOn() != null).orElse(false));
	}

	private Optional<Deadline> nearestDeadline(Member member, Optional<Profiles.Profile> profile) {
		if (profile.isEmpty()) {
			return Optional.empty();
		}
		LocalDate today = calendar.today();
		return tracking.statusesOf(member.tenant().value(), member.userId(), profile.get().facts())
			.stream()
			.filter(s -> s.dueOn() != null && s.standing() != Standing.COMPLETE)
			.min(Comparator.comparing(ProgramStatus::dueOn))
			.map(s -> new Deadline(s.program().getCode(), s.program().getTitle(),
					s.requirements()
						.stream()
						.filter(r -> !r.met())
						.findFirst()
						.map(RequirementStatus::requirement)
						.map(r -> r.title())
						.orElse(null),
					s.dueOn(), ChronoUnit.DAYS.between(today, s.dueOn()), s.met(), s.requirements().size()));
	}

	/** A supported person's program that is overdue or due soon. */
	public record Behind(long userRef, String name, String programTitle, boolean overdue, LocalDate dueOn, int met,
			int total) {
	}

	/**
	 * The people the coach supports whose required PD is overdue or due soon, overdue
	 * first, then by due date; none for anyone who does not coach (a principal or HR
	 * beside a coach's role included).
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Behind> behind(Member coach) {
		if (!SupportedPeople.applies(coach)) {
			return List.of();
		}
		List<Behind> behind = new ArrayList<>();
		for (SupportedPeople.Supported person : supported.of(coach)) {
			for (SupportedPeople.Line line : person.programs()) {
				if (line.standing() == Standing.OVERDUE || line.standing() == Standing.DUE_SOON) {
					behind.add(new Behind(person.userRef(), person.name(), line.programTitle(),
							line.standing() == Standing.OVERDUE, line.dueOn(), line.met(), line.total()));
				}
			}
		}
		behind.sort(Comparator.comparing((Behind b) -> !b.overdue())
			.thenComparing(Behind::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Behind::name, String.CASE_INSENSITIVE_ORDER));
		return behind;
	}

	/** Whether the viewer reviews evidence at all. */
	public boolean reviewsEvidence(Member viewer) {
		return evidence.reviews(viewer);
	}

	/** How many certificates and transcripts wait for the viewer's review. */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public int evidenceWaiting(Member viewer) {
		return evidence.reviews(viewer) ? evidence.queue(viewer).size() : 0;
	}

	/**
	 * How many people stand where, as the compliance view counts them. {@code suppressed}
	 * is set when the viewer sees counts only and the number is below
	 * {@link #SMALLEST_SHOWN} (and above nought): the count is then left at nought.
	 */
	public record Count(String standing, int count, boolean suppressed) {
	}

	/** The standings in the order the home tiles show them. */
	private static final List<Standing> TILES = List.of(Standing.COMPLETE, Standing.ON_TRACK, Standing.NOT_STARTED,
			Standing.DUE_SOON, Standing.OVERDUE);

	/**
	 * The district's counts for HR or a district admin; empty for anyone who may not see
	 * them.
	 */
	@Transactional(readOnly = true)
	public Optional<List<Count>> districtCounts(Member viewer) {
		if (access.viewOf(viewer) != ComplianceAccess.View.PEOPLE) {
			return Optional.empty();
		}
		return Optional.of(counts(viewer, null));
	}

	/**
	 * One school's counts for whoever may see the compliance view (a principal sees them
	 * with small numbers suppressed); empty for anyone else.
	 */
	@Transactional(readOnly = true)
	public Optional<List<Count>> schoolCounts(Member viewer, long schoolId) {
		if (access.viewOf(viewer) == ComplianceAccess.View.NONE) {
			return Optional.empty();
		}
		return Optional.of(counts(viewer, schoolId));
	}

	private List<Count> counts(Member viewer, Long schoolId) {
		boolean countsOnly = access.viewOf(viewer) == ComplianceAccess.View.COUNTS;
		Map<Standing, Integer> counts = compliance.counts(viewer,
				new ComplianceQueries.Filter(null, null, null, "", "name", 0, schoolId));
		return TILES.stream().map(s -> {
			int n = counts.getOrDefault(s, 0);
			boolean suppressed = countsOnly && n > 0 && n < SMALLEST_SHOWN;
			return new Count(s.name(), suppressed ? 0 : n, suppressed);
		}).toList();
	}

	/**
	 * How many programs the district has (archived ones aside), the starter catalog
	 * included: it is brought in when PD is first opened, which the home page may come
	 * before.
	 */
	@Transactional
	public int programs(Member viewer) {
		starter.ensureImported(viewer.tenant().value());
		return compliance.programs(viewer).size();
	}

}
