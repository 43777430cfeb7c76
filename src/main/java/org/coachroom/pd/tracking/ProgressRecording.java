package org.coachroom.pd.tracking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.catalog.Requirement;
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
