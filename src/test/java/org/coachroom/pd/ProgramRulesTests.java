package org.coachroom.pd;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.coachroom.pd.catalog.AssignmentRule;
import org.coachroom.pd.catalog.Audience;
import org.coachroom.pd.catalog.DeadlineRule;
import org.coachroom.pd.catalog.Obligation;
import org.coachroom.pd.catalog.PdProfile;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Requirement;
import org.coachroom.pd.catalog.RequirementKind;
import org.coachroom.pd.tracking.EvidenceState;
import org.coachroom.pd.tracking.Extension;
import org.coachroom.pd.tracking.ProgramProgress;
import org.coachroom.pd.tracking.ProgramStatus;
import org.coachroom.pd.tracking.RequirementStatus;
import org.coachroom.pd.tracking.Standing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of programs, plain: deadlines, extensions, Mastery and Completion, attempts,
 * assignment, edits.
 */
class ProgramRulesTests {

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	static final LocalDate TODAY = LocalDate.parse("2026-11-23");

	static final Period WINDOW = Period.ofDays(30);

	static Requirement unit(String code) {
		return new Requirement(code, "Unit " + code, "Volume 1", RequirementKind.UNIT, new BigDecimal("80"), 2, null,
				null, false);
	}

	static Requirement hours(String code, String h) {
		return new Requirement(code, "Face-to-face days", null, RequirementKind.HOURS, null, 0, new BigDecimal(h),
				"clock hours", false);
	}

	static Program program(DeadlineRule deadline, Requirement... requirements) {
		Program p = Program.define(1,
				new Program.Definition("letrs", "LETRS", null, deadline, List.of(requirements),
						List.of(new AssignmentRule(Obligation.REQUIRED, Audience.COACH, SchoolLevel.ELEMENTARY, null))),
				"1", NOW);
		return withId(p);
	}

	static Program withId(Program p) {
		try {
			var id = Program.class.getDeclaredField("id");
			id.setAccessible(true);
			id.set(p, 7L);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
		return p;
	}

	static final PdProfile COACH = new PdProfile(Audience.COACH, SchoolLevel.ELEMENTARY, LocalDate.parse("2024-08-01"));

	@Test
	void aDeadlineYearsAfterTheRoleStartFallsOnTheSameDayThatManyYearsLater() {
		assertThat(DeadlineRule.yearsAfterRoleStart(3).dueFor(LocalDate.parse("2024-08-01")))
			.contains(LocalDate.parse("2027-08-01"));
	}

	@Test
	void aRoleStartedOnALeapDayIsDueOnTheLastDayOfFebruary() {
		assertThat(DeadlineRule.yearsAfterRoleStart(3).dueFor(LocalDate.parse("2024-02-29")))
			.contains(LocalDate.parse("2027-02-28"));
		assertThat(DeadlineRule.yearsAfterRoleStart(4).dueFor(LocalDate.parse("2024-02-29")))
			.contains(LocalDate.parse("2028-02-29"));
	}

	@Test
	void withoutAKnownRoleStartARelativeDeadlineIsUnknownNotOverdue() {
		Program p = program(DeadlineRule.yearsAfterRoleStart(3), unit("u1"));
		PdProfile unknownStart = new PdProfile(Audience.COACH, SchoolLevel.ELEMENTARY, null);
		ProgramStatus status = ProgramProgress.evaluate(p, null, unknownStart, Obligation.REQUIRED, TODAY, WINDOW);
		assertThat(status.dueOn()).isNull();
		assertThat(status.standing()).isEqualTo(Standing.NOT_STARTED);
	}

	@Test
	void aChangedRoleStartMovesTheDueDate() {
		Program p = program(DeadlineRule.yearsAfterRoleStart(3), unit("u1"));
		PdProfile earlier = new PdProfile(Audience.COACH, SchoolLevel.ELEMENTARY, LocalDate.parse("2024-01-01"));
		assertThat(ProgramProgress.evaluate(p, null, earlier, Obligation.REQUIRED, TODAY, WINDOW).standing())
			.isEqualTo(Standing.NOT_STARTED);
		PdProfile muchEarlier = new PdProfile(Audience.COACH, SchoolLevel.ELEMENTARY, LocalDate.parse("2023-01-01"));
		assertThat(ProgramProgress.evaluate(p, null, muchEarlier, Obligation.REQUIRED, TODAY, WINDOW).standing())
			.isEqualTo(Standing.OVERDUE);
	}

	@Test
	void theLatestExtensionSetsTheDueDate() {
		Program p = program(DeadlineRule.on(LocalDate.parse("2026-11-01")), unit("u1"));
		ProgramProgress progress = ProgramProgress.start(p, 3, NOW);
		assertThat(ProgramProgress.evaluate(p, progress, COACH, Obligation.REQUIRED, TODAY, WINDOW).standing())
			.isEqualTo(Standing.OVERDUE);
		progress.extend(new Extension(LocalDate.parse("2026-12-10"), "Medical leave", 9, NOW));
		ProgramStatus extended = ProgramProgress.evaluate(p, progress, COACH, Obligation.REQUIRED, TODAY, WINDOW);
		assertThat(extended.dueOn()).isEqualTo(LocalDate.parse("2026-12-10"));
		assertThat(extended.standing()).isEqualTo(Standing.DUE_SOON);
		progress.extend(new Extension(LocalDate.parse("2027-06-30"), "Summer session", 9, NOW));
		assertThat(ProgramProgress.evaluate(p, progress, COACH, Obligation.REQUIRED, TODAY, WINDOW).standing())
			.isEqualTo(Standing.NOT_STARTED);
	}

	@Test
	void anExtensionNeedsAReason() {
		assertThatThrownBy(() -> new Extension(LocalDate.parse("2027-01-01"), " ", 9, NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void dueSoonStartsWhenTheDueDateIsWithinTheWindowAndIncludesTheDueDayItself() {
		assertThat(Standing.of(false, true, Optional.of(TODAY.plusDays(30)), TODAY, WINDOW))
			.isEqualTo(Standing.DUE_SOON);
		assertThat(Standing.of(false, true, Optional.of(TODAY.plusDays(31)), TODAY, WINDOW))
			.isEqualTo(Standing.ON_TRACK);
		assertThat(Standing.of(false, true, Optional.of(TODAY), TODAY, WINDOW)).isEqualTo(Standing.DUE_SOON);
		assertThat(Standing.of(false, true, Optional.of(TODAY.minusDays(1)), TODAY, WINDOW))
			.isEqualTo(Standing.OVERDUE);
		assertThat(Standing.of(true, true, Optional.of(TODAY.minusDays(1)), TODAY, WINDOW))
			.isEqualTo(Standing.COMPLETE);
	}

	@Test
	void aUnitAtOrAboveEightyPercentEarnsMasteryAndBelowEarnsCompletionBothCounting() {
		Program p = program(DeadlineRule.none(), unit("u1"), unit("u2"));
		ProgramProgress progress = ProgramProgress.start(p, 3, NOW);
		progress.recordScore(p.requirement("u1").orElseThrow(), new BigDecimal("80"), TODAY, NOW);
		progress.recordScore(p.requirement("u2").orElseThrow(), new BigDecimal("79.9"), TODAY, NOW);
		ProgramStatus status = ProgramProgress.evaluate(p, progress, COACH, Obligation.REQUIRED, TODAY, WINDOW);
		assertThat(status.requirements()).extracting(RequirementStatus::unitResult)
			.containsExactly(RequirementStatus.UnitResult.MASTERY, RequirementStatus.UnitResult.COMPLETION);
		assertThat(status.standing()).isEqualTo(Standing.COMPLETE);
	}

	@Test
	void theBestOfTwoAttemptsIsKeptAndAThirdIsRefused() {
		Program p = program(DeadlineRule.none(), unit("u1"));
		Requirement u1 = p.requirement("u1").orElseThrow();
		ProgramProgress progress = ProgramProgress.start(p, 3, NOW);
		progress.recordScore(u1, new BigDecimal("90"), TODAY, NOW);
		progress.recordScore(u1, new BigDecimal("70"), TODAY, NOW);
		assertThat(progress.stateOf("u1").bestScore()).isEqualByComparingTo("90");
		assertThatThrownBy(() -> progress.recordScore(u1, new BigDecimal("95"), TODAY, NOW))
			.isInstanceOf(RecordingRefusedException.class)
			.hasMessage("pd.record.no-attempts-left");
		assertThat(ProgramProgress.evaluate(p, progress, COACH, Obligation.REQUIRED, TODAY, WINDOW)
			.requirements()
			.get(0)
			.attemptsLeft()).isZero();
	}

	@Test
	void aScoreOutsideZeroToAHundredIsRefused() {
		Program p = program(DeadlineRule.none(), unit("u1"));
		ProgramProgress progress = ProgramProgress.start(p, 3, NOW);
		assertThatThrownBy(
				() -> progress.recordScore(p.requirement("u1").orElseThrow(), new BigDecimal("101"), TODAY, NOW))
			.isInstanceOf(RecordingRefusedException.class);
		assertThat(progress.stateOf("u1").attemptsUsed()).isZero();
	}

	@Test
	void anAssessmentWithAThresholdIsMetOnlyAtOrAboveIt() {
		Requirement test = new Requirement("post", "Posttest", null, RequirementKind.ASSESSMENT, new BigDecimal("70"),
				0, null, null, false);
		Program p = program(DeadlineRule.none(), test);
		ProgramProgress progress = ProgramProgress.start(p, 3, NOW);
		progress.recordScore(test, new BigDecimal("69"), TODAY, NOW);
		assertThat(RequirementStatus.of(test, progress.stateOf("post")).progress())
			.isEqualTo(RequirementStatus.Progress.IN_PROGRESS);
		progress.recordScore(test, new BigDecimal("70"), TODAY, NOW);
		assertThat(RequirementStatus.of(test, progress.stateOf("post")).met()).isTrue();
	}

	@Test
	void hoursAddUpUntilTheTargetIsReached() {
		Program p = program(DeadlineRule.none(), hours("f2f", "12"));
		Requirement f2f = p.requirement("f2f").orElseThrow();
		ProgramProgress progress = ProgramProgress.start(p, 3, NOW);
		progress.recordHours(f2f, new BigDecimal("6"), TODAY, NOW);
		assertThat(RequirementStatus.of(f2f, progress.stateOf("f2f")).met()).isFalse();
		progress.recordHours(f2f, new BigDecimal("6"), TODAY, NOW);
		assertThat(RequirementStatus.of(f2f, progress.stateOf("f2f")).met()).isTrue();
	}

	@Test
	void aRequirementNeedingEvidenceIsMetOnlyOnceItIsVerified() {
		Requirement course = new Requirement("c1", "Foundations of Instructional Coaching", null,
				RequirementKind.COURSE, null, 0, null, null, true);
		Program p = program(DeadlineRule.none(), course);
		ProgramProgress progress = ProgramProgress.start(p, 3, NOW);
		progress.recordDone(course, TODAY, NOW);
		assertThat(RequirementStatus.of(course, progress.stateOf("c1")).progress())
			.isEqualTo(RequirementStatus.Progress.IN_PROGRESS);
		progress.evidence(course, EvidenceState.SUBMITTED, NOW);
		assertThat(RequirementStatus.of(course, progress.stateOf("c1")).progress())
			.isEqualTo(RequirementStatus.Progress.AWAITING_VERIFICATION);
		progress.evidence(course, EvidenceState.VERIFIED, NOW);
		assertThat(RequirementStatus.of(course, progress.stateOf("c1")).met()).isTrue();
	}

	@Test
	void editingAProgramKeepsProgressByRequirementCode() {
		Program p = program(DeadlineRule.none(), unit("u1"), unit("u2"));
		ProgramProgress progress = ProgramProgress.start(p, 3, NOW);
		progress.recordScore(p.requirement("u1").orElseThrow(), new BigDecimal("85"), TODAY, NOW);
		// u2 renamed and re-ordered, u3 added: u1's score stays, u3 starts empty
		p.redefine(
				new Program.Definition("letrs", "LETRS (3rd ed.)", null, DeadlineRule.none(),
						List.of(unit("u3"),
								new Requirement("u2", "Unit 2, revised", "Volume 1", RequirementKind.UNIT,
										new BigDecimal("80"), 2, null, null, false),
								unit("u1")),
						p.getAssignments()),
				NOW);
		ProgramStatus status = ProgramProgress.evaluate(p, progress, COACH, Obligation.REQUIRED, TODAY, WINDOW);
		assertThat(status.requirements()).extracting(s -> s.requirement().code() + ":" + s.progress())
			.containsExactly("u3:NOT_STARTED", "u2:NOT_STARTED", "u1:MET");
		assertThat(status.percent()).isEqualTo(33);
	}

	@Test
	void assignmentRulesMatchAudienceSchoolLevelAndFirstYearsInTheRole() {
		AssignmentRule letrs = new AssignmentRule(Obligation.REQUIRED, Audience.COACH, SchoolLevel.ELEMENTARY, null);
		assertThat(letrs.appliesTo(COACH, TODAY)).isTrue();
		assertThat(letrs.appliesTo(new PdProfile(Audience.COACH, SchoolLevel.SECONDARY, null), TODAY)).isFalse();
		assertThat(letrs.appliesTo(new PdProfile(Audience.TEACHER, SchoolLevel.ELEMENTARY, null), TODAY)).isFalse();

		AssignmentRule induction = new AssignmentRule(Obligation.REQUIRED, Audience.TEACHER, SchoolLevel.ANY, 3);
		LocalDate start = LocalDate.parse("2023-11-24");
		PdProfile newTeacher = new PdProfile(Audience.TEACHER, SchoolLevel.SECONDARY, start);
		assertThat(induction.appliesTo(newTeacher, TODAY)).as("last day of year 3").isTrue();
		assertThat(induction.appliesTo(newTeacher, TODAY.plusDays(1))).as("year 4").isFalse();
		assertThat(induction.appliesTo(new PdProfile(Audience.TEACHER, SchoolLevel.ANY, null), TODAY))
			.as("start unknown")
			.isFalse();
	}

	@Test
	void requiredWinsOverRecommendedWhenBothRulesApply() {
		Program p = withId(Program.define(1, new Program.Definition("esl", "ESL", null, null, List.of(hours("h", "18")),
				List.of(new AssignmentRule(Obligation.RECOMMENDED, Audience.TEACHER, SchoolLevel.ANY, null),
						new AssignmentRule(Obligation.REQUIRED, Audience.TEACHER, SchoolLevel.SECONDARY, null))),
				"1", NOW));
		assertThat(p.obligationFor(new PdProfile(Audience.TEACHER, SchoolLevel.SECONDARY, null), TODAY))
			.contains(Obligation.REQUIRED);
		assertThat(p.obligationFor(new PdProfile(Audience.TEACHER, SchoolLevel.ELEMENTARY, null), TODAY))
			.contains(Obligation.RECOMMENDED);
		assertThat(p.obligationFor(new PdProfile(Audience.COACH, SchoolLevel.ELEMENTARY, null), TODAY)).isEmpty();
	}

	@Test
	void aProgramRefusesTwoRequirementsWithOneCode() {
		assertThatThrownBy(
				() -> new Program.Definition("x", "X", null, null, List.of(unit("u1"), unit("u1")), List.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
