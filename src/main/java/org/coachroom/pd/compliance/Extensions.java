package org.coachroom.pd.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.tracking.AuditTrail;
import org.coachroom.pd.tracking.Extension;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.pd.tracking.ProgramProgress;
import org.coachroom.pd.tracking.ProgressRecords;
import org.coachroom.pd.tracking.Standings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR moves a person's due date in a program, with the reason; the latest extension
 * counts.
 */
@Service
public class Extensions {

	private final CredentialFacts facts;

	private final ComplianceAccess access;

	private final Programs programs;

	private final ProgressRecords progress;

	private final AuditTrail audit;

	private final Standings standings;

	private final Clock clock;

	private final PdCalendar calendar;

	Extensions(CredentialFacts facts, ComplianceAccess access, Programs programs, ProgressRecords progress,
			AuditTrail audit, Standings standings, Clock clock, PdCalendar calendar) {
		this.facts = facts;
		this.access = access;
		this.programs = programs;
		this.progress = progress;
		this.audit = audit;
		this.standings = standings;
		this.clock = clock;
		this.calendar = calendar;
	}

	/** HR moves a person's due date in a program, with the reason. */
	@Transactional
	public void extend(Member viewer, long userRef, String programCode, LocalDate dueOn, String reason) {
		access.requirePeople(viewer);
		long tenant = viewer.tenant().value();
		if (facts.person(viewer, userRef).isEmpty()) {
			throw ProgramNotFoundException.person();
		}
		Program program = programs.findByTenantIdAndCode(tenant, programCode)
			.orElseThrow(() -> new ProgramNotFoundException(programCode));
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new RecordingRefusedException("pd.extension.reason-required");
		}
		if (dueOn == null || !dueOn.isAfter(calendar.today()) || dueOn.isAfter(calendar.today().plusYears(20))) {
			throw new RecordingRefusedException("pd.extension.date");
		}
		Instant now = clock.instant();
		ProgramProgress theirs = progress.findByProgramAndUserRef(program.getId(), userRef)
			.orElseGet(() -> ProgramProgress.start(program, userRef, now));
		String before = theirs.getExtensions().isEmpty() ? "no extension"
				: "due " + theirs.getExtensions().get(theirs.getExtensions().size() - 1).dueOn();
		theirs.extend(new Extension(dueOn, reason.strip(), viewer.userId(), now));
		progress.save(theirs);
		audit.audit(tenant, userRef, program.getId(), null, viewer.userId(), now, "EXTENSION", before,
				"due " + dueOn + "; reason: " + reason.strip());
		standings.refresh(tenant, userRef);
	}

}
