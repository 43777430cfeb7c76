package org.coachroom.studygroup;

import org.coachroom.shared.FileType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Shared files in the database: listed without their bytes, read whole only to be downloaded. */
@Component
class GroupFiles {

	private final JdbcClient jdbc;

	GroupFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A shared file as a list shows it. */
	public record SharedFile(long id, String name, String contentType, long sizeBytes, Instant uploadedAt) {
	}

	/** A file to send to a browser. */
	public record Download(String name, String contentType, byte[] content) {
	}

	long add(long tenant, long groupId, String name, FileType type, byte[] content, String sha256, long by, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO study_group_file (tenant_id, study_group, name, content_type, size_bytes, sha256, content,
				uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant, groupId, name, type.mediaType(), content.length, sha256, content, by, Timestamp.from(now))
			.update(key);
		return key.getKey().longValue();
	}

	List<SharedFile> list(long groupId) {
		return jdbc.sql("""
				SELECT id, name, content_type, size_bytes, uploaded_at FROM study_group_file
				WHERE study_group = ? ORDER BY uploaded_at, id""")
			.param(groupId)
			.query((rs, i) -> new SharedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	Optional<Download> read(long groupId, long fileId) {
		return jdbc.sql("SELECT name, content_type, content FROM study_group_file WHERE study_group = ? AND id = ?")
			.params(groupId, fileId)
			.query((rs, i) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	boolean remove(long groupId, long fileId) {
		return jdbc.sql("DELETE FROM study_group_file WHERE study_group = ? AND id = ?").params(groupId, fileId).update() == 1;
	}
}
