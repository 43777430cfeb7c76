package org.coachroom.pd.evidence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.catalog.Requirement;
import org.coachroom.pd.catalog.RequirementKind;
import org.coachroom.pd.tracking.AuditTrail;
import org.coachroom.pd.tracking.EvidenceState;
import org.coachroom.pd.tracking.Profiles;
import org.coachroom.pd.tracking.ProgramProgress;
import org.coachroom.pd.tracking.ProgressRecords;
import org.coachroom.pd.tracking.RequirementState;
import org.coachroom.pd.tracking.Standings;
import org.coachroom.shared.FileType;
import org.coachroom.shared.SharedProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files for requirements: a person uploads a certificate, a transcript or a plan
 * (a PDF, an image or a Word document, checked by content and size); its owner or whoever
 * may review it downloads it. Every upload is in the audit trail.
 */
@Service
public class EvidenceFiles {

	/**
	 * Certificates, transcripts and plans (an individual learning plan is mostly written
	 * in Word): PDF, images and Word documents, each recognised by its content (a .docx
	 * by the parts of its Office Open XML package, an older binary .doc by the Word
	 * stream in its OLE2 compound file), nothing that runs.
	 */
	private static final Set<FileType> ACCEPTED = Set.of(FileType.PDF, FileType.PNG, FileType.JPEG, FileType.GIF,
			FileType.DOCX, FileType.DOC);

	private final Programs programs;

	private final ProgressRecords progress;

	private final Profiles profiles;

	private final EvidenceReview review;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long maxBytes;

	private final Standings standings;

	EvidenceFiles(Programs programs, ProgressRecords progress, Profiles profiles, EvidenceReview review,
			AuditTrail audit, Standings standings, JdbcClient jdbc, Clock clock, SharedProperties shared) {
		this.programs = programs;
		this.progress = progress;
		this.profiles = profiles;
		this.review = review;
		this.audit = audit;
		this.standings = standings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxBytes = shared.uploads().maxBytes();
	}

	/**
	 * A name that says Word when the content is not (a renamed file, an old format saved
	 * under a Word name): the refusal says so.
	 */
	private static boolean namedAsWord(String name) {
		String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		return lower.endsWith(".doc") || lower.endsWith(".docx");
	}

	/** A file to serve. */
	public record Download(String fileName, String mediaType, byte[] content) {
	}

	@Transactional
	public long upload(Member member, String programCode, String requirementCode, String originalName, byte[] content) {
		profiles.profile(member).orElseThrow(() -> new ProgramNotFoundException(programCode));
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
		FileType type = FileType.of(content)
			.filter(ACCEPTED::contains)
			.orElseThrow(() -> new RecordingRefusedException(
					namedAsWord(originalName) ? "pd.evidence.not-word" : "pd.evidence.type"));
		Instant now = clock.instant();
		ProgramProgress mine = progress.findByProgramAndUserRef(program.getId(), member.userId())
			.orElseGet(() -> ProgramProgress.start(program, member.userId(), now));
		if (mine.stateOf(requirementCode).evidence() == EvidenceState.VERIFIED) {
			throw new RecordingRefusedException("pd.evidence.already-verified");
		}
		RequirementState before = mine.stateOf(requirementCode);
		RequirementState after = mine.evidence(requirement, EvidenceState.SUBMITTED, now);
		progress.save(mine);
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO pd_evidence (tenant_id, user_ref, program, requirement_code, file_name, media_type, size_bytes,
						sha256, content, uploaded_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED')""")
			.params(member.tenant().value(), member.userId(), program.getId(), requirementCode,
					type.safeName(originalName), type.mediaType(), content.length, FileType.sha256(content), content,
					Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.audit(member.tenant().value(), member.userId(), program.getId(), requirementCode, member.userId(), now,
				"EVIDENCE_SUBMITTED", AuditTrail.describe(before), AuditTrail.describe(after));
		standings.refresh(member.tenant().value(), member.userId());
		return id;
	}

	/**
	 * The file, for its owner or someone who may review it; empty for anyone else (a 404,
	 * saying nothing).
	 */
	@Transactional(readOnly = true)
	public Optional<Download> download(Member viewer, long evidenceId) {
		record Row(long owner, Download file) {
		}
		return jdbc
			.sql("SELECT user_ref, file_name, media_type, content FROM pd_evidence WHERE id = ? AND tenant_id = ?")
			.params(evidenceId, viewer.tenant().value())
			.query((rs, i) -> new Row(rs.getLong(1), new Download(rs.getString(2), rs.getString(3), rs.getBytes(4))))
			.optional()
			.filter(row -> row.owner() == viewer.userId() || review.mayReview(viewer, row.owner()))
			.map(Row::file);
	}

	/**
	 * The latest evidence of each of a person's requirements in a program, with its
	 * review.
	 */
	public record Latest(long id, String fileName, String state, String comment) {
	}

	@Transactional(readOnly = true)
	public Map<String, Latest> latest(Member member, long programId) {
		Map<String, Latest> latest = new HashMap<>();
		jdbc.sql("""
				SELECT id, requirement_code, file_name, state, review_comment FROM pd_evidence
				WHERE tenant_id = ? AND user_ref = ? AND program = ? ORDER BY id""")
			.params(member.tenant().value(), member.userId(), programId)
			.query((rs, i) -> Map.entry(rs.getString(2),
					new Latest(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getString(5))))
			.list()
			.forEach(e -> latest.put(e.getKey(), e.getValue()));
		return latest;
	}

}
