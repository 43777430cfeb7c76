package org.coachroom.studygroup.files;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.shared.FileType;
import org.coachroom.shared.SharedProperties;
import org.coachroom.studygroup.FileRejectedException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.group.GroupAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Files a facilitator shares with the group's members. */
@Service
public class FileSharing {

	private final GroupAccess access;

	private final GroupFiles files;

	private final Clock clock;

	private final long maxFileBytes;

	FileSharing(GroupAccess access, GroupFiles files, Clock clock, SharedProperties shared) {
		this.access = access;
		this.files = files;
		this.clock = clock;
		this.maxFileBytes = shared.uploads().maxBytes();
	}

	/** A shared file as a list shows it. */
	public record SharedFile(long id, String name, String contentType, long sizeBytes, Instant uploadedAt) {
	}

	/** A file to send to a browser. */
	public record Download(String name, String contentType, byte[] content) {
	}

	@Transactional(readOnly = true)
	public List<SharedFile> files(Member viewer, long groupId) {
		access.require(viewer, groupId, Access.MEMBER);
		return files.listedIn(groupId).stream().map(GroupFile::listed).toList();
	}

	/**
	 * Keeps a file for the group's members, after checking its size and, by its content,
	 * its kind. The name is cleaned of paths and control characters and ends with the
	 * extension of its kind.
	 */
	@Transactional
	public long shareFile(Member coach, long groupId, String originalName, byte[] content) {
		StudyGroup group = access.requireManageable(coach, groupId);
		if (content == null || content.length == 0) {
			throw new FileRejectedException(FileRejectedException.Reason.EMPTY);
		}
		if (content.length > maxFileBytes) {
			throw new FileRejectedException(FileRejectedException.Reason.TOO_LARGE);
		}
		FileType type = FileType.of(content)
			.orElseThrow(() -> new FileRejectedException(FileRejectedException.Reason.TYPE));
		return files.save(GroupFile.shared(group.getTenantId(), groupId, type.safeName(originalName), type.mediaType(),
				content, FileType.sha256(content), coach.userId(), clock.instant()))
			.getId();
	}

	@Transactional(readOnly = true)
	public Optional<Download> download(Member viewer, long groupId, long fileId) {
		return access.visible(viewer, groupId, Access.MEMBER)
			.flatMap(g -> files.findById(fileId))
			.filter(f -> f.getStudyGroup() == groupId)
			.map(GroupFile::download);
	}

	@Transactional
	public void removeFile(Member coach, long groupId, long fileId) {
		access.requireManageable(coach, groupId);
		files.removeFrom(groupId, fileId);
	}

	public long maxFileBytes() {
		return maxFileBytes;
	}

}
