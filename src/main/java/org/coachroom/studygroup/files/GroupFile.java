package org.coachroom.studygroup.files;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A file a facilitator shared with a group, kept in the database outside any web root.
 */
@Table("study_group_file")
class GroupFile {

	@Id
	private Long id;

	private long tenantId;

	private long studyGroup;

	private String name;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	/** Null when read for a list: only a download reads the bytes. */
	private byte[] content;

	private long uploadedBy;

	private Instant uploadedAt;

	GroupFile() {
	}

	static GroupFile shared(long tenantId, long studyGroup, String name, String contentType, byte[] content,
			String sha256, long by, Instant now) {
		GroupFile file = new GroupFile();
		file.tenantId = tenantId;
		file.studyGroup = studyGroup;
		file.name = name;
		file.contentType = contentType;
		file.sizeBytes = content.length;
		file.sha256 = sha256;
		file.content = content;
		file.uploadedBy = by;
		file.uploadedAt = now;
		return file;
	}

	Long getId() {
		return id;
	}

	long getStudyGroup() {
		return studyGroup;
	}

	FileSharing.SharedFile listed() {
		return new FileSharing.SharedFile(id, name, contentType, sizeBytes, uploadedAt);
	}

	FileSharing.Download download() {
		return new FileSharing.Download(name, contentType, content);
	}

}
