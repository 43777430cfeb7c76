package org.coachroom.pd.tracking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.catalog.Requirement;
import org.coachroom.pd.catalog.RequirementKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person records their own progress at a requirement (a score, hours, a date done).
 * Every change is written to the audit trail with who, what, when, before and after.
 */
@Service
public class ProgressRecording {

	private final Programs programs;

	private final ProgressRecords progress;

	private final Profiles profiles;

	private final AuditTrail audit;

	private final Standings standings;

	private final Clock clock;

	private final PdCalendar calendar;

	ProgressRecording(Programs programs, ProgressRecords progress, Profiles profiles, AuditTrail audit,
			Standings standings, Clock clock, PdCalendar calendar) {
		this.programs = programs;
		this.progress = progress;
		this.profiles = profiles;
		this.audit = audit;
		this.standings = standings;
		this.clock = clock;
		this.calendar = calendar;
	}

	/** What a person records of their own progress at one requirement. */
	public sealed interface Entry permits Score, Hours, Done {

	}

	public record Score(BigDecimal percent, LocalDate on) implements Entry {
	}

	public record Hours(BigDecimal hours, LocalDate on) implements Entry {
	}

	public record Done(LocalDate on) implements Entry {
	}

	@Transactional
	public void record(Member member, String code, String requirementCode, Entry entry) {
		profiles.profile(member).orElseThrow(() -> new ProgramNotFoundException(code));
		Program program = programs.findByTenantIdAndCode(member.tenant().value(), code)
			.filter(p -> !p.isArchived())
			.orElseThrow(() -> new ProgramNotFoundException(code));
		Requirement requirement = program.requirement(requirementCode)
			.orElseThrow(() -> new ProgramNotFoundException(code + "/" + requirementCode));
		LocalDate on = dateOf(entry);
		if (on != null && on.isAfter(calendar.today())) {
			throw new RecordingRefusedException("pd.record.date-in-future");
		}
		Instant now = clock.instant();
		ProgramProgress mine = progress.findByProgramAndUserRef(program.getId(), member.userId())
			.orElseGet(() -> ProgramProgress.start(program, member.userId(), now));
		RequirementState before = mine.stateOf(requirementCode);
		RequirementState after;
		String action;
		if (entry instanceof Hours h) {
			withinWhatItTakes(requirement, mine.stateOf(requirementCode), h.hours());
		}
		if (entry instanceof Score s) {
			after = mine.recordScore(requirement, s.percent(), s.on(), now);
			action = "SCORE";
		}
		else if (entry instanceof Hours h) {
			after = mine.recordHours(requirement, h.hours(), h.on(), now);
			action = "HOURS";
		}
		else {
			after = mine.recordDone(requirement, ((Done) entry).on(), now);
			action = "DONE";
		}
		progress.save(mine);
		audit.audit(member.tenant().value(), member.userId(), program.getId(), requirementCode, member.userId(), now,
				action, AuditTrail.describe(before), AuditTrail.describe(after));
		standings.refresh(member.tenant().value(), member.userId());
	}

	/**
	 * The person corrects what they recorded at a requirement (a mistyped score, hours or
	 * date), while no evidence of it waits for or has passed verification. The audit
	 * trail keeps the correction with the value before and after, and the program page
	 * shows it.
	 */
	@Transactional
	public void correct(Member member, String code, String requirementCode, Entry entry) {
		profiles.profile(member).orElseThrow(() -> new ProgramNotFoundException(code));
		Program program = programs.findByTenantIdAndCode(member.tenant().value(), code)
			.filter(p -> !p.isArchived())
			.orElseThrow(() -> new ProgramNotFoundException(code));
		Requirement requirement = program.requirement(requirementCode)
			.orElseThrow(() -> new ProgramNotFoundException(code + "/" + requirementCode));
		LocalDate on = dateOf(entry);
		if (on != null && on.isAfter(calendar.today())) {
			throw new RecordingRefusedException("pd.record.date-in-future");
		}
		boolean fits = requirement.scored() ? entry instanceof Score : requirement.kind() == RequirementKind.HOURS
				? entry instanceof Hours
				: (requirement.kind() == RequirementKind.COURSE || requirement.kind() == RequirementKind.OBSERVATION)
						&& entry instanceof Done;
		if (!fits) {
			throw new RecordingRefusedException("pd.correct.nothing");
		}
		ProgramProgress mine = progress.findByProgramAndUserRef(program.getId(), member.userId())
			.orElseThrow(() -> new RecordingRefusedException("pd.correct.nothing"));
		Instant now = clock.instant();
		RequirementState before = mine.stateOf(requirementCode);
		BigDecimal amount = entry instanceof Score s ? s.percent() : entry instanceof Hours h ? h.hours() : null;
		RequirementState after = mine.correct(requirement, amount, on, now);
		progress.save(mine);
		audit.audit(member.tenant().value(), member.userId(), program.getId(), requirementCode, member.userId(), now,
				AuditTrail.CORRECTED, corrected(requirement, before), corrected(requirement, after));
		standings.refresh(member.tenant().value(), member.userId());
	}

	/**
	 * HR (or a district admin) corrects an entry whose evidence was verified, which the
	 * person can no longer change, giving a reason: kept in the same audit trail (who,
	 * when, before and after, why), shown to the person, and the standing follows (and
	 * with it a course item's completion). Whoever calls this has checked the corrector
	 * may.
	 */
	@Transactional
	public void correctVerified(long tenant, long owner, Program program, Requirement requirement, BigDecimal amount,
			LocalDate on, long corrector, String reason) {
		if (on == null) {
			throw new RecordingRefusedException("pd.record.date-required");
		}
		if (on.isAfter(calendar.today())) {
			throw new RecordingRefusedException("pd.record.date-in-future");
		}
		// a score or hours left out is refused by the entry's own range
		boolean takesAmount = requirement.scored() || requirement.kind() == RequirementKind.HOURS;
		ProgramProgress theirs = progress.findByProgramAndUserRef(program.getId(), owner)
			.orElseThrow(() -> new RecordingRefusedException("pd.hr-correct.not-verified"));
		Instant now = clock.instant();
		RequirementState before = theirs.stateOf(requirement.code());
		RequirementState after = theirs.correctVerified(requirement, takesAmount ? amount : null, on, now);
		progress.save(theirs);
		audit.audit(tenant, owner, program.getId(), requirement.code(), corrector, now, AuditTrail.CORRECTED_VERIFIED,
				correctedOn(requirement, before), correctedOn(requirement, after), reason);
		standings.refresh(tenant, owner);
	}

	/** The value a verified entry's correction changes, with its date. */
	private static String correctedOn(Requirement requirement, RequirementState state) {
		String value = corrected(requirement, state);
		boolean dateIsTheValue = !requirement.scored() && requirement.kind() != RequirementKind.HOURS;
		return dateIsTheValue || state.doneOn() == null ? value : value + ", " + state.doneOn();
	}

	/**
	 * The value a correction changes, as the program page says it ("90%", "6 clock
	 * hours", a date).
	 */
	private static String corrected(Requirement requirement, RequirementState state) {
		if (requirement.scored()) {
			return state.bestScore() == null ? "-" : state.bestScore().stripTrailingZeros().toPlainString() + "%";
		}
		if (requirement.kind() == RequirementKind.HOURS) {
			return (state.hours() == null ? "0" : state.hours().stripTrailingZeros().toPlainString()) + " "
					+ requirement.hoursUnit();
		}
		return state.doneOn() == null ? "-" : state.doneOn().toString();
	}

	/** A day holds no more than 24 clock hours. */
	static final BigDecimal CLOCK_HOURS_PER_ENTRY = BigDecimal.valueOf(24);

	/**
	 * Hours a person records at once: above 0, no more than a day holds (clock hours),
	 * and no more than the requirement still takes.
	 */
	private static void withinWhatItTakes(Requirement requirement, RequirementState so, BigDecimal hours) {
		if (requirement.kind() != RequirementKind.HOURS) {
			return;
		}
		if (hours == null || hours.signum() <= 0) {
			throw new RecordingRefusedException("pd.record.hours-range");
		}
		String unit = requirement.hoursUnit() == null ? "" : requirement.hoursUnit();
		if (unit.toLowerCase(Locale.ROOT).contains("clock") && hours.compareTo(CLOCK_HOURS_PER_ENTRY) > 0) {
			throw new RecordingRefusedException("pd.record.hours-per-day");
		}
		BigDecimal done = so.hours() == null ? BigDecimal.ZERO : so.hours();
		BigDecimal left = requirement.hours().subtract(done);
		String target = requirement.hours().stripTrailingZeros().toPlainString();
		if (left.signum() <= 0) {
			throw new RecordingRefusedException("pd.record.hours-all-in", target, unit);
		}
		if (hours.compareTo(left) > 0) {
			throw new RecordingRefusedException("pd.record.hours-beyond", left.stripTrailingZeros().toPlainString(),
					target, unit);
		}
	}

	private static LocalDate dateOf(Entry entry) {
		if (entry instanceof Score s) {
			return s.on();
		}
		if (entry instanceof Hours h) {
			return h.on();
		}
		return ((Done) entry).on();
	}

}
