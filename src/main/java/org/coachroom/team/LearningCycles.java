package org.coachroom.team;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.pd.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's learning cycles: starting one, walking its five steps, entering results per class,
 * closing it (which sends the members' completions to the gradebook) and sharing its summary with
 * the principal. Principals see, per school, which teams exist, where their cycles are and how many
 * goals were met; never a cycle's notes, and never a class under ten students on its own.
 */
@Service
public class LearningCycles {

	private static final Logger log = LoggerFactory.getLogger(LearningCycles.class);

	/** Classes a team enters results for, at most. */
	static final int MOST_CLASSES = 30;

	private final TeamWorkspaces teams;

	private final Cycles cycles;

	private final CycleResults results;

	private final TeamMembers members;

	private final TeamPlacements placements;

	private final Schools schools;

	private final JdbcClient jdbc;

	private final Clock clock;

	LearningCycles(TeamWorkspaces teams, Cycles cycles, CycleResults results, TeamMembers members,
			TeamPlacements placements, Schools schools, JdbcClient jdbc, Clock clock) {
		this.teams = teams;
		this.cycles = cycles;
		this.results = results;
		this.members = members;
		this.placements = placements;
		this.schools = schools;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A cycle in the workspace's list: where it is, and its shares proficient before and after. */
	public record CycleRow(Cycle cycle, CycleStep stage, BigDecimal baseline, BigDecimal reassessment) {
	}

	/** The workspace's cycles, newest first, with the goals met and not met. */
	public record Overview(List<CycleRow> cycles, Optional<CycleRow> open, long met, long notMet) {
	}

	@Transactional(readOnly = true)
	public Overview overview(Member member, long workspace) {
		teams.require(member, workspace);
		return overviewOf(workspace);
	}

	private Overview overviewOf(long workspace) {
		List<Cycle> all = cycles.findByWorkspaceOrderByNumberDesc(workspace);
		Map<CycleResults.Key, List<ClassResult>> rounds = results.all(all.stream().map(Cycle::getId).toList());
		List<CycleRow> rows = new ArrayList<>();
		for (Cycle cycle : all) {
			List<ClassResult> baseline = rounds.getOrDefault(new CycleResults.Key(cycle.getId(), CycleResults.Round.BASELINE), List.of());
			List<ClassResult> after = rounds.getOrDefault(new CycleResults.Key(cycle.getId(), CycleResults.Round.REASSESSMENT), List.of());
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
			List<TeamWorkspaces.Person> team, Set<Long> participants) {

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
		Workspace w = teams.require(member, workspace);
		Cycle cycle = cycles.findByIdAndWorkspace(cycleId, workspace).orElseThrow(() -> new WorkspaceNotFoundException(workspace));
		ProficiencyBands bands = cycle.levels();
		CycleResults.Rounds rounds = results.of(cycleId);
		List<ClassResult> baseline = rounds.baseline();
		List<ClassResult> after = rounds.reassessment();
		String carriedIn = cycle.getNumber() == 1 ? null
				: jdbc.sql("SELECT carry_forward FROM team_cycle WHERE workspace = ? AND number < ? ORDER BY number DESC LIMIT 1")
					.params(workspace, cycle.getNumber())
					.query(String.class)
					.optional()
					.orElse(null);
		List<TeamWorkspaces.Person> team = teams.peopleOf(member, workspace);
		TeamRole role = team.stream().filter(p -> p.userRef() == member.userId()).findFirst().orElseThrow().role();
		Set<Long> took = Set.copyOf(jdbc.sql("SELECT user_ref FROM team_cycle_participant WHERE cycle = ?")
			.param(cycleId)
			.query(Long.class)
			.list());
		return new View(w, role, cycle, cycle.stage(!baseline.isEmpty()), cycle.done(!baseline.isEmpty()),
				baseline.isEmpty() ? Optional.empty() : Optional.of(new Results(bands, baseline)),
				after.isEmpty() ? Optional.empty() : Optional.of(new Results(bands, after)), carriedIn, team, took);
	}

	/** The cycle's levels, for someone of the team: what a results form's counts are read against. */
	@Transactional(readOnly = true)
	public ProficiencyBands levels(Member member, long workspace, long cycleId) {
		teams.require(member, workspace);
		return cycles.findByIdAndWorkspace(cycleId, workspace)
			.orElseThrow(() -> new WorkspaceNotFoundException(workspace))
			.levels();
	}

	/**
	 * Someone of the team starts a cycle; while one is open, that one is where the team works (one at a
	 * time). The new cycle keeps the levels of the last one.
	 */
	@Transactional
	public Cycle start(Member member, long workspace) {
		teams.require(member, workspace);
		// two of the team starting at once: the second waits here, then finds the first one's cycle
		jdbc.sql("SELECT id FROM team_workspace WHERE id = ? FOR UPDATE").param(workspace).query(Long.class).single();
		List<Cycle> all = cycles.findByWorkspaceOrderByNumberDesc(workspace);
		Optional<Cycle> open = all.stream().filter(c -> !c.isClosed()).findFirst();
		if (open.isPresent()) {
			return open.get();
		}
		ProficiencyBands levels = all.isEmpty() ? ProficiencyBands.fourLevels() : all.get(0).levels();
		int number = all.isEmpty() ? 1 : all.get(0).getNumber() + 1;
		Cycle cycle = cycles.save(Cycle.start(workspace, number, levels, member.userId(), clock.instant()));
		log.info("Team workspace {}: cycle {} started by {}", workspace, number, member.subject());
		return cycle;
	}

	/** The cycle at the version the page showed; someone else's save meanwhile is a conflict. */
	private Cycle current(Member member, long workspace, long cycleId, Integer version) {
		teams.require(member, workspace);
		Cycle cycle = cycles.findByIdAndWorkspace(cycleId, workspace).orElseThrow(() -> new WorkspaceNotFoundException(workspace));
		if (cycle.isClosed()) {
			throw new TeamWorkspaces.EditConflictException("Cycle " + cycleId, "team.cycle.closed");
		}
		if (version == null || !version.equals(cycle.getVersion())) {
			throw new TeamWorkspaces.EditConflictException("Cycle " + cycleId, "team.cycle.conflict");
		}
		return cycle;
	}

	private void save(Cycle cycle) {
		try {
			cycles.save(cycle);
		}
		catch (OptimisticLockingFailureException e) {
			throw new TeamWorkspaces.EditConflictException("Cycle " + cycle.getId(), "team.cycle.conflict");
		}
	}

	private static String text(String value, String field, boolean required, Map<String, String> errors) {
		String clean = value == null ? "" : value.strip();
		if (clean.length() > Cycle.LONGEST_TEXT) {
			errors.put(field, "team.cycle.too-long");
		}
		else if (clean.isEmpty() && required) {
			errors.put(field, "team.cycle." + field + ".missing");
		}
		return clean.isEmpty() ? null : clean;
	}

	private static void throwIfAny(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new CycleFormException(errors);
		}
	}

	/** Step 1: the essential standard, written as "Students will ...". */
	@Transactional
	public void saveStandard(Member member, long workspace, long cycleId, Integer version, String standard) {
		Cycle cycle = current(member, workspace, cycleId, version);
		Map<String, String> errors = new LinkedHashMap<>();
		String clean = text(standard, "standard", true, errors);
		if (clean != null && !clean.toLowerCase(java.util.Locale.ROOT).startsWith("students will")) {
			errors.put("standard", "team.cycle.standard.form");
		}
		throwIfAny(errors);
		cycle.writeStandard(clean, member.userId(), clock.instant());
		save(cycle);
	}

	/**
	 * Step 2: the common assessment and its levels. Once results are in, the number of levels cannot
	 * change (their counts would no longer fit); names and the proficient level can.
	 */
	@Transactional
	public void saveAssessment(Member member, long workspace, long cycleId, Integer version, String description,
			LocalDate on, ProficiencyBands bands) {
		Cycle cycle = current(member, workspace, cycleId, version);
		Map<String, String> errors = new LinkedHashMap<>();
		String clean = text(description, "assessment", true, errors);
		if (on == null) {
			errors.put("assessedOn", "team.cycle.assessedOn.missing");
		}
		CycleResults.Rounds rounds = results.of(cycleId);
		boolean entered = !rounds.baseline().isEmpty() || !rounds.reassessment().isEmpty();
		if (entered && bands.size() != cycle.levels().size()) {
			errors.put("bands", "team.bands.results-entered");
		}
		throwIfAny(errors);
		cycle.describeAssessment(clean, on, bands, member.userId(), clock.instant());
		save(cycle);
	}

	/** The results of a round, every class at once: all of them are kept, or (refused) none. */
	@Transactional
	public void saveResults(Member member, long workspace, long cycleId, Integer version, CycleResults.Round round,
			List<ClassResult> classes) {
		Cycle cycle = current(member, workspace, cycleId, version);
		if (classes.isEmpty()) {
			throw CycleFormException.of("classes", "team.results.none");
		}
		if (classes.size() > MOST_CLASSES) {
			throw CycleFormException.of("classes", "team.results.too-many");
		}
		try {
			if (new Results(cycle.levels(), classes).assessed() == 0) {
				throw CycleFormException.of("classes", "team.results.nobody");
			}
		}
		catch (TeamInputException e) {
			throw CycleFormException.of("classes", e.getMessage());
		}
		if (round == CycleResults.Round.REASSESSMENT && cycle.smartGoal().isEmpty()) {
			throw CycleFormException.of("classes", "team.results.goal-first");
		}
		cycle.resultsChanged(member.userId(), clock.instant());
		save(cycle);
		results.replace(cycleId, round, classes);
	}

	/** Step 3: strengths and obstacles the results show, and the SMART goal measured from the baseline. */
	@Transactional
	public void saveGoal(Member member, long workspace, long cycleId, Integer version, String strengths,
			String obstacles, String statement, BigDecimal target, LocalDate by) {
		Cycle cycle = current(member, workspace, cycleId, version);
		Map<String, String> errors = new LinkedHashMap<>();
		String cleanStrengths = text(strengths, "strengths", false, errors);
		String cleanObstacles = text(obstacles, "obstacles", false, errors);
		String cleanGoal = text(statement, "goal", true, errors);
		List<ClassResult> baseline = results.of(cycleId).baseline();
		SmartGoal smart = null;
		if (baseline.isEmpty()) {
			errors.put("target", "team.goal.no-baseline");
		}
		else if (target == null) {
			errors.put("target", "team.goal.target");
		}
		else if (by == null) {
			errors.put("goalBy", "team.goal.date");
		}
		else if (cycle.getAssessedOn() != null && !by.isAfter(cycle.getAssessedOn())) {
			errors.put("goalBy", "team.goal.date-order");
		}
		else {
			try {
				smart = SmartGoal.from(new Results(cycle.levels(), baseline), target, by);
			}
			catch (TeamInputException e) {
				errors.put("team.goal.date".equals(e.getMessage()) ? "goalBy" : "target", e.getMessage());
			}
		}
		throwIfAny(errors);
		cycle.setGoal(cleanStrengths, cleanObstacles, cleanGoal, smart, member.userId(), clock.instant());
		save(cycle);
	}

	/** Step 4: instruction, intervention, extension, and who does what. */
	@Transactional
	public void saveResponse(Member member, long workspace, long cycleId, Integer version, String strategies,
			String intervention, String extension, String responsibilities) {
		Cycle cycle = current(member, workspace, cycleId, version);
		Map<String, String> errors = new LinkedHashMap<>();
		String s = text(strategies, "strategies", true, errors);
		String i = text(intervention, "intervention", false, errors);
		String e = text(extension, "extension", false, errors);
		String r = text(responsibilities, "responsibilities", false, errors);
		throwIfAny(errors);
		cycle.planResponse(s, i, e, r, member.userId(), clock.instant());
		save(cycle);
	}

	/** Step 5: when the team re-assessed, its reflection, and what carries into the next cycle. */
	@Transactional
	public void saveAdjust(Member member, long workspace, long cycleId, Integer version, LocalDate reassessedOn,
			String reflection, String carryForward) {
		Cycle cycle = current(member, workspace, cycleId, version);
		Map<String, String> errors = new LinkedHashMap<>();
		String r = text(reflection, "reflection", false, errors);
		String c = text(carryForward, "carryForward", false, errors);
		if (reassessedOn != null && cycle.getAssessedOn() != null && reassessedOn.isBefore(cycle.getAssessedOn())) {
			errors.put("reassessedOn", "team.cycle.reassessedOn.order");
		}
		throwIfAny(errors);
		cycle.adjust(reassessedOn, r, c, member.userId(), clock.instant());
		save(cycle);
	}

	/**
	 * The facilitator closes the cycle once the goal is set and the re-assessment is in: it records
	 * whether the goal was met, and each member who took part gets the completion in the gradebook.
	 */
	@Transactional
	public Cycle close(Member member, long workspace, long cycleId, Integer version, Collection<Long> participants) {
		Cycle cycle = current(member, workspace, cycleId, version);
		requireFacilitator(member, workspace);
		Optional<SmartGoal> goal = cycle.smartGoal();
		CycleResults.Rounds rounds = results.of(cycleId);
		List<ClassResult> after = rounds.reassessment();
		if (goal.isEmpty() || cycle.getGoal() == null || after.isEmpty()) {
			throw CycleFormException.of("close", "team.cycle.close.not-ready");
		}
		Set<Long> team = members.of(workspace).stream().map(TeamMember::userRef).collect(Collectors.toSet());
		List<Long> took = participants.stream().distinct().filter(team::contains).toList();
		if (took.isEmpty() || took.size() != participants.stream().distinct().count()) {
			throw CycleFormException.of("participants", "team.cycle.close.participants");
		}
		// the baseline or the levels may have changed since the goal was set: it must still aim above the baseline
		BigDecimal baseline = new Results(cycle.levels(), rounds.baseline()).proficientShare();
		if (baseline == null || goal.get().targetPercent().compareTo(baseline) <= 0) {
			throw CycleFormException.of("close", "team.cycle.close.goal-stale");
		}
		boolean met = goal.get().metBy(new Results(cycle.levels(), after));
		Instant now = clock.instant();
		cycle.close(met, member.userId(), now);
		save(cycle);
		for (long userRef : took) {
			jdbc.sql("INSERT INTO team_cycle_participant (cycle, user_ref) VALUES (?, ?)").params(cycleId, userRef).update();
		}
		placements.cycleClosed(teams.require(member, workspace), cycle, took);
		log.info("Team workspace {}: cycle {} closed by {}, goal {}, {} took part", workspace, cycle.getNumber(),
				member.subject(), met ? "met" : "not met", took.size());
		return cycle;
	}

	private void requireFacilitator(Member member, long workspace) {
		if (members.roleOf(workspace, member.userId()).orElse(null) != TeamRole.FACILITATOR) {
			throw new WorkspaceNotFoundException(workspace);
		}
	}

	/** The facilitator shares a closed cycle's summary with the school's principal, or stops sharing it. */
	@Transactional
	public void share(Member member, long workspace, long cycleId, boolean share) {
		teams.require(member, workspace);
		requireFacilitator(member, workspace);
		Cycle cycle = cycles.findByIdAndWorkspace(cycleId, workspace).orElseThrow(() -> new WorkspaceNotFoundException(workspace));
		if (!cycle.isClosed()) {
			throw new TeamWorkspaces.EditConflictException("Cycle " + cycleId, "team.cycle.share.open");
		}
		cycle.shareWithPrincipal(share, member.userId(), clock.instant());
		save(cycle);
		log.info("Team workspace {}: cycle {} {} the principal by {}", workspace, cycle.getNumber(),
				share ? "shared with" : "no longer shared with", member.subject());
	}

	/** The school the team belongs to, for its principal's overview; null while none is named. */
	@Transactional(readOnly = true)
	public Optional<Schools.School> schoolOf(Member member, long workspace) {
		Workspace w = teams.require(member, workspace);
		return schoolRef(w.getId()).flatMap(id -> schools.find(w.getTenantId(), id));
	}

	private Optional<Long> schoolRef(long workspace) {
		return jdbc.sql("SELECT school_ref FROM team_workspace WHERE id = ?")
			.param(workspace)
			.query((rs, i) -> (Long) rs.getObject(1, Long.class))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	/** The district's schools a facilitator can name. */
	public List<Schools.School> schoolsToName(Member member) {
		return schools.open(member.tenant().value());
	}

	/** The facilitator names the team's school (or none). */
	@Transactional
	public void nameSchool(Member member, long workspace, Long schoolId) {
		Workspace w = teams.require(member, workspace);
		requireFacilitator(member, workspace);
		if (schoolId != null && schools.find(w.getTenantId(), schoolId).filter(s -> !s.archived()).isEmpty()) {
			throw new TeamInputException("team.school.unknown");
		}
		jdbc.sql("UPDATE team_workspace SET school_ref = ? WHERE id = ?").params(schoolId, workspace).update();
	}

	/** A team on its member's home page: where its latest cycle is. */
	public record TeamAtHome(long workspace, String title, Integer cycleNumber, CycleStep stage) {
	}

	/** The teams the member is in, with where each one's latest cycle is (none for a principal or HR). */
	@Transactional(readOnly = true)
	public List<TeamAtHome> atHome(Member member) {
		List<Workspace> mine = teams.mine(member);
		if (mine.isEmpty()) {
			return List.of();
		}
		// the home page is where every launch lands: the latest cycle of each team, in a few queries whatever the number
		List<Long> latestIds = jdbc.sql("SELECT MAX(id) FROM team_cycle WHERE workspace IN ("
				+ mine.stream().map(w -> "?").collect(Collectors.joining(",")) + ") GROUP BY workspace")
			.params(mine.stream().map(Workspace::getId).toList())
			.query(Long.class)
			.list();
		Map<Long, Cycle> latest = new java.util.HashMap<>();
		cycles.findAllById(latestIds).forEach(c -> latest.put(c.getWorkspace(), c));
		Set<Long> withBaseline = baselined(latestIds);
		List<TeamAtHome> teamsHere = new ArrayList<>();
		for (Workspace w : mine) {
			Cycle c = latest.get(w.getId());
			teamsHere.add(new TeamAtHome(w.getId(), w.getTitle(), c == null ? null : c.getNumber(),
					c == null ? null : c.stage(withBaseline.contains(c.getId()))));
		}
		return teamsHere;
	}

	// --- what a principal sees -------------------------------------------------------------------

	/** A team as its principal sees it: no names, no notes. */
	public record TeamAtSchool(long workspace, String title, int members, Integer cycleNumber, CycleStep stage,
			long met, long notMet, List<SharedCycle> shared) {
	}

	/** A cycle summary the team shared. */
	public record SharedCycle(long id, int number, boolean goalMet) {
	}

	public record SchoolOverview(List<Schools.School> schools, Optional<Schools.School> school, List<TeamAtSchool> teams,
			int teamsWithoutSchool) {
	}

	private static void requirePrincipal(Member member) {
		if (!member.hasRole(CoachroomRole.PRINCIPAL)) {
			throw new WorkspaceNotFoundException(0);
		}
	}

	/** For a principal: the school's teams, the stage of each one's latest cycle, and its goals met and not met. */
	@Transactional(readOnly = true)
	public SchoolOverview school(Member principal, Long schoolId) {
		requirePrincipal(principal);
		long tenant = principal.tenant().value();
		List<Schools.School> all = schools.all(tenant);
		int unnamed = jdbc.sql("SELECT COUNT(*) FROM team_workspace WHERE tenant_id = ? AND school_ref IS NULL")
			.param(tenant)
			.query(Integer.class)
			.single();
		Optional<Schools.School> school = schoolId == null ? Optional.empty()
				: all.stream().filter(s -> s.id() == schoolId).findFirst();
		if (school.isEmpty()) {
			return new SchoolOverview(all, school, List.of(), unnamed);
		}
		record Team(long id, String title, int members) {
		}
		List<Team> found = jdbc.sql("""
				SELECT w.id, w.title, (SELECT COUNT(*) FROM team_member m WHERE m.workspace = w.id)
				FROM team_workspace w WHERE w.tenant_id = ? AND w.school_ref = ? ORDER BY w.title""")
			.params(tenant, schoolId)
			.query((rs, i) -> new Team(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.list();
		List<TeamAtSchool> teamsHere = new ArrayList<>();
		for (Team team : found) {
			List<Cycle> all2 = cycles.findByWorkspaceOrderByNumberDesc(team.id());
			Set<Long> withBaseline = baselined(all2.stream().map(Cycle::getId).toList());
			Cycle latest = all2.isEmpty() ? null : all2.get(0);
			teamsHere.add(new TeamAtSchool(team.id(), team.title(), team.members(),
					latest == null ? null : latest.getNumber(),
					latest == null ? null : latest.stage(withBaseline.contains(latest.getId())),
					all2.stream().filter(c -> Boolean.TRUE.equals(c.getGoalMet())).count(),
					all2.stream().filter(c -> Boolean.FALSE.equals(c.getGoalMet())).count(),
					all2.stream().filter(Cycle::isShared).map(c -> new SharedCycle(c.getId(), c.getNumber(), Boolean.TRUE.equals(c.getGoalMet()))).toList()));
		}
		return new SchoolOverview(all, school, teamsHere, unnamed);
	}

	private Set<Long> baselined(List<Long> cycleIds) {
		if (cycleIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("SELECT DISTINCT cycle FROM team_cycle_result WHERE round = 'BASELINE' AND cycle IN ("
				+ cycleIds.stream().map(c -> "?").collect(Collectors.joining(",")) + ")")
			.params(new ArrayList<>(cycleIds))
			.query(Long.class)
			.list());
	}

	/**
	 * A cycle summary as the team shared it: the standard, the goal and the results with small classes
	 * folded into the team's total. No notes, no analysis, no reflection, no names.
	 */
	public record SharedSummary(String team, String school, int number, String standard, String goal,
			BigDecimal target, LocalDate goalBy, boolean goalMet, Instant closedAt, ProficiencyBands bands,
			List<Results.Row> baseline, List<Results.Row> reassessment) {
	}

	@Transactional(readOnly = true)
	public SharedSummary shared(Member principal, long cycleId) {
		requirePrincipal(principal);
		Cycle cycle = cycles.findById(cycleId).filter(Cycle::isShared).orElseThrow(() -> new WorkspaceNotFoundException(0));
		record Team(String title, Long school) {
		}
		Team team = jdbc.sql("SELECT title, school_ref FROM team_workspace WHERE id = ? AND tenant_id = ?")
			.params(cycle.getWorkspace(), principal.tenant().value())
			.query((rs, i) -> new Team(rs.getString(1), (Long) rs.getObject(2, Long.class)))
			.optional()
			.filter(t -> t.school() != null)
			.orElseThrow(() -> new WorkspaceNotFoundException(0));
		String school = schools.find(principal.tenant().value(), team.school()).map(Schools.School::name).orElse("");
		CycleResults.Rounds rounds = results.of(cycleId);
		ProficiencyBands bands = cycle.levels();
		return new SharedSummary(team.title(), school, cycle.getNumber(), cycle.getStandard(), cycle.getGoal(),
				cycle.getTargetPercent(), cycle.getGoalBy(), Boolean.TRUE.equals(cycle.getGoalMet()), cycle.getClosedAt(),
				bands, outside(bands, rounds.baseline()), outside(bands, rounds.reassessment()));
	}

	private static List<Results.Row> outside(ProficiencyBands bands, List<ClassResult> classes) {
		return classes.isEmpty() ? List.of() : new Results(bands, classes).outsideTheTeam();
	}
}
