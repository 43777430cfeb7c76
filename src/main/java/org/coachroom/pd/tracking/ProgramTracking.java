package org.coachroom.pd.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.pd.CourseItems;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.catalog.Obligation;
import org.coachroom.pd.catalog.PdProfile;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.ActivePrograms;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.catalog.StarterCatalog;
import org.coachroom.pd.placement.CoursePlacements;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's programs as their pages show them: those the assignment rules give them,
 * with their standing, and one program of the catalog with their progress in it.
 */
@Service
public class ProgramTracking {

	private final Programs programs;

	private final ActivePrograms activePrograms;

	private final ProgressRecords progress;

	private final StarterCatalog catalog;

	private final Standings standings;

	private final CoursePlacements placements;

	private final Profiles profiles;

	private final PdCalendar calendar;

	ProgramTracking(Programs programs, ActivePrograms activePrograms, ProgressRecords progress, StarterCatalog catalog,
			Standings standings, CoursePlacements placements, Profiles profiles, PdCalendar calendar) {
		this.activePrograms = activePrograms;
		this.programs = programs;
		this.progress = progress;
		this.catalog = catalog;
		this.standings = standings;
		this.placements = placements;
		this.profiles = profiles;
		this.calendar = calendar;
	}

	/**
	 * The person's programs: those the assignment rules give them (required first), and
	 * any other they have recorded progress in.
	 */
	@Transactional
	public List<ProgramStatus> myPrograms(Member member) {
		Optional<Profiles.Profile> profile = profiles.profile(member);
		if (profile.isEmpty()) {
			return List.of();
		}
		catalog.ensureImported(member.tenant().value());
		if (!profile.get().recorded()) {
			profiles.register(member, profile.get().facts().audience());
			standings.refresh(member.tenant().value(), member.userId());
		}
		return statusesOf(member.tenant().value(), member.userId(), profile.get().facts());
	}

	/**
	 * A person's programs with their standing, as they see them and as HR sees their
	 * credential facts.
	 */
	public List<ProgramStatus> statusesOf(long tenantId, long userRef, PdProfile facts) {
		LocalDate today = calendar.today();
		Map<Long, ProgramProgress> mine = new HashMap<>();
		for (ProgramProgress p : progress.findByTenantIdAndUserRef(tenantId, userRef)) {
			mine.put(p.getProgram(), p);
		}
		List<ProgramStatus> result = new ArrayList<>();
		for (Program program : activePrograms.of(tenantId)) {
			Optional<Obligation> obligation = program.obligationFor(facts, today);
			ProgramProgress recorded = mine.get(program.getId());
			if (obligation.isPresent() || recorded != null) {
				result.add(ProgramProgress.evaluate(program, recorded, facts, obligation.orElse(null), today,
						calendar.dueSoon()));
			}
		}
		result.sort(Comparator.comparing((ProgramStatus s) -> s.obligation() == Obligation.REQUIRED ? 0 : 1));
		return result;
	}

	/**
	 * A launch of a link placed in a course opened this program: the placement is
	 * remembered, and the people of the course whose completion it never saw have their
	 * standings worked out, which sends any completion of theirs to the new column.
	 */
	@Transactional
	public void recordPlacement(Member member, String code) {
		if (member.launch() == null || !code.equals(member.launch().custom().get(CourseItems.PROGRAM_PARAMETER))) {
			return;
		}
		long tenant = member.tenant().value();
		catalog.ensureImported(tenant);
		programs.findByTenantIdAndCode(tenant, code)
			.filter(p -> !p.isArchived())
			.ifPresent(program -> placements.recordPlacement(member, program)
				.forEach(user -> standings.refresh(tenant, user)));
	}

	/**
	 * Every program of the district, with the person's standing in it (for browsing the
	 * catalog).
	 */
	@Transactional
	public ProgramStatus program(Member member, String code) {
		Profiles.Profile profile = profiles.profile(member).orElseThrow(() -> new ProgramNotFoundException(code));
		catalog.ensureImported(member.tenant().value());
		Program program = programs.findByTenantIdAndCode(member.tenant().value(), code)
			.filter(p -> !p.isArchived())
			.orElseThrow(() -> new ProgramNotFoundException(code));
		LocalDate today = calendar.today();
		ProgramProgress recorded = progress.findByProgramAndUserRef(program.getId(), member.userId()).orElse(null);
		return ProgramProgress.evaluate(program, recorded, profile.facts(),
				program.obligationFor(profile.facts(), today).orElse(null), today, calendar.dueSoon());
	}

}
