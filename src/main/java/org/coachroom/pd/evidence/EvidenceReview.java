package org.coachroom.pd.evidence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.access.CoachroomRole;
import org.coachroom.access.SupportedByCoach;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.catalog.Requirement;
import org.coachroom.pd.catalog.RequirementKind;
import org.coachroom.pd.tracking.AuditTrail;
import org.coachroom.pd.tracking.EvidenceState;
import org.coachroom.pd.tracking.ProgramProgress;
import org.coachroom.pd.tracking.ProgressRecording;
import org.coachroom.pd.tracking.ProgressRecords;
import org.coachroom.pd.tracking.RequirementState;
import org.coachroom.pd.tracking.Standings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewing evidence: a coach who supports the person, HR or a district admin verifies it
 * or returns it with a comment. Principals never see it. Every step is in the audit
 * trail.
 */
@Service
public class EvidenceReview {

	private final Programs programs;

	private final ProgressRecords progress;

	private final AuditTrail audit;

	private final People people;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Standings standings;

	private final SupportedByCoach supportedByCoach;

	private final ProgressRecording recording;

	EvidenceReview(Programs programs, ProgressRecords progress, AuditTrail audit, Standings standings, People people,
			SupportedByCoach supportedByCoach, ProgressRecording recording, JdbcClient jdbc, Clock clock) {
		this.recording = recording;
		this.supportedByCoach = supportedByCoach;
		this.programs = programs;
		this.progress = progress;
		this.audit = audit;
		this.standings = standings;
		this.people = people;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Evidence waiting for a reviewer, as the review queue lists it. */
	public record Waiting(long id, long userRef, String person, String programTitle, String requirementTitle,
			String fileName, Instant uploadedAt) {
	}

	/**
	 * Whether the viewer may review this person's evidence: HR, a district admin, or a
	 * coach who supports them.
	 */
	boolean mayReview(Member viewer, long personRef) {
		if (viewer.userId() == personRef || viewer.hasRole(CoachroomRole.PRINCIPAL)) {
			return false;
		}
		if (viewer.hasRole(CoachroomRole.HR) || viewer.hasRole(CoachroomRole.DISTRICT_ADMIN)) {
			return true;
		}
		return viewer.hasRole(CoachroomRole.COACH) && supportedByCoach.of(viewer).contains(personRef);
	}

	/**
	 * Whether the viewer reviews anyone's evidence at all (the queue link shows for
	 * them).
	 */
	public boolean reviews(Member viewer) {
		return !viewer.hasRole(CoachroomRole.PRINCIPAL) && (viewer.hasRole(CoachroomRole.HR)
				|| viewer.hasRole(CoachroomRole.DISTRICT_ADMIN) || viewer.hasRole(CoachroomRole.COACH));
	}

	/** Evidence waiting for this viewer's review, oldest first. */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Waiting> queue(Member viewer) {
		if (!reviews(viewer)) {
			return List.of();
		}
		boolean everyone = viewer.hasRole(CoachroomRole.HR) || viewer.hasRole(CoachroomRole.DISTRICT_ADMIN);
		Set<Long> supported = everyone ? Set.of() : supportedByCoach.of(viewer);
		record Row(long id, long userRef, String programTitle, String requirementTitle, String fileName,
				Instant uploadedAt) {
		}
		List<Row> rows = jdbc
			.sql("""
					SELECT e.id, e.user_ref, p.title, r.title, e.file_name, e.uploaded_at
					FROM pd_evidence e JOIN pd_program p ON p.id = e.program
					LEFT JOIN pd_requirement r ON r.program = e.program AND r.code = e.requirement_code
					WHERE e.tenant_id = ? AND e.state = 'SUBMITTED' AND e.user_ref <> ? ORDER BY e.uploaded_at, e.id LIMIT 500""")
			.params(viewer.tenant().value(), viewer.userId())
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getString(4) == null ? "" : rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list()
			.stream()
			.filter(row -> everyone || supported.contains(row.userRef()))
			.toList();
		// names from the lti module's directory; evidence of someone it does not know is
		// no one's to review
		Map<Long, People.Person> named = people.people(viewer.tenant(),
				rows.stream().map(Row::userRef).distinct().toList());
		return rows.stream()
			.filter(row -> named.containsKey(row.userRef()))
			.map(row -> new Waiting(row.id(), row.userRef(), named.get(row.userRef()).name(), row.programTitle(),
					row.requirementTitle(), row.fileName(), row.uploadedAt()))
			.toList();
	}

	/**
	 * Evidence a coach or HR decided on, as the review page's history lists it, with the
	 * corrections HR made to the verified entry since, and (for whoever may correct it)
	 * what the entry holds now.
	 */
	public record Decided(long id, String person, String programTitle, String requirementTitle, String fileName,
			boolean verified, String comment, String reviewer, Instant reviewedAt,
			List<AuditTrail.Correction> corrections, Entry entry) {
	}

	/**
	 * A verified entry as HR's correction form shows it: what it takes (a score, hours or
	 * a date), its value now, the most it can be and its date.
	 */
	public record Entry(String kind, String value, String max, String unit, LocalDate on) {

		public boolean takesAmount() {
			return !"done".equals(kind);
		}

	}

	/** One page of the history, and whether older decisions follow. */
	public record History(List<Decided> decided, int page, boolean more) {
	}

	/** Decisions per page of the history. */
	static final int HISTORY_PAGE = 50;

	/**
	 * Evidence already verified or returned, newest decision first, a page at a time: the
	 * same people's as the queue shows this viewer (everyone's for HR and district
	 * admins, the people a coach supports for a coach, never their own), with who
	 * decided, when, and the reason of a return.
	 */
	@Transactional(readOnly = true)
	public History history(Member viewer, int page) {
		int from = Math.max(0, Math.min(page, 10_000)) * HISTORY_PAGE;
		if (!reviews(viewer)) {
			return new History(List.of(), 0, false);
		}
		boolean everyone = viewer.hasRole(CoachroomRole.HR) || viewer.hasRole(CoachroomRole.DISTRICT_ADMIN);
		List<Object> params = new ArrayList<>(List.of(viewer.tenant().value(), viewer.userId()));
		String whose = "";
		if (!everyone) {
			Set<Long> supported = supportedByCoach.of(viewer);
			if (supported.isEmpty()) {
				return new History(List.of(), 0, false);
			}
			whose = " AND e.user_ref IN (" + String.join(",", supported.stream().map(id -> "?").toList()) + ")";
			params.addAll(supported);
		}
		params.add(HISTORY_PAGE + 1);
		params.add(from);
		record Row(long id, long userRef, String programTitle, String requirementTitle, String fileName,
				boolean verified, String comment, long reviewer, Instant reviewedAt, long program, String requirement) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT e.id, e.user_ref, p.title, r.title, e.file_name, e.state, e.review_comment, e.reviewed_by,
				e.reviewed_at, e.program, e.requirement_code FROM pd_evidence e JOIN pd_program p ON p.id = e.program
				LEFT JOIN pd_requirement r ON r.program = e.program AND r.code = e.requirement_code
				WHERE e.tenant_id = ? AND e.state IN ('VERIFIED', 'RETURNED') AND e.reviewed_at IS NOT NULL
				AND e.user_ref <> ?""" + whose + " ORDER BY e.reviewed_at DESC, e.id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getString(4) == null ? "" : rs.getString(4), rs.getString(5), "VERIFIED".equals(rs.getString(6)),
					rs.getString(7), rs.getLong(8), rs.getTimestamp(9).toInstant(), rs.getLong(10), rs.getString(11)))
			.list();
		boolean more = rows.size() > HISTORY_PAGE;
		List<Row> shown = more ? rows.subList(0, HISTORY_PAGE) : rows;
		Set<Long> named = new HashSet<>();
		shown.forEach(r -> {
			named.add(r.userRef());
			named.add(r.reviewer());
		});
		Map<Long, People.Person> names = people.people(viewer.tenant(), named);
		boolean corrects = mayCorrectAnyone(viewer);
		Map<Long, Optional<Program>> definitions = new HashMap<>();
		Map<String, Map<String, List<AuditTrail.Correction>>> audited = new HashMap<>();
		return new History(shown.stream().filter(r -> names.containsKey(r.userRef())).map(r -> {
			List<AuditTrail.Correction> corrections = List.of();
			Entry entry = null;
			if (r.verified()) {
				Optional<Requirement> requirement = definitions
					.computeIfAbsent(r.program(), id -> programs.findById(id))
					.flatMap(p -> p.requirement(r.requirement()));
				corrections = audited
					.computeIfAbsent(r.userRef() + "/" + r.program(),
							k -> audit.corrections(viewer.tenant().value(), r.userRef(), r.program()))
					.getOrDefault(r.requirement(), List.of())
					.stream()
					.filter(AuditTrail.Correction::ofVerified)
					.filter(c -> !c.at().isBefore(r.reviewedAt()))
					.toList();
				if (corrects && requirement.isPresent()) {
					entry = entryOf(requirement.get(),
							progress.findByProgramAndUserRef(r.program(), r.userRef())
								.map(p -> p.stateOf(r.requirement()))
								.orElse(RequirementState.empty()));
				}
			}
			return new Decided(r.id(), names.get(r.userRef()).displayName(), r.programTitle(), r.requirementTitle(),
					r.fileName(), r.verified(), r.comment(),
					names.containsKey(r.reviewer()) ? names.get(r.reviewer()).displayName() : "-", r.reviewedAt(),
					corrections, entry);
		}).toList(), from / HISTORY_PAGE, more);
	}

	/**
	 * The verified entry's form, or null when it holds nothing HR can correct (evidence
	 * alone) or is no longer verified (new evidence waits).
	 */
	private static Entry entryOf(Requirement requirement, RequirementState state) {
		if (state.evidence() != EvidenceState.VERIFIED) {
			return null;
		}
		if (requirement.scored() && state.bestScore() != null) {
			return new Entry("score", plain(state.bestScore()), "100", "%", state.doneOn());
		}
		if (requirement.kind() == RequirementKind.HOURS && state.hours() != null) {
			return new Entry("hours", plain(state.hours()), plain(requirement.hours()), requirement.hoursUnit(),
					state.doneOn());
		}
		if ((requirement.kind() == RequirementKind.COURSE || requirement.kind() == RequirementKind.OBSERVATION)
				&& state.doneOn() != null) {
			return new Entry("done", null, null, null, state.doneOn());
		}
		return null;
	}

	private static String plain(BigDecimal n) {
		return n.stripTrailingZeros().toPlainString();
	}

	/**
	 * Whether the viewer may correct a person's verified entry: HR or a district admin,
	 * never for themselves, never a principal or a coach (a coach verifies, but what is
	 * verified is then HR's to change).
	 */
	boolean mayCorrect(Member viewer, long personRef) {
		return viewer.userId() != personRef && mayCorrectAnyone(viewer);
	}

	private static boolean mayCorrectAnyone(Member viewer) {
		return !viewer.hasRole(CoachroomRole.PRINCIPAL)
				&& (viewer.hasRole(CoachroomRole.HR) || viewer.hasRole(CoachroomRole.DISTRICT_ADMIN));
	}

	/**
	 * Refuses, as evidence that does not exist, anyone who may not correct this
	 * evidence's entry.
	 */
	@Transactional(readOnly = true)
	public void requireCorrector(Member viewer, long evidenceId) {
		jdbc.sql("SELECT user_ref FROM pd_evidence WHERE id = ? AND tenant_id = ?")
			.params(evidenceId, viewer.tenant().value())
			.query(Long.class)
			.optional()
			.filter(owner -> mayCorrect(viewer, owner))
			.orElseThrow(() -> ProgramNotFoundException.evidence());
	}

	/**
	 * HR (or a district admin) corrects the entry this verified evidence is for, with a
	 * reason. Anyone else is told there is no such evidence.
	 */
	@Transactional
	public void correctVerified(Member viewer, long evidenceId, BigDecimal amount, LocalDate on, String reason) {
		record Row(long owner, long program, String requirement, String state) {
		}
		Row row = jdbc.sql("""
				SELECT user_ref, program, requirement_code, state FROM pd_evidence WHERE id = ? AND tenant_id = ?""")
			.params(evidenceId, viewer.tenant().value())
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.optional()
			.filter(r -> mayCorrect(viewer, r.owner()))
			.orElseThrow(() -> ProgramNotFoundException.evidence());
		if (!"VERIFIED".equals(row.state())) {
			throw new RecordingRefusedException("pd.hr-correct.not-verified");
		}
		if (reason == null || reason.isBlank()) {
			throw new RecordingRefusedException("pd.hr-correct.reason-required");
		}
		if (reason.strip().length() > CorrectionForm.MAX_REASON) {
			throw new RecordingRefusedException("pd.hr-correct.reason-long");
		}
		Program program = programs.findById(row.program()).orElseThrow(() -> ProgramNotFoundException.evidence());
		Requirement requirement = program.requirement(row.requirement())
			.orElseThrow(() -> ProgramNotFoundException.evidence());
		recording.correctVerified(viewer.tenant().value(), row.owner(), program, requirement, amount, on,
				viewer.userId(), reason.strip());
	}

	/**
	 * A reviewer verifies the evidence, or returns it with a comment saying what is
	 * missing.
	 */
	@Transactional
	public void review(Member viewer, long evidenceId, boolean verified, String comment) {
		record Row(long owner, long program, String requirement, String state) {
		}
		Row row = jdbc
			.sql("""
					SELECT user_ref, program, requirement_code, state FROM pd_evidence WHERE id = ? AND tenant_id = ? FOR UPDATE""")
			.params(evidenceId, viewer.tenant().value())
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.optional()
			.filter(r -> mayReview(viewer, r.owner()))
			.orElseThrow(() -> ProgramNotFoundException.evidence());
		if (!"SUBMITTED".equals(row.state())) {
			throw new RecordingRefusedException("pd.evidence.already-reviewed");
		}
		if (!verified && (comment == null || comment.isBlank())) {
			throw new RecordingRefusedException("pd.evidence.comment-required");
		}
		Program program = programs.findById(row.program()).orElseThrow(() -> ProgramNotFoundException.evidence());
		Requirement requirement = program.requirement(row.requirement())
			.orElseThrow(() -> ProgramNotFoundException.evidence());
		Instant now = clock.instant();
		ProgramProgress theirs = progress.findByProgramAndUserRef(row.program(), row.owner())
			.orElseThrow(() -> ProgramNotFoundException.evidence());
		RequirementState before = theirs.stateOf(row.requirement());
		RequirementState after = theirs.evidence(requirement,
				verified ? EvidenceState.VERIFIED : EvidenceState.RETURNED, now);
		progress.save(theirs);
		jdbc.sql("""
				UPDATE pd_evidence SET state = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ? WHERE id = ?""")
			.params(verified ? "VERIFIED" : "RETURNED", viewer.userId(), Timestamp.from(now),
					comment == null || comment.isBlank() ? null : comment.strip(), evidenceId)
			.update();
		audit.audit(viewer.tenant().value(), row.owner(), row.program(), row.requirement(), viewer.userId(), now,
				verified ? "EVIDENCE_VERIFIED" : "EVIDENCE_RETURNED", AuditTrail.describe(before),
				AuditTrail.describe(after)
						+ (comment == null || comment.isBlank() ? "" : "; comment: " + comment.strip()));
		standings.refresh(viewer.tenant().value(), row.owner());
	}

}
