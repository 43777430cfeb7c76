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

	ProgramTracking(Programs programs, ProgressRecords progress, StarterCatalog catalog, JdbcClient jdbc, Clock clock,
			@Value("${coachroom.time-zone:}") String timeZone, @Value("${coachroom.pd.due-soon:P30D}") Period dueSoon) {
		this.programs = programs;
		this.progress = progress;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
		this.dueSoon = dueSoon;
	}

	/** A person's facts for the rules, and whether they (or HR) have told Coachroom them yet. */
	public record Profile(PdProfile facts, boolean recorded) {
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** Which audience a person's LMS roles put them in; empty for people programs are not for. */
	static Optional<Audience> audienceOf(Member member) {
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
			.sql("SELECT school_level, role_started_on FROM pd_profile WHERE tenant_id = ? AND user_ref = ?")
			.params(member.tenant().value(), member.userId())
			.query((rs, i) -> new Profile(new PdProfile(audience, SchoolLevel.valueOf(rs.getString(1)),
					rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()), true))
			.optional()
			.orElse(new Profile(new PdProfile(audience, SchoolLevel.ANY, null), false)));
	}

	/** A person says what level of school they work at and when they started their role. */
	@Transactional
	public void saveProfile(Member member, SchoolLevel level, LocalDate roleStartedOn) {
		if (audienceOf(member).isEmpty()) {
			throw new ProgramNotFoundException("profile");
		}
		if (roleStartedOn != null && roleStartedOn.isAfter(today().plusYears(1))) {
			throw new RecordingRefusedException("pd.profile.start-in-future");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO pd_profile (tenant_id, user_ref, school_level, role_started_on, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE school_level = VALUES(school_level),
				role_started_on = VALUES(role_started_on), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)""")
			.params(member.tenant().value(), member.userId(), level.name(),
					roleStartedOn == null ? null : java.sql.Date.valueOf(roleStartedOn), Timestamp.from(now), member.userId())
			.update();
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
		LocalDate today = today();
		Map<Long, ProgramProgress> mine = new HashMap<>();
		for (ProgramProgress p : progress.findByTenantIdAndUserRef(member.tenant().value(), member.userId())) {
			mine.put(p.getProgram(), p);
		}
		List<ProgramStatus> result = new ArrayList<>();
		for (Program program : programs.findByTenantIdAndArchivedFalseOrderByTitle(member.tenant().value())) {
			Optional<Obligation> obligation = program.obligationFor(profile.get().facts(), today);
			ProgramProgress recorded = mine.get(program.getId());
			if (obligation.isPresent() || recorded != null) {
				result.add(ProgramProgress.evaluate(program, recorded, profile.get().facts(), obligation.orElse(null), today,
						dueSoon));
			}
		}
		result.sort(java.util.Comparator.comparing((ProgramStatus s) -> s.obligation() == Obligation.REQUIRED ? 0 : 1));
		return result;
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

	private void audit(long tenant, long userRef, long program, String requirementCode, long actor, Instant at,
			String action, String before, String after) {
		jdbc.sql("""
				INSERT INTO pd_audit (tenant_id, user_ref, program, requirement_code, actor, at, action, before_value,
				after_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant, userRef, program, requirementCode, actor, Timestamp.from(at), action, before, after)
			.update();
	}

	private static String describe(RequirementState s) {
		return "best score " + (s.bestScore() == null ? "-" : s.bestScore().stripTrailingZeros().toPlainString())
				+ ", attempts " + s.attemptsUsed() + ", hours "
				+ (s.hours() == null ? "0" : s.hours().stripTrailingZeros().toPlainString()) + ", done "
				+ (s.doneOn() == null ? "-" : s.doneOn()) + ", evidence " + s.evidence();
	}
}
