package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.team.workspace.TeamAccess;
import org.coachroom.team.workspace.TeamInputException;
import org.coachroom.team.workspace.WorkspaceQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone of the team starts a learning cycle and walks its five steps, entering results
 * per class. Refused input is a {@link CycleFormException} naming each field, and nothing
 * of it is saved.
 */
@Service
public class CycleEditing {

	private static final Logger log = LoggerFactory.getLogger(CycleEditing.class);

	/** Classes a team enters results for, at most. */
	static final int MOST_CLASSES = 30;

	private final TeamAccess access;

	private final WorkspaceQueries workspaces;

	private final Cycles cycles;

	private final EditableCycles editable;

	private final CycleResultQueries results;

	private final Clock clock;

	CycleEditing(TeamAccess access, WorkspaceQueries workspaces, Cycles cycles, EditableCycles editable,
			CycleResultQueries results, Clock clock) {
		this.access = access;
		this.workspaces = workspaces;
		this.cycles = cycles;
		this.editable = editable;
		this.results = results;
		this.clock = clock;
	}

	/**
	 * Someone of the team starts a cycle; while one is open, that one is where the team
	 * works (one at a time). The new cycle keeps the levels of the last one.
	 */
	@Transactional
	public Cycle start(Member member, long workspace) {
		access.require(member, workspace);
		// two of the team starting at once: the second waits here, then finds the first
		// one's cycle
		workspaces.lock(workspace);
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
		Cycle cycle = editable.current(member, workspace, cycleId, version);
		Map<String, String> errors = new LinkedHashMap<>();
		String clean = text(standard, "standard", true, errors);
		if (clean != null && !clean.toLowerCase(Locale.ROOT).startsWith("students will")) {
			errors.put("standard", "team.cycle.standard.form");
		}
		throwIfAny(errors);
		cycle.writeStandard(clean, member.userId(), clock.instant());
		editable.save(cycle);
	}

	/**
	 * Step 2: the common assessment and its levels. Once results are in, the number of
	 * levels cannot change (their counts would no longer fit); names and the proficient
	 * level can.
	 */
	@Transactional
	public void saveAssessment(Member member, long workspace, long cycleId, Integer version, String description,
			LocalDate on, ProficiencyBands bands) {
		Cycle cycle = editable.current(member, workspace, cycleId, version);
		Map<String, String> errors = new LinkedHashMap<>();
		String clean = text(description, "assessment", true, errors);
		if (on == null) {
			errors.put("assessedOn", "team.cycle.assessedOn.missing");
		}
		CycleResultQueries.Rounds rounds = results.of(cycleId);
		boolean entered = !rounds.baseline().isEmpty() || !rounds.reassessment().isEmpty();
		if (entered && bands.size() != cycle.levels().size()) {
			errors.put("bands", "team.bands.results-entered");
		}
		throwIfAny(errors);
		cycle.describeAssessment(clean, on, bands, member.userId(), clock.instant());
		editable.save(cycle);
	}

	/**
	 * The results of a round, every class at once: all of them are kept, or (refused)
	 * none.
	 */
	@Transactional
	public void saveResults(Member member, long workspace, long cycleId, Integer version,
			CycleResultQueries.Round round, List<ClassResult> classes) {
		Cycle cycle = editable.current(member, workspace, cycleId, version);
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
		if (round == CycleResultQueries.Round.REASSESSMENT && cycle.smartGoal().isEmpty()) {
			throw CycleFormException.of("classes", "team.results.goal-first");
		}
		cycle.resultsChanged(member.userId(), clock.instant());
		editable.save(cycle);
		results.replace(cycleId, round, classes);
	}

	/**
	 * Step 3: strengths and obstacles the results show, and the SMART goal measured from
	 * the baseline.
	 */
	@Transactional
	public void saveGoal(Member member, long workspace, long cycleId, Integer version, String strengths,
			String obstacles, String statement, BigDecimal target, LocalDate by) {
		Cycle cycle = editable.current(member, workspace, cycleId, version);
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
		editable.save(cycle);
	}

	/** Step 4: instruction, intervention, extension, and who does what. */
	@Transactional
	public void saveResponse(Member member, long workspace, long cycleId, Integer version, String strategies,
			String intervention, String extension, String responsibilities) {
		Cycle cycle = editable.current(member, workspace, cycleId, version);
		Map<String, String> errors = new LinkedHashMap<>();
		String s = text(strategies, "strategies", true, errors);
		String i = text(intervention, "intervention", false, errors);
		String e = text(extension, "extension", false, errors);
		String r = text(responsibilities, "responsibilities", false, errors);
		throwIfAny(errors);
		cycle.planResponse(s, i, e, r, member.userId(), clock.instant());
		editable.save(cycle);
	}

	/**
	 * Step 5: when the team re-assessed, its reflection, and what carries into the next
	 * cycle.
	 */
	@Transactional
	public void saveAdjust(Member member, long workspace, long cycleId, Integer version, LocalDate reassessedOn,
			String reflection, String carryForward) {
		Cycle cycle = editable.current(member, workspace, cycleId, version);
		Map<String, String> errors = new LinkedHashMap<>();
		String r = text(reflection, "reflection", false, errors);
		String c = text(carryForward, "carryForward", false, errors);
		if (reassessedOn != null && cycle.getAssessedOn() != null && reassessedOn.isBefore(cycle.getAssessedOn())) {
			errors.put("reassessedOn", "team.cycle.reassessedOn.order");
		}
		throwIfAny(errors);
		cycle.adjust(reassessedOn, r, c, member.userId(), clock.instant());
		editable.save(cycle);
	}

}
