package org.coachroom.pd.tracking;

import java.math.BigDecimal;
import java.sql.Date;
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
		return jdbc
			.sql("""
					SELECT c.id, c.title, c.hours, c.hours_unit, c.earned_on, CONCAT(p.title, ': ', r.title)
					FROM pd_credit c LEFT JOIN pd_program p ON p.id = c.applied_program
					LEFT JOIN pd_requirement r ON r.program = c.applied_program AND r.code = c.applied_requirement
					WHERE c.tenant_id = ? AND c.user_ref = ?""" + " AND " + COUNTS
					+ " ORDER BY c.earned_on DESC, c.id DESC")
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
				SELECT hours, hours_unit, earned_on, applied_program FROM pd_credit c
				WHERE id = ? AND tenant_id = ? AND user_ref = ?""" + " AND " + COUNTS + " FOR UPDATE")
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
	 * Whether a credit row counts: it was completed, and not withdrawn since (a
	 * withdrawal at the same instant as the completion takes it back).
	 */
	static final String COUNTS = "c.completed_at IS NOT NULL AND (c.withdrawn_at IS NULL OR c.withdrawn_at < c.completed_at)";

	/** A credit's row as the two events change it. */
	private record Row(long id, BigDecimal hours, Long program, String requirement, Instant completedAt,
			Instant withdrawnAt) {

		boolean counts() {
			return completedAt != null && (withdrawnAt == null || withdrawnAt.isBefore(completedAt));
		}

	}

	/**
	 * A study group completion happened at {@code at}. It counts unless a withdrawal at
	 * or after that time is already known (the withdrawal's event may arrive first); a
	 * completion older than the latest known one changes nothing.
	 */
	@Transactional
	void completed(long tenantId, long userRef, String source, long sourceId, String title, BigDecimal hours,
			String unit, LocalDate earnedOn, Instant at) {
		int inserted = jdbc
			.sql("""
					INSERT IGNORE INTO pd_credit (tenant_id, user_ref, source, source_id, title, hours, hours_unit, earned_on,
					completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenantId, userRef, source, sourceId, title, hours, unit, Date.valueOf(earnedOn), Timestamp.from(at))
			.update();
		if (inserted > 0) {
			return;
		}
		Row row = lockedRow(tenantId, userRef, source, sourceId).orElseThrow();
		if (row.completedAt() != null && !at.isAfter(row.completedAt())) {
			return;
		}
		if (row.counts() && row.program() != null) {
			// completed again while it counts toward a requirement (a withdrawal between
			// the two is still on its way, or never came): the hours already counted
			// stay,
			// with the latest time
			jdbc.sql("UPDATE pd_credit SET completed_at = ? WHERE id = ?")
				.params(Timestamp.from(at), row.id())
				.update();
			return;
		}
		// a completion after the withdrawal counts again, from scratch; one from before
		// it
		// only keeps its time
		jdbc.sql("""
				UPDATE pd_credit SET completed_at = ?, title = ?, hours = ?, hours_unit = ?, earned_on = ?,
				applied_program = NULL, applied_requirement = NULL, applied_at = NULL WHERE id = ?""")
			.params(Timestamp.from(at), title, hours, unit, Date.valueOf(earnedOn), row.id())
			.update();
	}

	/**
	 * A study group completion was withdrawn at {@code at}: a credit completed before
	 * then no longer counts, and hours it counted come off. Handled before its completion
	 * (events keep no order), it leaves a withdrawn row that the older completion does
	 * not revive.
	 */
	@Transactional
	void withdrawCredit(long tenantId, long userRef, String source, long sourceId, String title, LocalDate on,
			Instant at, long actor) {
		int inserted = jdbc
			.sql("""
					INSERT IGNORE INTO pd_credit (tenant_id, user_ref, source, source_id, title, hours, hours_unit, earned_on,
					withdrawn_at) VALUES (?, ?, ?, ?, ?, 0, '', ?, ?)""")
			.params(tenantId, userRef, source, sourceId, title, Date.valueOf(on), Timestamp.from(at))
			.update();
		if (inserted > 0) {
			return;
		}
		Row row = lockedRow(tenantId, userRef, source, sourceId).orElseThrow();
		if (row.withdrawnAt() != null && !at.isAfter(row.withdrawnAt())) {
			return;
		}
		jdbc.sql("UPDATE pd_credit SET withdrawn_at = ? WHERE id = ?").params(Timestamp.from(at), row.id()).update();
		Row withdrawn = new Row(row.id(), row.hours(), row.program(), row.requirement(), row.completedAt(), at);
		if (!row.counts() || withdrawn.counts()) {
			// it did not count, or it was completed again after this withdrawal: it stays
			return;
		}
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
			jdbc.sql("""
					UPDATE pd_credit SET applied_program = NULL, applied_requirement = NULL, applied_at = NULL
					WHERE id = ?""").param(row.id()).update();
		}
		standings.refresh(tenantId, userRef);
	}

	private Optional<Row> lockedRow(long tenantId, long userRef, String source, long sourceId) {
		return jdbc.sql("""
				SELECT id, hours, applied_program, applied_requirement, completed_at, withdrawn_at FROM pd_credit
				WHERE tenant_id = ? AND user_ref = ? AND source = ? AND source_id = ? FOR UPDATE""")
			.params(tenantId, userRef, source, sourceId)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getBigDecimal(2), (Long) rs.getObject(3, Long.class),
					rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
			.optional();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
