package org.coachroom.pd;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.Member;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PD tracking API: a person's programs with their standing, their profile facts, and recording
 * their own progress. Every change is written to the audit trail with who, what, when, before and after.
 */
@Service
public class ProgramTracking {

	private final Programs programs;

	private final ProgressRecords progress;

	private final StarterCatalog catalog;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final Period dueSoon;

	private final Standings standings;

	private final CourseItems courseItems;

	private final Schools schools;

	ProgramTracking(Programs programs, ProgressRecords progress, StarterCatalog catalog, Standings standings,
			CourseItems courseItems, Schools schools, JdbcClient jdbc, Clock clock, @Value("${coachroom.time-zone:}") String timeZone,
			@Value("${coachroom.pd.due-soon:P30D}") Period dueSoon) {
		this.standings = standings;
		this.courseItems = courseItems;
		this.schools = schools;
		this.programs = programs;
		this.progress = progress;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
		this.dueSoon = dueSoon;
	}

	/** A person's facts for the rules, and whether they (or HR) have told Coachroom them yet. */
	public record Profile(PdProfile facts, boolean recorded, Long schoolId) {
	}

	Period dueSoon() {
		return dueSoon;
	}

	public ZoneId zone() {
		return zone;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** Which audience a person's LMS roles put them in; empty for people programs are not for. */
	static Optional<Audience> audienceOf(Member member) {
		// a principal's or HR role beside a coach's (an Instructor who is the principal) is not a coach's PD
		if (member.hasRole(CoachroomRole.PRINCIPAL) || member.hasRole(CoachroomRole.HR)) {
			return Optional.empty();
		}
		if (member.hasRole(CoachroomRole.COACH)) {
			return Optional.of(Audience.COACH);
		}
		if (member.hasRole(CoachroomRole.TEACHER)) {
			return Optional.of(Audience.TEACHER);
		}
		return Optional.empty();
	}

	@Transactional(readOnly = true)
	public Optional<Profile> profile(Member member) {
		return audienceOf(member).map(audience -> jdbc
			.sql("SELECT school_level, role_started_on, confirmed, school_id FROM pd_profile WHERE tenant_id = ? AND user_ref = ?")
			.params(member.tenant().value(), member.userId())
			.query((rs, i) -> new Profile(new PdProfile(audience, SchoolLevel.valueOf(rs.getString(1)),
					rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()), rs.getBoolean(3),
					(Long) rs.getObject(4, Long.class)))
			.optional()
			.orElse(new Profile(new PdProfile(audience, SchoolLevel.ANY, null), false, null)));
	}

	/**
	 * The person becomes known to PD tracking (HR's view lists them) with the audience their current
	 * launch gives; the facts they have not told yet stay unknown.
	 */
	private void register(Member member, Audience audience) {
		jdbc.sql("""
				INSERT INTO pd_profile (tenant_id, user_ref, audience, confirmed, school_level, role_started_on, updated_at,
				updated_by) VALUES (?, ?, ?, FALSE, 'ANY', NULL, ?, ?) ON DUPLICATE KEY UPDATE audience = VALUES(audience)""")
			.params(member.tenant().value(), member.userId(), audience.name(), Timestamp.from(clock.instant()),
					member.userId())
			.update();
	}

	/** A person says what level of school they work at and when they started their role. */
	@Transactional
	public void saveProfile(Member member, SchoolLevel level, LocalDate roleStartedOn, Long schoolId) {
		if (audienceOf(member).isEmpty()) {
			throw new ProgramNotFoundException("profile");
		}
		if (schoolId != null && schools.find(member.tenant().value(), schoolId).filter(s -> !s.archived()).isEmpty()) {
			throw new RecordingRefusedException("pd.profile.school.invalid");
		}
		if (roleStartedOn != null && roleStartedOn.isAfter(today().plusYears(1))) {
			throw new RecordingRefusedException("pd.profile.start-in-future");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO pd_profile (tenant_id, user_ref, audience, confirmed, school_level, school_id, role_started_on,
				updated_at, updated_by) VALUES (?, ?, ?, TRUE, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE audience = VALUES(audience),
				confirmed = TRUE, school_level = VALUES(school_level), school_id = VALUES(school_id),
				role_started_on = VALUES(role_started_on), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)""")
			.params(member.tenant().value(), member.userId(), audienceOf(member).orElseThrow().name(), level.name(), schoolId,
					roleStartedOn == null ? null : java.sql.Date.valueOf(roleStartedOn), Timestamp.from(now), member.userId())
			.update();
		catalog.ensureImported(member.tenant().value());
		standings.refresh(member.tenant().value(), member.userId());
	}

	/**
	 * The person's programs: those the assignment rules give them (required first), and any other
	 * they have recorded progress in.
	 */
	@Transactional
	public List<ProgramStatus> myPrograms(Member member) {
		Optional<Profile> profile = profile(member);
		if (profile.isEmpty()) {
			return List.of();
		}
		catalog.ensureImported(member.tenant().value());
		if (!profile.get().recorded()) {
			register(member, profile.get().facts().audience());
			standings.refresh(member.tenant().value(), member.userId());
		}
		return statusesOf(member.tenant().value(), member.userId(), profile.get().facts());
	}

	/** A person's programs with their standing, as they see them and as HR sees their credential facts. */
	List<ProgramStatus> statusesOf(long tenantId, long userRef, PdProfile facts) {
		LocalDate today = today();
		Map<Long, ProgramProgress> mine = new HashMap<>();
		for (ProgramProgress p : progress.findByTenantIdAndUserRef(tenantId, userRef)) {
			mine.put(p.getProgram(), p);
		}
		List<ProgramStatus> result = new ArrayList<>();
		for (Program program : programs.findByTenantIdAndArchivedFalseOrderByTitle(tenantId)) {
			Optional<Obligation> obligation = program.obligationFor(facts, today);
			ProgramProgress recorded = mine.get(program.getId());
			if (obligation.isPresent() || recorded != null) {
				result.add(ProgramProgress.evaluate(program, recorded, facts, obligation.orElse(null), today, dueSoon));
			}
		}
		result.sort(java.util.Comparator.comparing((ProgramStatus s) -> s.obligation() == Obligation.REQUIRED ? 0 : 1));
		return result;
	}

	/**
	 * A launch of a link placed in a course opened this program: the placement is remembered, and the
	 * people of the course whose completion it never saw have their standings worked out, which sends
	 * any completion of theirs to the new column.
	 */
	@Transactional
	public void recordPlacement(Member member, String code) {
		if (member.launch() == null || !code.equals(member.launch().custom().get(CourseItems.PROGRAM_PARAMETER))) {
			return;
		}
		long tenant = member.tenant().value();
		catalog.ensureImported(tenant);
		programs.findByTenantIdAndCode(tenant, code)
			.filter(p -> !p.isArchived())
			.ifPresent(program -> courseItems.recordPlacement(member, program).forEach(user -> standings.refresh(tenant, user)));
	}

	/** Every program of the district, with the person's standing in it (for browsing the catalog). */
	@Transactional
	public ProgramStatus program(Member member, String code) {
		Profile profile = profile(member).orElseThrow(() -> new ProgramNotFoundException(code));
		catalog.ensureImported(member.tenant().value());
		Program program = programs.findByTenantIdAndCode(member.tenant().value(), code)
			.filter(p -> !p.isArchived())
			.orElseThrow(() -> new ProgramNotFoundException(code));
		LocalDate today = today();
		ProgramProgress recorded = progress.findByProgramAndUserRef(program.getId(), member.userId()).orElse(null);
		return ProgramProgress.evaluate(program, recorded, profile.facts(), program.obligationFor(profile.facts(), today)
			.orElse(null), today, dueSoon);
	}

	/** A completed program's certificate for the person, as a PDF; empty while it is not complete. */
	@Transactional
	public Optional<byte[]> certificate(Member member, String code) {
		ProgramStatus status = program(member, code);
		return certificateOf(member.tenant().value(), member.userId(), member.name(), status);
	}

	Optional<byte[]> certificateOf(long tenantId, long userRef, String name, ProgramStatus status) {
		if (status.standing() != Standing.COMPLETE) {
			return Optional.empty();
		}
		Instant last = status.requirements()
			.stream()
			.map(r -> r.state().updatedAt())
			.filter(java.util.Objects::nonNull)
			.max(java.util.Comparator.naturalOrder())
			.orElse(clock.instant());
		LocalDate completedOn = last.atZone(zone).toLocalDate();
		String id = org.coachroom.shared.FileType.sha256((tenantId + "|" + userRef + "|" + status.program().getId() + "|"
				+ completedOn).getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.substring(0, 12)
			.toUpperCase(java.util.Locale.ROOT);
		var date = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);
		return Optional.of(CertificatePdf.render(List.of(new CertificatePdf.Line("Certificate of completion", 30, true, 470),
				new CertificatePdf.Line("This certifies that", 14, false, 425),
				new CertificatePdf.Line(name == null ? "" : name, 26, true, 385),
				new CertificatePdf.Line("has completed", 14, false, 345),
				new CertificatePdf.Line(status.program().getTitle(), 22, true, 305),
				new CertificatePdf.Line("on " + completedOn.format(date), 14, false, 262),
				new CertificatePdf.Line("All " + status.requirements().size()
						+ " requirements met; evidence verified where the program asks for it.", 12, false, 200),
				new CertificatePdf.Line("Certificate " + id + ", issued " + today().format(date) + " by Coachroom", 10, false,
						80))));
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
		profile(member).orElseThrow(() -> new ProgramNotFoundException(code));
		Program program = programs.findByTenantIdAndCode(member.tenant().value(), code)
			.filter(p -> !p.isArchived())
			.orElseThrow(() -> new ProgramNotFoundException(code));
		Requirement requirement = program.requirement(requirementCode)
			.orElseThrow(() -> new ProgramNotFoundException(code + "/" + requirementCode));
		LocalDate on = dateOf(entry);
		if (on != null && on.isAfter(today())) {
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
		audit(member.tenant().value(), member.userId(), program.getId(), requirementCode, member.userId(), now, action,
				describe(before), describe(after));
		standings.refresh(member.tenant().value(), member.userId());
	}

	/** PD credit a person earned elsewhere in Coachroom, and where it counts (null until they choose). */
	public record Credit(long id, String title, BigDecimal hours, String unit, LocalDate earnedOn, String appliedTo) {
	}

	/** An hours requirement a credit can count toward: its unit matches and it is not met yet. */
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
		for (ProgramStatus status : myPrograms(member)) {
			for (RequirementStatus r : status.requirements()) {
				if (r.requirement().kind() == RequirementKind.HOURS && !r.met()) {
					targets.add(new CreditTarget(status.program().getCode(), r.requirement().code(),
							status.program().getTitle() + ": " + r.requirement().title(), r.requirement().hoursUnit()));
				}
			}
		}
		return targets;
	}

	/** The person counts a credit toward one of their hours requirements (of the same unit), once. */
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
			.orElseThrow(() -> new ProgramNotFoundException("credit"));
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
		audit(member.tenant().value(), member.userId(), program.getId(), requirementCode, member.userId(), now,
				"CREDIT_APPLIED", describe(before), describe(after));
		standings.refresh(member.tenant().value(), member.userId());
	}

	/** A credit no longer counts (its completion was withdrawn): its hours come off, and it is gone. */
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
					audit(tenantId, userRef, row.program(), row.requirement(), actor, now, "CREDIT_WITHDRAWN",
							describe(before), describe(after));
				});
			});
		}
		jdbc.sql("DELETE FROM pd_credit WHERE id = ?").param(row.id()).update();
		standings.refresh(tenantId, userRef);
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

	/** A reminder e-mail as it was sent to the person. */
	public record SentReminder(Instant sentAt, String subject, String body) {
	}

	@Transactional(readOnly = true)
	public List<SentReminder> reminders(Member member) {
		return jdbc.sql("""
				SELECT sent_at, subject, body FROM pd_reminder WHERE tenant_id = ? AND user_ref = ?
				ORDER BY sent_at DESC, id DESC LIMIT 20""")
			.params(member.tenant().value(), member.userId())
			.query((rs, i) -> new SentReminder(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Audit rows of a person, newest first. */
	public record AuditRow(Instant at, String programTitle, String requirementCode, String action, String before,
			String after, long actor) {
	}

	@Transactional(readOnly = true)
	public List<AuditRow> history(Member member) {
		return jdbc.sql("""
				SELECT a.at, p.title, a.requirement_code, a.action, a.before_value, a.after_value, a.actor
				FROM pd_audit a JOIN pd_program p ON p.id = a.program
				WHERE a.tenant_id = ? AND a.user_ref = ? ORDER BY a.at DESC, a.id DESC LIMIT 200""")
			.params(member.tenant().value(), member.userId())
			.query((rs, i) -> new AuditRow(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7)))
			.list();
	}

	void audit(long tenant, long userRef, long program, String requirementCode, long actor, Instant at,
			String action, String before, String after) {
		jdbc.sql("""
				INSERT INTO pd_audit (tenant_id, user_ref, program, requirement_code, actor, at, action, before_value,
				after_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant, userRef, program, requirementCode, actor, Timestamp.from(at), action, before, after)
			.update();
	}

	static String describe(RequirementState s) {
		return "best score " + (s.bestScore() == null ? "-" : s.bestScore().stripTrailingZeros().toPlainString())
				+ ", attempts " + s.attemptsUsed() + ", hours "
				+ (s.hours() == null ? "0" : s.hours().stripTrailingZeros().toPlainString()) + ", done "
				+ (s.doneOn() == null ? "-" : s.doneOn()) + ", evidence " + s.evidence();
	}
}
