package org.coachroom.pd.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The PD audit trail: who changed what of whose progress, when, before and after. */
@Component
public class AuditTrail {

	private final JdbcClient jdbc;

	private final People people;

	AuditTrail(JdbcClient jdbc, People people) {
		this.jdbc = jdbc;
		this.people = people;
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

	/** The action of a person's correction of their own entry. */
	public static final String CORRECTED = "CORRECTED";

	/**
	 * The action of HR's (or a district admin's) correction of a verified entry, with its
	 * reason.
	 */
	public static final String CORRECTED_VERIFIED = "CORRECTED_VERIFIED";

	/**
	 * A correction of an entry, as the program page and the review history show it: by
	 * the person themselves ({@code by} and {@code reason} null), or of a verified entry
	 * by HR, named, with their reason.
	 */
	public record Correction(Instant at, String before, String after, String by, String reason) {

		public boolean ofVerified() {
			return reason != null;
		}

	}

	/** A person's corrections in a program, by requirement, oldest first. */
	@Transactional(readOnly = true)
	public Map<String, List<Correction>> corrections(long tenant, long userRef, long program) {
		record Row(String requirement, Instant at, String before, String after, String action, long actor,
				String reason) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT requirement_code, at, before_value, after_value, action, actor, reason FROM pd_audit
				WHERE tenant_id = ? AND user_ref = ? AND program = ? AND action IN (?, ?) ORDER BY at, id""")
			.params(tenant, userRef, program, CORRECTED, CORRECTED_VERIFIED)
			.query((rs, i) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), rs.getString(7)))
			.list();
		Map<Long, People.Person> names = people.people(new TenantId(tenant),
				rows.stream().filter(r -> CORRECTED_VERIFIED.equals(r.action())).map(Row::actor).distinct().toList());
		Map<String, List<Correction>> corrections = new HashMap<>();
		for (Row r : rows) {
			boolean ofVerified = CORRECTED_VERIFIED.equals(r.action());
			String by = !ofVerified ? null : names.containsKey(r.actor()) ? names.get(r.actor()).displayName() : "HR";
			corrections.computeIfAbsent(r.requirement(), k -> new ArrayList<>())
				.add(new Correction(r.at(), r.before(), r.after(), by,
						ofVerified ? (r.reason() == null ? "" : r.reason()) : null));
		}
		return corrections;
	}

	public void audit(long tenant, long userRef, long program, String requirementCode, long actor, Instant at,
			String action, String before, String after) {
		audit(tenant, userRef, program, requirementCode, actor, at, action, before, after, null);
	}

	/** An audit row with the reason the actor gave. */
	public void audit(long tenant, long userRef, long program, String requirementCode, long actor, Instant at,
			String action, String before, String after, String reason) {
		jdbc.sql("""
				INSERT INTO pd_audit (tenant_id, user_ref, program, requirement_code, actor, at, action, before_value,
				after_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant, userRef, program, requirementCode, actor, Timestamp.from(at), action, before, after, reason)
			.update();
	}

	public static String describe(RequirementState s) {
		return "best score " + (s.bestScore() == null ? "-" : s.bestScore().stripTrailingZeros().toPlainString())
				+ ", attempts " + s.attemptsUsed() + ", hours "
				+ (s.hours() == null ? "0" : s.hours().stripTrailingZeros().toPlainString()) + ", done "
				+ (s.doneOn() == null ? "-" : s.doneOn()) + ", evidence " + s.evidence();
	}

}
