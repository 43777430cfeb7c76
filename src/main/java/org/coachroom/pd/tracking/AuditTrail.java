package org.coachroom.pd.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coachroom.lti.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The PD audit trail: who changed what of whose progress, when, before and after. */
@Component
public class AuditTrail {

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/** A correction of an entry, as the program page shows it. */
	public record Correction(Instant at, String before, String after) {
	}

	/** A person's corrections in a program, by requirement, oldest first. */
	@Transactional(readOnly = true)
	public Map<String, List<Correction>> corrections(long tenant, long userRef, long program) {
		Map<String, List<Correction>> corrections = new HashMap<>();
		jdbc.sql("""
				SELECT requirement_code, at, before_value, after_value FROM pd_audit
				WHERE tenant_id = ? AND user_ref = ? AND program = ? AND action = ? ORDER BY at, id""")
			.params(tenant, userRef, program, CORRECTED)
			.query((rs, i) -> Map.entry(rs.getString(1),
					new Correction(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4))))
			.list()
			.forEach(e -> corrections.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return corrections;
	}

	public void audit(long tenant, long userRef, long program, String requirementCode, long actor, Instant at,
			String action, String before, String after) {
		jdbc.sql("""
				INSERT INTO pd_audit (tenant_id, user_ref, program, requirement_code, actor, at, action, before_value,
				after_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant, userRef, program, requirementCode, actor, Timestamp.from(at), action, before, after)
			.update();
	}

	public static String describe(RequirementState s) {
		return "best score " + (s.bestScore() == null ? "-" : s.bestScore().stripTrailingZeros().toPlainString())
				+ ", attempts " + s.attemptsUsed() + ", hours "
				+ (s.hours() == null ? "0" : s.hours().stripTrailingZeros().toPlainString()) + ", done "
				+ (s.doneOn() == null ? "-" : s.doneOn()) + ", evidence " + s.evidence();
	}

}
