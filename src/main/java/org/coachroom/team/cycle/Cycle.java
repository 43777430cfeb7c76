package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.coachroom.team.CycleStep;
import org.coachroom.team.workspace.EditConflictException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

// Over 300 lines: an aggregate of some thirty columns, each read by the pages through its getter; its rules are a third of it.
/**
 * A team's learning cycle: the essential standard, the common assessment and its levels,
 * the analysis and SMART goal, the team's response, and the adjust step that closes it
 * with whether the goal was met. Its results per class are kept beside it
 * ({@link CycleResultQueries}); a closed cycle is a record and changes no more.
 */
@Table("team_cycle")
public class Cycle {

	/** A step's texts are a few pages at most. */
	static final int LONGEST_TEXT = 10_000;

	@Id
	private Long id;

	private long workspace;

	private int number;

	private String standard;

	private String assessment;

	private LocalDate assessedOn;

	/** The levels' names, lowest first, one per line. */
	private String bands;

	private Integer proficientFrom;

	private String strengths;

	private String obstacles;

	private String goal;

	private BigDecimal targetPercent;

	private LocalDate goalBy;

	private String strategies;

	private String intervention;

	private String extension;

	private String responsibilities;

	private LocalDate reassessedOn;

	private String reflection;

	private String carryForward;

	private Instant closedAt;

	private Long closedBy;

	private Boolean goalMet;

	private Instant sharedAt;

	private Long sharedBy;

	private boolean classNamesShared;

	private long createdBy;

	private Instant createdAt;

	private long updatedBy;

	private Instant updatedAt;

	@Version
	private Integer version;

	Cycle() {
	}

	/** A new cycle starts with the levels the team used last time (or the usual four). */
	static Cycle start(long workspace, int number, ProficiencyBands levels, long by, Instant now) {
		Cycle cycle = new Cycle();
		cycle.workspace = workspace;
		cycle.number = number;
		cycle.useBands(levels);
		cycle.createdBy = by;
		cycle.createdAt = now;
		cycle.touch(by, now);
		return cycle;
	}

	private void touch(long by, Instant now) {
		updatedBy = by;
		updatedAt = now;
	}

	private void requireOpen() {
		if (isClosed()) {
			throw new EditConflictException("Cycle " + id, "team.cycle.closed");
		}
	}

	/** Step 1: what students should learn, as "Students will ...". */
	void writeStandard(String text, long by, Instant now) {
		requireOpen();
		standard = text;
		touch(by, now);
	}

	/**
	 * Step 2: the common assessment, when it is given, and the levels its results are
	 * sorted into.
	 */
	void describeAssessment(String description, LocalDate on, ProficiencyBands levels, long by, Instant now) {
		requireOpen();
		assessment = description;
		assessedOn = on;
		useBands(levels);
		touch(by, now);
	}

	private void useBands(ProficiencyBands levels) {
		bands = String.join("\n", levels.names());
		proficientFrom = levels.proficientFrom();
	}

	/**
	 * Results were entered or changed: the cycle's version moves, so two people entering
	 * at once do not both win.
	 */
	void resultsChanged(long by, Instant now) {
		requireOpen();
		touch(by, now);
	}

	/** Step 3: what the results show, and the SMART goal. */
	void setGoal(String strengths, String obstacles, String statement, SmartGoal smart, long by, Instant now) {
		requireOpen();
		this.strengths = strengths;
		this.obstacles = obstacles;
		this.goal = statement;
		this.targetPercent = smart.targetPercent();
		this.goalBy = smart.by();
		touch(by, now);
	}

	/**
	 * Step 4: how the team teaches it, and what it does for those who don't learn it and
	 * those who already know it.
	 */
	void planResponse(String strategies, String intervention, String extension, String responsibilities, long by,
			Instant now) {
		requireOpen();
		this.strategies = strategies;
		this.intervention = intervention;
		this.extension = extension;
		this.responsibilities = responsibilities;
		touch(by, now);
	}

	/**
	 * Step 5: when the team re-assessed, what it learned, and what carries into the next
	 * cycle.
	 */
	void adjust(LocalDate reassessedOn, String reflection, String carryForward, long by, Instant now) {
		requireOpen();
		this.reassessedOn = reassessedOn;
		this.reflection = reflection;
		this.carryForward = carryForward;
		touch(by, now);
	}

	/**
	 * Closing records whether the re-assessment met the goal; the cycle is a record from
	 * then on.
	 */
	void close(boolean met, long by, Instant now) {
		requireOpen();
		goalMet = met;
		closedAt = now;
		closedBy = by;
		touch(by, now);
	}

	/**
	 * The team shares the cycle's summary (goal and results, no notes) with its
	 * principal, or stops sharing it.
	 */
	void shareWithPrincipal(boolean share, boolean classNames, long by, Instant now) {
		sharedAt = share ? now : null;
		sharedBy = share ? by : null;
		classNamesShared = share && classNames;
		touch(by, now);
	}

	public ProficiencyBands levels() {
		return new ProficiencyBands(Arrays.asList(bands.split("\n", -1)), proficientFrom);
	}

	/** The SMART goal, once set: the re-assessment is measured against its target. */
	public Optional<SmartGoal> smartGoal() {
		return targetPercent == null || goalBy == null ? Optional.empty()
				: Optional.of(new SmartGoal(null, targetPercent, goalBy));
	}

	public boolean isClosed() {
		return closedAt != null;
	}

	public boolean isShared() {
		return sharedAt != null;
	}

	/**
	 * Whether the team chose, when sharing, to show its class names to the principal
	 * (else Class A, B, C).
	 */
	public boolean isClassNamesShared() {
		return classNamesShared;
	}

	/** Where the team is: the first step not yet done, or CLOSED. */
	public CycleStep stage(boolean hasBaseline) {
		if (isClosed()) {
			return CycleStep.CLOSED;
		}
		if (blank(standard)) {
			return CycleStep.LEARN;
		}
		if (blank(assessment) || !hasBaseline) {
			return CycleStep.ASSESS;
		}
		if (blank(goal) || targetPercent == null) {
			return CycleStep.GOAL;
		}
		if (blank(strategies)) {
			return CycleStep.RESPOND;
		}
		return CycleStep.ADJUST;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** The steps done so far, for the stepper. */
	public List<CycleStep> done(boolean hasBaseline) {
		CycleStep stage = stage(hasBaseline);
		return CycleStep.walked().stream().filter(s -> s.ordinal() < stage.ordinal()).toList();
	}

	public Long getId() {
		return id;
	}

	public long getWorkspace() {
		return workspace;
	}

	public int getNumber() {
		return number;
	}

	public String getStandard() {
		return standard;
	}

	public String getAssessment() {
		return assessment;
	}

	public LocalDate getAssessedOn() {
		return assessedOn;
	}

	public String getStrengths() {
		return strengths;
	}

	public String getObstacles() {
		return obstacles;
	}

	public String getGoal() {
		return goal;
	}

	public BigDecimal getTargetPercent() {
		return targetPercent;
	}

	public LocalDate getGoalBy() {
		return goalBy;
	}

	public String getStrategies() {
		return strategies;
	}

	public String getIntervention() {
		return intervention;
	}

	public String getExtension() {
		return extension;
	}

	public String getResponsibilities() {
		return responsibilities;
	}

	public LocalDate getReassessedOn() {
		return reassessedOn;
	}

	public String getReflection() {
		return reflection;
	}

	public String getCarryForward() {
		return carryForward;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public Boolean getGoalMet() {
		return goalMet;
	}

	public Instant getSharedAt() {
		return sharedAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public long getUpdatedBy() {
		return updatedBy;
	}

	public Integer getVersion() {
		return version;
	}

}
