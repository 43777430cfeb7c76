package org.coachroom.team;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A PLC team's workspace, one per LMS course: who is in it (members and the facilitator) and the
 * team's norms. Meetings and action items are aggregates of their own, referencing it by id.
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

	@MappedCollection(idColumn = "workspace")
	private Set<TeamMember> members = new HashSet<>();

	@Version
	private Integer version;

	Workspace() {
	}

	/** The coach opens the team's workspace for its course, and facilitates it. */
	static Workspace open(long tenantId, long contextRef, String title, long facilitator, Instant now) {
		Workspace workspace = new Workspace();
		workspace.tenantId = tenantId;
		workspace.contextRef = contextRef;
		workspace.title = title;
		workspace.createdBy = facilitator;
		workspace.createdAt = now;
		workspace.members.add(new TeamMember(facilitator, TeamRole.FACILITATOR, now));
		return workspace;
	}

	/**
	 * Someone of the course joins: a coach of the course facilitates, anyone else is a member. A
	 * member who later coaches the course becomes a facilitator; a facilitator stays one.
	 * Returns whether anything changed.
	 */
	boolean join(long userRef, TeamRole role, Instant now) {
		Optional<TeamMember> present = memberOf(userRef);
		if (present.isPresent() && (present.get().role() == TeamRole.FACILITATOR || role == TeamRole.MEMBER)) {
			return false;
		}
		members.removeIf(m -> m.userRef() == userRef);
		members.add(new TeamMember(userRef, role, present.map(TeamMember::joinedAt).orElse(now)));
		return true;
	}

	void rewriteNorms(String text, long by, Instant now) {
		norms = text;
		normsUpdatedBy = by;
		normsUpdatedAt = now;
	}

	Optional<TeamMember> memberOf(long userRef) {
		return members.stream().filter(m -> m.userRef() == userRef).findFirst();
	}

	public Optional<TeamRole> roleOf(long userRef) {
		return memberOf(userRef).map(TeamMember::role);
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

	public Instant getNormsUpdatedAt() {
		return normsUpdatedAt;
	}

	public Set<TeamMember> getMembers() {
		return Set.copyOf(members);
	}
}
