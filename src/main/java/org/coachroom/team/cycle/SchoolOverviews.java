package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.Member;
import org.coachroom.pd.Schools;
import org.coachroom.team.CycleStep;
import org.coachroom.team.workspace.TeamAccess;
import org.coachroom.team.workspace.WorkspaceNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a principal sees: per school, which teams exist, where their cycles are and how
 * many goals were met, and the summaries teams shared; never a cycle's notes, and never a
 * class under ten students on its own.
 */
@Service
public class SchoolOverviews {

	private final TeamAccess access;

	private final Cycles cycles;

	private final CycleResultQueries results;

	private final CycleQueries queries;

	private final SchoolQueries teams;

	private final Schools schools;

	private final Clock clock;

	SchoolOverviews(TeamAccess access, Cycles cycles, CycleResultQueries results, CycleQueries queries,
			SchoolQueries teams, Schools schools, Clock clock) {
		this.clock = clock;
		this.access = access;
		this.cycles = cycles;
		this.results = results;
		this.queries = queries;
		this.teams = teams;
		this.schools = schools;
	}

	/** A team as its principal sees it: no names, no notes. */
	public record TeamAtSchool(long workspace, String title, int members, Integer cycleNumber, CycleStep stage,
			long met, long notMet, List<SharedCycle> shared) {
	}

	/** A cycle summary the team shared. */
	public record SharedCycle(long id, int number, boolean goalMet) {
	}

	public record SchoolOverview(List<Schools.School> schools, Optional<Schools.School> school,
			List<TeamAtSchool> teams, int teamsWithoutSchool) {
	}

	/**
	 * For a principal: the school's teams, the stage of each one's latest cycle, and its
	 * goals met and not met. With no school asked for, the one the principal chose last
	 * time (or the district's only school); a school asked for is remembered.
	 */
	@Transactional
	public SchoolOverview school(Member principal, Long schoolId) {
		access.requirePrincipal(principal);
		long tenant = principal.tenant().value();
		List<Schools.School> all = schools.all(tenant);
		int unnamed = teams.withoutSchool(tenant);
		// none chosen: the school chosen last time, or the district's only one
		Long wanted = schoolId != null ? schoolId
				: teams.lastChosen(tenant, principal.userId()).orElse(all.size() == 1 ? all.get(0).id() : null);
		Optional<Schools.School> school = wanted == null ? Optional.empty()
				: all.stream().filter(s -> s.id() == wanted).findFirst();
		if (school.isEmpty()) {
			return new SchoolOverview(all, school, List.of(), unnamed);
		}
		if (schoolId != null) {
			teams.choose(tenant, principal.userId(), schoolId, clock.instant());
		}
		List<TeamAtSchool> teamsHere = new ArrayList<>();
		for (SchoolQueries.Team team : teams.teamsAt(tenant, school.get().id())) {
			List<Cycle> its = cycles.findByWorkspaceOrderByNumberDesc(team.id());
			Set<Long> withBaseline = queries.baselined(its.stream().map(Cycle::getId).toList());
			Cycle latest = its.isEmpty() ? null : its.get(0);
			teamsHere.add(new TeamAtSchool(team.id(), team.title(), team.members(),
					latest == null ? null : latest.getNumber(),
					latest == null ? null : latest.stage(withBaseline.contains(latest.getId())),
					its.stream().filter(c -> Boolean.TRUE.equals(c.getGoalMet())).count(),
					its.stream().filter(c -> Boolean.FALSE.equals(c.getGoalMet())).count(),
					its.stream()
						.filter(Cycle::isShared)
						.map(c -> new SharedCycle(c.getId(), c.getNumber(), Boolean.TRUE.equals(c.getGoalMet())))
						.toList()));
		}
		return new SchoolOverview(all, school, teamsHere, unnamed);
	}

	/**
	 * A cycle summary as the team shared it: the standard, the goal and the results with
	 * small classes folded into the team's total. No notes, no analysis, no reflection,
	 * no names.
	 */
	public record SharedSummary(String team, String school, int number, String standard, String goal, BigDecimal target,
			LocalDate goalBy, boolean goalMet, Instant closedAt, ProficiencyBands bands, List<Results.Row> baseline,
			List<Results.Row> reassessment) {
	}

	@Transactional(readOnly = true)
	public SharedSummary shared(Member principal, long cycleId) {
		access.requirePrincipal(principal);
		Cycle cycle = cycles.findById(cycleId)
			.filter(Cycle::isShared)
			.orElseThrow(() -> new WorkspaceNotFoundException(0));
		SchoolQueries.Named team = teams.named(cycle.getWorkspace(), principal.tenant().value())
			.filter(t -> t.school() != null)
			.orElseThrow(() -> new WorkspaceNotFoundException(0));
		String school = schools.find(principal.tenant().value(), team.school()).map(Schools.School::name).orElse("");
		CycleResultQueries.Rounds rounds = results.of(cycleId);
		ProficiencyBands bands = cycle.levels();
		PrincipalResults shown = PrincipalResults.of(bands, rounds.baseline(), rounds.reassessment(),
				cycle.isClassNamesShared());
		return new SharedSummary(team.title(), school, cycle.getNumber(), cycle.getStandard(), cycle.getGoal(),
				cycle.getTargetPercent(), cycle.getGoalBy(), Boolean.TRUE.equals(cycle.getGoalMet()),
				cycle.getClosedAt(), bands, shown.baseline(), shown.reassessment());
	}

}
