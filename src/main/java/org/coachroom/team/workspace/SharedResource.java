package org.coachroom.team.workspace;

import java.time.Instant;

import org.coachroom.shared.FileType;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A link or file someone of the team shared: written once, then only listed, downloaded
 * or taken away.
 */
@Table("team_resource")
public class SharedResource {

	@Id
	private Long id;

	private long workspace;

	private String kind;

	private String title;

	private String url;

	private String contentType;

	private Long sizeBytes;

	private String sha256;

	/** The file's bytes; never read when resources are listed. */
	private byte[] content;

	private long addedBy;

	private Instant addedAt;

	SharedResource() {
	}

	static SharedResource link(long workspace, String title, String url, long by, Instant now) {
		SharedResource r = new SharedResource();
		r.workspace = workspace;
		r.kind = "LINK";
		r.title = title;
		r.url = url;
		r.addedBy = by;
		r.addedAt = now;
		return r;
	}

	static SharedResource file(long workspace, String name, FileType type, byte[] content, long by, Instant now) {
		SharedResource r = new SharedResource();
		r.workspace = workspace;
		r.kind = "FILE";
		r.title = name;
		r.contentType = type.mediaType();
		r.sizeBytes = (long) content.length;
		r.sha256 = FileType.sha256(content);
		r.content = content;
		r.addedBy = by;
		r.addedAt = now;
		return r;
	}

	Long getId() {
		return id;
	}

	String getKind() {
		return kind;
	}

	String getTitle() {
		return title;
	}

	String getUrl() {
		return url;
	}

	String getContentType() {
		return contentType;
	}

	Long getSizeBytes() {
		return sizeBytes;
	}

	byte[] getContent() {
		return content;
	}

	long getAddedBy() {
		return addedBy;
	}

	Instant getAddedAt() {
		return addedAt;
	}

}
