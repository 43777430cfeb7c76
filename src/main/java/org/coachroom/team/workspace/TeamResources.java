package org.coachroom.team.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.coachroom.shared.FileType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A team's shared links and files, in the database: listed without their bytes, read whole only to be downloaded. */
@Component
public class TeamResources {

	private final JdbcClient jdbc;

	TeamResources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A shared link or file as the list shows it. */
	public record Resource(long id, String kind, String title, String url, String contentType, Long sizeBytes,
			long addedBy, Instant addedAt) {

		public boolean isFile() {
			return "FILE".equals(kind);
		}
	}

	/** A file to send to a browser. */
	public record Download(String name, String contentType, byte[] content) {
	}

	void addLink(long workspace, String title, String url, long by, Instant now) {
		jdbc.sql("INSERT INTO team_resource (workspace, kind, title, url, added_by, added_at) VALUES (?, 'LINK', ?, ?, ?, ?)")
			.params(workspace, title, url, by, Timestamp.from(now))
			.update();
	}

	void addFile(long workspace, String name, FileType type, byte[] content, String sha256, long by, Instant now) {
		jdbc.sql("""
				INSERT INTO team_resource (workspace, kind, title, content_type, size_bytes, sha256, content, added_by, added_at)
				VALUES (?, 'FILE', ?, ?, ?, ?, ?, ?, ?)""")
			.params(workspace, name, type.mediaType(), content.length, sha256, content, by, Timestamp.from(now))
			.update();
	}

	List<Resource> list(long workspace) {
		return jdbc.sql("""
				SELECT id, kind, title, url, content_type, size_bytes, added_by, added_at FROM team_resource
				WHERE workspace = ? ORDER BY added_at DESC, id DESC""")
			.param(workspace)
			.query((rs, i) -> new Resource(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					(Long) rs.getObject(6, Long.class), rs.getLong(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	Optional<Download> read(long workspace, long id) {
		return jdbc.sql("SELECT title, content_type, content FROM team_resource WHERE workspace = ? AND id = ? AND kind = 'FILE'")
			.params(workspace, id)
			.query((rs, i) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	Optional<Long> addedBy(long workspace, long id) {
		return jdbc.sql("SELECT added_by FROM team_resource WHERE workspace = ? AND id = ?")
			.params(workspace, id)
			.query(Long.class)
			.optional();
	}

	void remove(long workspace, long id) {
		jdbc.sql("DELETE FROM team_resource WHERE workspace = ? AND id = ?").params(workspace, id).update();
	}
}
