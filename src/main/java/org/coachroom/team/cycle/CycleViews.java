package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.Member;
import org.coachroom.team.CycleStep;
import org.coachroom.team.workspace.TeamAccess;
import org.coachroom.team.workspace.TeamRole;
import org.coachroom.team.workspace.Workspace;
import org.coachroom.team.workspace.WorkspaceNotFoundException;
import org.coachroom.team.workspace.WorkspacePages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a team's cycle screens show, for someone of the team: read models only, nothing
 * changes here.
 */
@Service
public class CycleViews {

	private final TeamAccess access;

	private final Cycles cycles;

	private final CycleResultQueries results;

	private final CycleQueries queries;

	private final WorkspacePages pages;

	CycleViews(TeamAccess access, Cycles cycles, CycleResultQueries results, CycleQueries queries,
			WorkspacePages pages) {
		this.access = access;
		this.cycles = cycles;
		this.results = results;
		this.queries = queries;
		this.pages = pages;
	}

	/**
	 * A cycle in the workspace's list: where it is, and its shares proficient before and
	 * after.
	 */
	public record CycleRow(Cycle cycle, CycleStep stage, BigDecimal baseline, BigDecimal reassessment) {
	}

	/** The workspace's cycles, newest first, with the goals met and not met. */
	public record Overview(List<CycleRow> cycles, Optional<CycleRow> open, long met, long notMet) {
	}

	@Transactional(readOnly = true)
	public Overview overview(Member member, long workspace) {
		access.require(member, workspace);
		List<Cycle> all = cycles.findByWorkspaceOrderByNumberDesc(workspace);
		Map<CycleResultQueries.Key, List<ClassResult>> rounds = results.all(all.stream().map(Cycle::getId).toList());
		List<CycleRow> rows = new ArrayList<>();
		for (Cycle cycle : all) {
			List<ClassResult> baseline = rounds
				.getOrDefault(new CycleResultQueries.Key(cycle.getId(), CycleResultQueries.Round.BASELINE), List.of());
			List<ClassResult> after = rounds.getOrDefault(
					new CycleResultQueries.Key(cycle.getId(), CycleResultQueries.Round.REASSESSMENT), List.of());
			ProficiencyBands bands = cycle.levels();
			rows.add(new CycleRow(cycle, cycle.stage(!baseline.isEmpty()),
					baseline.isEmpty() ? null : new Results(bands, baseline).proficientShare(),
					after.isEmpty() ? null : new Results(bands, after).proficientShare()));
		}
		return new Overview(rows, rows.stream().filter(r -> !r.cycle().isClosed()).findFirst(),
				all.stream().filter(c -> Boolean.TRUE.equals(c.getGoalMet())).count(),
				all.stream().filter(c -> Boolean.FALSE.equals(c.getGoalMet())).count());
	}

	/** Everything a step's screen shows, for someone of the team. */
	public record View(Workspace workspace, TeamRole role, Cycle cycle, CycleStep stage, List<CycleStep> done,
			Optional<Results> baseline, Optional<Results> reassessment, String carriedIn,
			List<WorkspacePages.Person> team, Set<Long> participants) {

		public boolean facilitates() {
			return role == TeamRole.FACILITATOR;
		}

		/** The baseline share proficient, once results are in. */
		public BigDecimal baselineShare() {
			return baseline.map(Results::proficientShare).orElse(null);
		}

		public BigDecimal reassessmentShare() {
			return reassessment.map(Results::proficientShare).orElse(null);
		}
	}

	@Transactional(readOnly = true)
	public View view(Member member, long workspace, long cycleId) {
		Workspace w = access.require(member, workspace);
		Cycle cycle = cycles.findByIdAndWorkspace(cycleId, workspace)
			.orElseThrow(() -> new WorkspaceNotFoundException(workspace));
		ProficiencyBands bands = cycle.levels();
		CycleResultQueries.Rounds rounds = results.of(cycleId);
		List<ClassResult> baseline = rounds.baseline();
		List<ClassResult> after = rounds.reassessment();
		String carriedIn = cycle.getNumber() == 1 ? null
				: queries.carriedInto(workspace, cycle.getNumber()).orElse(null);
		List<WorkspacePages.Person> team = pages.peopleOf(member, workspace);
		TeamRole role = team.stream().filter(p -> p.userRef() == member.userId()).findFirst().orElseThrow().role();
		Set<Long> took = queries.participants(cycleId);
		return new View(w, role, cycle, cycle.stage(!baseline.isEmpty()), cycle.done(!baseline.isEmpty()),
				baseline.isEmpty() ? Optional.empty() : Optional.of(new Results(bands, baseline)),
				after.isEmpty() ? Optional.empty() : Optional.of(new Results(bands, after)), carriedIn, team, took);
	}

	/**
	 * The cycle's levels, for someone of the team: what a results form's counts are read
	 * against.
	 */
	@Transactional(readOnly = true)
	public ProficiencyBands levels(Member member, long workspace, long cycleId) {
		access.require(member, workspace);
		return cycles.findByIdAndWorkspace(cycleId, workspace)
			.orElseThrow(() -> new WorkspaceNotFoundException(workspace))
			.levels();
	}

}
