package org.coachroom.pd.tracking;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.catalog.Requirement;
import org.coachroom.pd.catalog.RequirementKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PD credit a person earned elsewhere in Coachroom (a completed study group's hours):
 * where it can count, counting it toward an hours requirement once, and taking it back
 * when its completion is withdrawn.
 */
@Service
public class Credits {

	private final Programs programs;

	private final ProgressRecords progress;

	private final ProgramTracking tracking;

	private final AuditTrail audit;

	private final Standings standings;

	private final JdbcClient jdbc;

	private final Clock clock;

	Credits(Programs programs, ProgressRecords progress, ProgramTracking tracking, AuditTrail audit,
			Standings standings, JdbcClient jdbc, Clock clock) {
		this.programs = programs;
		this.progress = progress;
		this.tracking = tracking;
		this.audit = audit;
		this.standings = standings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * PD credit a person earned elsewhere in Coachroom, and where it counts (null until
	 * they choose).
	 */
	public record Credit(long id, String title, BigDecimal hours, String unit, LocalDate earnedOn, String appliedTo) {
	}

	/**
	 * An hours requirement a credit can count toward: its unit matches and it is not met
	 * yet.
	 */
	public record CreditTarget(String programCode, String requirementCode, String label, String unit) {

		public String value() {
			return programCode + "/" + requirementCode;
		}
	}

	@Transactional(readOnly = true)
	public List<Credit> credits(Member member) {
		return jdbc.sql("""
				SELECT c.id, c.title, c.hours, c.hours_unit, c.earned_on, CONCAT(p.title, ': ', r.title)
				FROM pd_credit c LEFT JOIN pd_program p ON p.id = c.applied_program
				LEFT JOIN pd_requirement r ON r.program = c.applied_program AND r.code = c.applied_requirement
				WHERE c.tenant_id = ? AND c.user_ref = ? ORDER BY c.earned_on DESC, c.id DESC""")
			.params(member.tenant().value(), member.userId())
			.query((rs, i) -> new Credit(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
					rs.getDate(5).toLocalDate(), rs.getString(6)))
			.list();
	}

	/** Where credit can count, among the person's programs. */
	@Transactional
	public List<CreditTarget> creditTargets(Member member) {
		List<CreditTarget> targets = new ArrayList<>();
		for (ProgramStatus status : tracking.myPrograms(member)) {
			for (RequirementStatus r : status.requirements()) {
				if (r.requirement().kind() == RequirementKind.HOURS && !r.met()) {
					targets.add(new CreditTarget(status.program().getCode(), r.requirement().code(),
							status.program().getTitle() + ": " + r.requirement().title(), r.requirement().hoursUnit()));
				}
			}
		}
		return targets;
	}

	/**
	 * The person counts a credit toward one of their hours requirements (of the same
	 * unit), once.
	 */
	@Transactional
	public void applyCredit(Member member, long creditId, String programCode, String requirementCode) {
		record Row(BigDecimal hours, String unit, LocalDate earnedOn, Long applied) {
		}
		Row credit = jdbc.sql("""
				SELECT hours, hours_unit, earned_on, applied_program FROM pd_credit
				WHERE id = ? AND tenant_id = ? AND user_ref = ? FOR UPDATE""")
			.params(creditId, member.tenant().value(), member.userId())
			.query((rs, i) -> new Row(rs.getBigDecimal(1), rs.getString(2), rs.getDate(3).toLocalDate(),
					(Long) rs.getObject(4, Long.class)))
			.optional()
			.orElseThrow(() -> new ProgramNotFoundException(ProgramNotFoundException.What.CREDIT, ""));
		if (credit.applied() != null) {
			throw new RecordingRefusedException("pd.credit.already-applied");
		}
		Program program = programs.findByTenantIdAndCode(member.tenant().value(), programCode)
			.filter(p -> !p.isArchived())
			.orElseThrow(() -> new ProgramNotFoundException(programCode));
		Requirement requirement = program.requirement(requirementCode)
			.filter(r -> r.kind() == RequirementKind.HOURS)
			.orElseThrow(() -> new RecordingRefusedException("pd.credit.not-hours"));
		if (!credit.unit().equalsIgnoreCase(requirement.hoursUnit())) {
			throw new RecordingRefusedException("pd.credit.unit-mismatch");
		}
		Instant now = clock.instant();
		ProgramProgress mine = progress.findByProgramAndUserRef(program.getId(), member.userId())
			.orElseGet(() -> ProgramProgress.start(program, member.userId(), now));
		RequirementState before = mine.stateOf(requirementCode);
		RequirementState after = mine.recordHours(requirement, credit.hours(), credit.earnedOn(), now);
		progress.save(mine);
		jdbc.sql("UPDATE pd_credit SET applied_program = ?, applied_requirement = ?, applied_at = ? WHERE id = ?")
			.params(program.getId(), requirementCode, Timestamp.from(now), creditId)
			.update();
		audit.audit(member.tenant().value(), member.userId(), program.getId(), requirementCode, member.userId(), now,
				"CREDIT_APPLIED", AuditTrail.describe(before), AuditTrail.describe(after));
		standings.refresh(member.tenant().value(), member.userId());
	}

	/**
	 * A credit no longer counts (its completion was withdrawn): its hours come off, and
	 * it is gone.
	 */
	@Transactional
	void withdrawCredit(long tenantId, long userRef, String source, long sourceId, long actor) {
		record Row(long id, BigDecimal hours, Long program, String requirement) {
		}
		Optional<Row> credit = jdbc.sql("""
				SELECT id, hours, applied_program, applied_requirement FROM pd_credit
				WHERE tenant_id = ? AND user_ref = ? AND source = ? AND source_id = ? FOR UPDATE""")
			.params(tenantId, userRef, source, sourceId)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getBigDecimal(2), (Long) rs.getObject(3, Long.class),
					rs.getString(4)))
			.optional();
		if (credit.isEmpty()) {
			return;
		}
		Row row = credit.get();
		if (row.program() != null) {
			Instant now = clock.instant();
			programs.findById(row.program()).flatMap(p -> p.requirement(row.requirement())).ifPresent(requirement -> {
				progress.findByProgramAndUserRef(row.program(), userRef).ifPresent(mine -> {
					RequirementState before = mine.stateOf(row.requirement());
					RequirementState after = mine.removeHours(requirement, row.hours(), now);
					progress.save(mine);
					audit.audit(tenantId, userRef, row.program(), row.requirement(), actor, now, "CREDIT_WITHDRAWN",
							AuditTrail.describe(before), AuditTrail.describe(after));
				});
			});
		}
		jdbc.sql("DELETE FROM pd_credit WHERE id = ?").param(row.id()).update();
		standings.refresh(tenantId, userRef);
	}

}
