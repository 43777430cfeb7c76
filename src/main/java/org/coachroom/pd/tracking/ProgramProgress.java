package org.coachroom.pd.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.catalog.Obligation;
import org.coachroom.pd.catalog.PdProfile;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Requirement;
import org.coachroom.pd.catalog.RequirementKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One person's progress in one program: what they recorded per requirement (by its code,
 * so an edited program keeps it) and the extensions HR granted. Recording checks the
 * requirement's rule.
 */
@Table("pd_progress")
public class ProgramProgress {

	@Id
	private Long id;

	private long tenantId;

	private long program;

	private long userRef;

	private Instant startedAt;

	@MappedCollection(idColumn = "progress", keyColumn = "requirement_code")
	private Map<String, RequirementState> states = new HashMap<>();

	@MappedCollection(idColumn = "progress", keyColumn = "position")
	private List<Extension> extensions = new ArrayList<>();

	@Version
	private Integer version;

	ProgramProgress() {
	}

	public static ProgramProgress start(Program program, long userRef, Instant now) {
		ProgramProgress progress = new ProgramProgress();
		progress.tenantId = program.getTenantId();
		progress.program = program.getId();
		progress.userRef = userRef;
		progress.startedAt = now;
		return progress;
	}

	public RequirementState stateOf(String requirementCode) {
		return states.getOrDefault(requirementCode, RequirementState.empty());
	}

	/**
	 * A score (percent) at a unit or assessment; the best is kept, attempts are counted
	 * and capped.
	 */
	public RequirementState recordScore(Requirement requirement, BigDecimal percent, LocalDate on, Instant now) {
		if (!requirement.scored()) {
			throw new RecordingRefusedException("pd.record.not-scored");
		}
		if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new RecordingRefusedException("pd.record.score-range");
		}
		RequirementState was = stateOf(requirement.code());
		if (requirement.attempts() > 0 && was.attemptsUsed() >= requirement.attempts()) {
			throw new RecordingRefusedException("pd.record.no-attempts-left");
		}
		BigDecimal best = was.bestScore() == null || percent.compareTo(was.bestScore()) > 0 ? percent : was.bestScore();
		return put(requirement,
				new RequirementState(best, was.attemptsUsed() + 1, was.hours(), on, was.evidence(), now));
	}

	/** Hours earned toward an hours requirement (a workshop day, a course's credits). */
	public RequirementState recordHours(Requirement requirement, BigDecimal hours, LocalDate on, Instant now) {
		if (requirement.kind() != RequirementKind.HOURS) {
			throw new RecordingRefusedException("pd.record.not-hours");
		}
		if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(1000)) > 0) {
			throw new RecordingRefusedException("pd.record.hours-range");
		}
		RequirementState was = stateOf(requirement.code());
		BigDecimal total = (was.hours() == null ? BigDecimal.ZERO : was.hours()).add(hours);
		return put(requirement,
				new RequirementState(was.bestScore(), was.attemptsUsed(), total, on, was.evidence(), now));
	}

	/**
	 * Hours that no longer count (the study group that earned them had its completion
	 * withdrawn).
	 */
	public RequirementState removeHours(Requirement requirement, BigDecimal hours, Instant now) {
		RequirementState was = stateOf(requirement.code());
		BigDecimal left = (was.hours() == null ? BigDecimal.ZERO : was.hours()).subtract(hours).max(BigDecimal.ZERO);
		return put(requirement,
				new RequirementState(was.bestScore(), was.attemptsUsed(), left, was.doneOn(), was.evidence(), now));
	}

	/**
	 * The person corrects what they recorded at a requirement: the best score (no attempt
	 * used), the hours so far, or the date it was done. Only something recorded can be
	 * corrected, and only while no evidence of it waits for or has passed verification:
	 * once a coach or HR verified it, only they change it.
	 */
	public RequirementState correct(Requirement requirement, BigDecimal amount, LocalDate on, Instant now) {
		RequirementState was = stateOf(requirement.code());
		if (was.evidence() == EvidenceState.VERIFIED) {
			throw new RecordingRefusedException("pd.correct.verified");
		}
		if (was.evidence() == EvidenceState.SUBMITTED) {
			throw new RecordingRefusedException("pd.correct.waiting");
		}
		return corrected(requirement, was, amount, on, now);
	}

	/**
	 * HR (or a district admin) corrects an entry whose evidence was verified: the same
	 * values and limits as the person's own correction; the evidence stays verified.
	 */
	public RequirementState correctVerified(Requirement requirement, BigDecimal amount, LocalDate on, Instant now) {
		RequirementState was = stateOf(requirement.code());
		if (was.evidence() != EvidenceState.VERIFIED) {
			throw new RecordingRefusedException("pd.hr-correct.not-verified");
		}
		return corrected(requirement, was, amount, on, now);
	}

	private RequirementState corrected(Requirement requirement, RequirementState was, BigDecimal amount, LocalDate on,
			Instant now) {
		if (requirement.scored()) {
			if (was.bestScore() == null) {
				throw new RecordingRefusedException("pd.correct.nothing");
			}
			if (amount == null || amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(100)) > 0) {
				throw new RecordingRefusedException("pd.record.score-range");
			}
			return put(requirement,
					new RequirementState(amount, was.attemptsUsed(), was.hours(), on, was.evidence(), now));
		}
		if (requirement.kind() == RequirementKind.HOURS) {
			if (was.hours() == null || was.hours().signum() <= 0) {
				throw new RecordingRefusedException("pd.correct.nothing");
			}
			if (amount == null || amount.signum() < 0 || amount.compareTo(requirement.hours()) > 0) {
				throw new RecordingRefusedException("pd.correct.hours-range",
						requirement.hours().stripTrailingZeros().toPlainString(), requirement.hoursUnit());
			}
			return put(requirement,
					new RequirementState(was.bestScore(), was.attemptsUsed(), amount, on, was.evidence(), now));
		}
		if (requirement.kind() == RequirementKind.COURSE || requirement.kind() == RequirementKind.OBSERVATION) {
			if (was.doneOn() == null) {
				throw new RecordingRefusedException("pd.correct.nothing");
			}
			if (on == null) {
				throw new RecordingRefusedException("pd.record.date-required");
			}
			return put(requirement,
					new RequirementState(was.bestScore(), was.attemptsUsed(), was.hours(), on, was.evidence(), now));
		}
		throw new RecordingRefusedException("pd.correct.nothing");
	}

	/** A course taken or an observation held, on a date. */
	public RequirementState recordDone(Requirement requirement, LocalDate on, Instant now) {
		if (requirement.kind() != RequirementKind.COURSE && requirement.kind() != RequirementKind.OBSERVATION) {
			throw new RecordingRefusedException("pd.record.not-done-kind");
		}
		if (on == null) {
			throw new RecordingRefusedException("pd.record.date-required");
		}
		RequirementState was = stateOf(requirement.code());
		return put(requirement,
				new RequirementState(was.bestScore(), was.attemptsUsed(), was.hours(), on, was.evidence(), now));
	}

	/**
	 * Evidence moves on: submitted by the person, verified or returned by a coach or HR.
	 */
	public RequirementState evidence(Requirement requirement, EvidenceState evidence, Instant now) {
		RequirementState was = stateOf(requirement.code());
		return put(requirement,
				new RequirementState(was.bestScore(), was.attemptsUsed(), was.hours(), was.doneOn(), evidence, now));
	}

	/** HR moves the due date, with a reason; the latest extension counts. */
	public void extend(Extension extension) {
		extensions.add(extension);
	}

	private RequirementState put(Requirement requirement, RequirementState state) {
		states.put(requirement.code(), state);
		return state;
	}

	/**
	 * The due date: the latest extension's, else the program's rule for this person's
	 * role start.
	 */
	public Optional<LocalDate> dueOn(Program definition, LocalDate roleStart) {
		if (!extensions.isEmpty()) {
			return Optional.of(extensions.get(extensions.size() - 1).dueOn());
		}
		return definition.getDeadline().dueFor(roleStart);
	}

	/** How the person stands with the program as it is defined now. */
	public static ProgramStatus evaluate(Program definition, ProgramProgress progress, PdProfile person,
			Obligation obligation, LocalDate today, Period dueSoon) {
		List<RequirementStatus> rows = new ArrayList<>();
		for (Requirement r : definition.getRequirements()) {
			rows.add(RequirementStatus.of(r, progress == null ? RequirementState.empty() : progress.stateOf(r.code())));
		}
		// only a required program has a deadline to miss: recommended (optional) PD is
		// never overdue or due soon,
		// so it keeps no due date in the standing, HR's tallies or the CSV
		Optional<LocalDate> due = obligation != Obligation.REQUIRED ? Optional.<LocalDate>empty()
				: progress == null ? definition.getDeadline().dueFor(person.roleStartedOn())
						: progress.dueOn(definition, person.roleStartedOn());
		boolean complete = rows.stream().allMatch(RequirementStatus::met);
		boolean started = rows.stream().anyMatch(s -> s.progress() != RequirementStatus.Progress.NOT_STARTED);
		return new ProgramStatus(definition, obligation, rows, due.orElse(null),
				Standing.of(complete, started, due, today, dueSoon),
				progress == null ? List.of() : progress.getExtensions());
	}

	public Long getId() {
		return id;
	}

	public long getProgram() {
		return program;
	}

	public long getUserRef() {
		return userRef;
	}

	public List<Extension> getExtensions() {
		return List.copyOf(extensions);
	}

}
