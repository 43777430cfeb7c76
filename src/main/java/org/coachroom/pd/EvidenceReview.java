package org.coachroom.pd;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.shared.FileType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence for requirements: a person uploads a certificate or transcript (a PDF or an image, checked
 * by content and size); a coach who supports them, HR or a district admin verifies it or returns it
 * with a comment. Principals never see it. Every step is in the audit trail.
 */
@Service
public class EvidenceReview {

	/** Certificates and transcripts: documents and images, nothing that runs or unpacks. */
	private static final Set<FileType> ACCEPTED = Set.of(FileType.PDF, FileType.PNG, FileType.JPEG, FileType.GIF);

	private final Programs programs;

	private final ProgressRecords progress;

	private final ProgramTracking tracking;

	private final People people;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long maxBytes;

	private final Standings standings;

	EvidenceReview(Programs programs, ProgressRecords progress, ProgramTracking tracking, Standings standings,
			People people, JdbcClient jdbc, Clock clock, @Value("${coachroom.uploads.max-bytes:10485760}") long maxBytes) {
		this.standings = standings;
		this.programs = programs;
		this.progress = progress;
		this.tracking = tracking;
		this.people = people;
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	/** Evidence waiting for a reviewer, as the review queue lists it. */
	public record Waiting(long id, long userRef, String person, String programTitle, String requirementTitle,
			String fileName, Instant uploadedAt) {
	}

	/** A file to serve. */
	public record Download(String fileName, String mediaType, byte[] content) {
	}

	@Transactional
	public long upload(Member member, String programCode, String requirementCode, String originalName, byte[] content) {
		tracking.profile(member).orElseThrow(() -> new ProgramNotFoundException(programCode));
		Program program = programs.findByTenantIdAndCode(member.tenant().value(), programCode)
			.filter(p -> !p.isArchived())
			.orElseThrow(() -> new ProgramNotFoundException(programCode));
		Requirement requirement = program.requirement(requirementCode)
			.orElseThrow(() -> new ProgramNotFoundException(programCode + "/" + requirementCode));
		if (!requirement.evidenceRequired() && requirement.kind() != RequirementKind.EVIDENCE) {
			throw new RecordingRefusedException("pd.evidence.not-taken");
		}
		if (content.length == 0) {
			throw new RecordingRefusedException("pd.evidence.empty");
		}
		if (content.length > maxBytes) {
			throw new RecordingRefusedException("pd.evidence.too-large");
		}
		FileType type = FileType.of(content).filter(ACCEPTED::contains)
			.orElseThrow(() -> new RecordingRefusedException("pd.evidence.type"));
		Instant now = clock.instant();
		ProgramProgress mine = progress.findByProgramAndUserRef(program.getId(), member.userId())
			.orElseGet(() -> ProgramProgress.start(program, member.userId(), now));
		if (mine.stateOf(requirementCode).evidence() == EvidenceState.VERIFIED) {
			throw new RecordingRefusedException("pd.evidence.already-verified");
		}
		RequirementState before = mine.stateOf(requirementCode);
		RequirementState after = mine.evidence(requirement, EvidenceState.SUBMITTED, now);
		progress.save(mine);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO pd_evidence (tenant_id, user_ref, program, requirement_code, file_name, media_type, size_bytes,
				sha256, content, uploaded_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED')""")
			.params(member.tenant().value(), member.userId(), program.getId(), requirementCode, type.safeName(originalName),
					type.mediaType(), content.length, org.coachroom.shared.FileType.sha256(content), content, Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		tracking.audit(member.tenant().value(), member.userId(), program.getId(), requirementCode, member.userId(), now,
				"EVIDENCE_SUBMITTED", ProgramTracking.describe(before), ProgramTracking.describe(after));
		standings.refresh(member.tenant().value(), member.userId());
		return id;
	}

	/** Whether the viewer may review this person's evidence: HR, a district admin, or a coach who supports them. */
	boolean mayReview(Member viewer, long personRef) {
		if (viewer.userId() == personRef || viewer.hasRole(CoachroomRole.PRINCIPAL)) {
			return false;
		}
		if (viewer.hasRole(CoachroomRole.HR) || viewer.hasRole(CoachroomRole.DISTRICT_ADMIN)) {
			return true;
		}
		return viewer.hasRole(CoachroomRole.COACH) && people.supportedBy(viewer).contains(personRef);
	}

	/** Whether the viewer reviews anyone's evidence at all (the queue link shows for them). */
	public boolean reviews(Member viewer) {
		return !viewer.hasRole(CoachroomRole.PRINCIPAL) && (viewer.hasRole(CoachroomRole.HR)
				|| viewer.hasRole(CoachroomRole.DISTRICT_ADMIN) || viewer.hasRole(CoachroomRole.COACH));
	}

	/** Evidence waiting for this viewer's review, oldest first. */
	@Transactional(readOnly = true)
	public List<Waiting> queue(Member viewer) {
		if (!reviews(viewer)) {
			return List.of();
		}
		boolean everyone = viewer.hasRole(CoachroomRole.HR) || viewer.hasRole(CoachroomRole.DISTRICT_ADMIN);
		Set<Long> supported = everyone ? Set.of() : people.supportedBy(viewer);
		return jdbc.sql("""
				SELECT e.id, e.user_ref, u.name, p.title, r.title, e.file_name, e.uploaded_at
				FROM pd_evidence e JOIN lti_user u ON u.id = e.user_ref JOIN pd_program p ON p.id = e.program
				LEFT JOIN pd_requirement r ON r.program = e.program AND r.code = e.requirement_code
				WHERE e.tenant_id = ? AND e.state = 'SUBMITTED' AND e.user_ref <> ? ORDER BY e.uploaded_at, e.id LIMIT 500""")
			.params(viewer.tenant().value(), viewer.userId())
			.query((rs, i) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5) == null ? "" : rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list()
			.stream()
			.filter(w -> everyone || supported.contains(w.userRef()))
			.toList();
	}

	/** The file, for its owner or someone who may review it; empty for anyone else (a 404, saying nothing). */
	@Transactional(readOnly = true)
	public Optional<Download> download(Member viewer, long evidenceId) {
		record Row(long owner, Download file) {
		}
		return jdbc.sql("SELECT user_ref, file_name, media_type, content FROM pd_evidence WHERE id = ? AND tenant_id = ?")
			.params(evidenceId, viewer.tenant().value())
			.query((rs, i) -> new Row(rs.getLong(1), new Download(rs.getString(2), rs.getString(3), rs.getBytes(4))))
			.optional()
			.filter(row -> row.owner() == viewer.userId() || mayReview(viewer, row.owner()))
			.map(Row::file);
	}

	/** A reviewer verifies the evidence, or returns it with a comment saying what is missing. */
	@Transactional
	public void review(Member viewer, long evidenceId, boolean verified, String comment) {
		record Row(long owner, long program, String requirement, String state) {
		}
		Row row = jdbc.sql("""
				SELECT user_ref, program, requirement_code, state FROM pd_evidence WHERE id = ? AND tenant_id = ? FOR UPDATE""")
			.params(evidenceId, viewer.tenant().value())
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.optional()
			.filter(r -> mayReview(viewer, r.owner()))
			.orElseThrow(() -> new ProgramNotFoundException("evidence"));
		if (!"SUBMITTED".equals(row.state())) {
			throw new RecordingRefusedException("pd.evidence.already-reviewed");
		}
		if (!verified && (comment == null || comment.isBlank())) {
			throw new RecordingRefusedException("pd.evidence.comment-required");
		}
		Program program = programs.findById(row.program()).orElseThrow(() -> new ProgramNotFoundException("evidence"));
		Requirement requirement = program.requirement(row.requirement())
			.orElseThrow(() -> new ProgramNotFoundException("evidence"));
		Instant now = clock.instant();
		ProgramProgress theirs = progress.findByProgramAndUserRef(row.program(), row.owner())
			.orElseThrow(() -> new ProgramNotFoundException("evidence"));
		RequirementState before = theirs.stateOf(row.requirement());
		RequirementState after = theirs.evidence(requirement, verified ? EvidenceState.VERIFIED : EvidenceState.RETURNED,
				now);
		progress.save(theirs);
		jdbc.sql("""
				UPDATE pd_evidence SET state = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ? WHERE id = ?""")
			.params(verified ? "VERIFIED" : "RETURNED", viewer.userId(), Timestamp.from(now),
					comment == null || comment.isBlank() ? null : comment.strip(), evidenceId)
			.update();
		tracking.audit(viewer.tenant().value(), row.owner(), row.program(), row.requirement(), viewer.userId(), now,
				verified ? "EVIDENCE_VERIFIED" : "EVIDENCE_RETURNED", ProgramTracking.describe(before),
				ProgramTracking.describe(after) + (comment == null || comment.isBlank() ? "" : "; comment: " + comment.strip()));
		standings.refresh(viewer.tenant().value(), row.owner());
	}

	/** The latest evidence of each of a person's requirements in a program, with its review. */
	public record Latest(long id, String fileName, String state, String comment) {
	}

	@Transactional(readOnly = true)
	public java.util.Map<String, Latest> latest(Member member, long programId) {
		java.util.Map<String, Latest> latest = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT id, requirement_code, file_name, state, review_comment FROM pd_evidence
				WHERE tenant_id = ? AND user_ref = ? AND program = ? ORDER BY id""")
			.params(member.tenant().value(), member.userId(), programId)
			.query((rs, i) -> java.util.Map.entry(rs.getString(2),
					new Latest(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getString(5))))
			.list()
			.forEach(e -> latest.put(e.getKey(), e.getValue()));
		return latest;
	}

}
