package org.coachroom.team.workspace;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A PLC team's workspace, one per LMS course, and the team's norms. Who is in it is kept
 * row by row ({@link MembershipQueries}); meetings and action items are aggregates of
 * their own, referencing it by id.
 */
@Table("team_workspace")
public class Workspace {

	/** Norms are a page of text at most. */
	static final int LONGEST_NORMS = 5000;

	@Id
	private Long id;

	private long tenantId;

	private long contextRef;

	private String title;

	private String norms;

	private Long normsUpdatedBy;

	private Instant normsUpdatedAt;

	private long createdBy;

	private Instant createdAt;

	@Version
	private Integer version;

	Workspace() {
	}

	void rewriteNorms(String text, long by, Instant now) {
		norms = text;
		normsUpdatedBy = by;
		normsUpdatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public long getTenantId() {
		return tenantId;
	}

	public long getContextRef() {
		return contextRef;
	}

	public String getTitle() {
		return title;
	}

	public String getNorms() {
		return norms;
	}

	public Long getNormsUpdatedBy() {
		return normsUpdatedBy;
	}

	public Integer getVersion() {
		return version;
	}

	public Instant getNormsUpdatedAt() {
		return normsUpdatedAt;
	}

}
