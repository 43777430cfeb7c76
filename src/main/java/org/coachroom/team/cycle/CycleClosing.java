package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.coachroom.lti.Member;
import org.coachroom.team.workspace.EditConflictException;
import org.coachroom.team.workspace.MembershipQueries;
import org.coachroom.team.workspace.TeamAccess;
import org.coachroom.team.workspace.TeamMember;
import org.coachroom.team.workspace.TeamPlacements;
import org.coachroom.team.workspace.WorkspaceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facilitator closes a cycle (which sends the completions of the members who took
 * part to the gradebook) and shares its summary with the principal, or stops sharing it.
 */
@Service
public class CycleClosing {

	private static final Logger log = LoggerFactory.getLogger(CycleClosing.class);

	private final TeamAccess access;

	private final Cycles cycles;

	private final EditableCycles editable;

	private final CycleResultQueries results;

	private final CycleQueries queries;

	private final MembershipQueries members;

	private final TeamPlacements placements;

	private final Clock clock;

	CycleClosing(TeamAccess access, Cycles cycles, EditableCycles editable, CycleResultQueries results,
			CycleQueries queries, MembershipQueries members, TeamPlacements placements, Clock clock) {
		this.access = access;
		this.cycles = cycles;
		this.editable = editable;
		this.results = results;
		this.queries = queries;
		this.members = members;
		this.placements = placements;
		this.clock = clock;
	}

	/**
	 * The facilitator closes the cycle once the goal is set and the re-assessment is in:
	 * it records whether the goal was met, and each member who took part gets the
	 * completion in the gradebook.
	 */
	@Transactional
	public Cycle close(Member member, long workspace, long cycleId, Integer version, Collection<Long> participants) {
		Cycle cycle = editable.current(member, workspace, cycleId, version);
		access.requireFacilitator(member, workspace);
		Optional<SmartGoal> goal = cycle.smartGoal();
		CycleResultQueries.Rounds rounds = results.of(cycleId);
		List<ClassResult> after = rounds.reassessment();
		if (goal.isEmpty() || cycle.getGoal() == null || after.isEmpty()) {
			throw CycleFormException.of("close", "team.cycle.close.not-ready");
		}
		Set<Long> team = members.of(workspace).stream().map(TeamMember::userRef).collect(Collectors.toSet());
		List<Long> took = participants.stream().distinct().filter(team::contains).toList();
		if (took.isEmpty() || took.size() != participants.stream().distinct().count()) {
			throw CycleFormException.of("participants", "team.cycle.close.participants");
		}
		// the baseline or the levels may have changed since the goal was set: it must
		// still aim above the baseline
		BigDecimal baseline = new Results(cycle.levels(), rounds.baseline()).proficientShare();
		if (baseline == null || goal.get().targetPercent().compareTo(baseline) <= 0) {
			throw CycleFormException.of("close", "team.cycle.close.goal-stale");
		}
		boolean met = goal.get().metBy(new Results(cycle.levels(), after));
		Instant now = clock.instant();
		cycle.close(met, member.userId(), now);
		editable.save(cycle);
		for (long userRef : took) {
			queries.tookPart(cycleId, userRef);
		}
		placements.cycleClosed(access.require(member, workspace), cycle.getId(), cycle.getNumber(), cycle.getClosedAt(),
				Boolean.TRUE.equals(cycle.getGoalMet()), took);
		log.info("Team workspace {}: cycle {} closed by {}, goal {}, {} took part", workspace, cycle.getNumber(),
				member.subject(), met ? "met" : "not met", took.size());
		return cycle;
	}

	/**
	 * The facilitator shares a closed cycle's summary with the school's principal (its
	 * classes lettered, unless the team chose to show their names), or stops sharing it.
	 */
	@Transactional
	public void share(Member member, long workspace, long cycleId, boolean share, boolean classNames) {
		access.require(member, workspace);
		access.requireFacilitator(member, workspace);
		Cycle cycle = cycles.findByIdAndWorkspace(cycleId, workspace)
			.orElseThrow(() -> new WorkspaceNotFoundException(workspace));
		if (!cycle.isClosed()) {
			throw new EditConflictException("Cycle " + cycleId, "team.cycle.share.open");
		}
		cycle.shareWithPrincipal(share, classNames, member.userId(), clock.instant());
		editable.save(cycle);
		log.info("Team workspace {}: cycle {} {} the principal by {}", workspace, cycle.getNumber(),
				share ? "shared with" : "no longer shared with", member.subject());
	}

}
