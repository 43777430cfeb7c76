package org.coachroom.studygroup.reflection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.coachroom.studygroup.StudyGroup;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/**
 * What a member wrote after a session, or at the end (final). Private to the member and
 * the group's facilitators, who may reply; never shown to principals or HR.
 */
// the group page of the module's API (StudyGroupManagement.GroupPage) shows these: other
// modules may name them
@NamedInterface("model")
@Table("study_group_reflection")
public class Reflection {

	/** A facilitator's reply. */
	@Table("study_group_reflection_reply")
	public record Reply(long authorRef, String body, Instant createdAt) {
	}

	@Id
	private Long id;

	private long tenantId;

	private long studyGroup;

	private Long sessionId;

	private long userRef;

	private boolean finalReflection;

	private String body;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer version;

	@MappedCollection(idColumn = "reflection", keyColumn = "position")
	private List<Reply> replies = new ArrayList<>();

	Reflection() {
	}

	static Reflection write(StudyGroup group, Long sessionId, long userRef, boolean finalReflection, String body,
			Instant now) {
		Reflection r = new Reflection();
		r.tenantId = group.getTenantId();
		r.studyGroup = group.getId();
		r.sessionId = sessionId;
		r.userRef = userRef;
		r.finalReflection = finalReflection;
		r.body = body;
		r.createdAt = now;
		r.updatedAt = now;
		return r;
	}

	void rewrite(String newBody, Instant now) {
		body = newBody;
		updatedAt = now;
	}

	void reply(long facilitator, String text, Instant now) {
		replies.add(new Reply(facilitator, text, now));
	}

	public Long getId() {
		return id;
	}

	public long getStudyGroup() {
		return studyGroup;
	}

	public Long getSessionId() {
		return sessionId;
	}

	public long getUserRef() {
		return userRef;
	}

	public boolean isFinalReflection() {
		return finalReflection;
	}

	public String getBody() {
		return body;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public List<Reply> getReplies() {
		return List.copyOf(replies);
	}

}
