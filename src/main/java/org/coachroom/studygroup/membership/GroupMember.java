package org.coachroom.studygroup.membership;

import java.math.BigDecimal;
import java.time.Instant;

import org.coachroom.studygroup.StudyGroup;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/** A person's membership of a study group, and their completion once they have it. */
// the group page of the module's API (StudyGroupManagement.GroupPage) shows these: other
// modules may name them
@NamedInterface("model")
@Table("study_group_member")
public class GroupMember {

	/** How the person came into the group. */
	public enum Source {

		MANUAL, ROSTER, JOINED

	}

	@Id
	private Long id;

	private long tenantId;

	private long studyGroup;

	private long userRef;

	private Source source;

	private String lmsRole;

	private Instant joinedAt;

	private Instant leftCourseAt;

	private Instant completedAt;

	private Long completedBy;

	private String completionReason;

	private BigDecimal creditHours;

	private Instant withdrawnAt;

	private Long withdrawnBy;

	private String withdrawalReason;

	@Version
	private Integer version;

	GroupMember() {
	}

	static GroupMember join(StudyGroup group, long userRef, Source source, String lmsRole, Instant now) {
		GroupMember member = new GroupMember();
		member.tenantId = group.getTenantId();
		member.studyGroup = group.getId();
		member.userRef = userRef;
		member.source = source;
		member.lmsRole = lmsRole;
		member.joinedAt = now;
		return member;
	}

	/**
	 * The rule saw the member finish. Returns whether this is news. A completion a
	 * facilitator withdrew is not given back by the rule: only a facilitator can mark it
	 * again.
	 */
	public boolean completeByRule(BigDecimal credit, Instant now) {
		if (completedAt != null || withdrawnAt != null) {
			return false;
		}
		completedAt = now;
		creditHours = credit;
		completionReason = null;
		completedBy = null;
		return true;
	}

	/**
	 * A facilitator marks completion the rule cannot see (a make-up session, say), with
	 * the reason.
	 */
	public boolean completeByHand(long facilitator, String reason, BigDecimal credit, Instant now) {
		if (completedAt != null) {
			return false;
		}
		completedAt = now;
		completedBy = facilitator;
		completionReason = reason;
		creditHours = credit;
		withdrawnAt = null;
		withdrawnBy = null;
		withdrawalReason = null;
		return true;
	}

	/**
	 * A facilitator takes back a completion (marked for the wrong person, say), with the
	 * reason: the credit no longer counts. Returns whether there was a completion to
	 * withdraw.
	 */
	public boolean withdrawCompletion(long facilitator, String reason, Instant now) {
		if (completedAt == null) {
			return false;
		}
		completedAt = null;
		completedBy = null;
		completionReason = null;
		creditHours = null;
		withdrawnAt = now;
		withdrawnBy = facilitator;
		withdrawalReason = reason;
		return true;
	}

	/**
	 * The roster import no longer finds the person in the course: flagged, never deleted.
	 */
	void leftCourse(Instant now) {
		if (leftCourseAt == null) {
			leftCourseAt = now;
		}
	}

	void backInCourse() {
		leftCourseAt = null;
	}

	public boolean isComplete() {
		return completedAt != null;
	}

	public boolean isWithdrawn() {
		return withdrawnAt != null;
	}

	public boolean hasLeftCourse() {
		return leftCourseAt != null;
	}

	public Long getId() {
		return id;
	}

	public long getStudyGroup() {
		return studyGroup;
	}

	public long getUserRef() {
		return userRef;
	}

	public Source getSource() {
		return source;
	}

	public String getLmsRole() {
		return lmsRole;
	}

	public Instant getJoinedAt() {
		return joinedAt;
	}

	public Instant getLeftCourseAt() {
		return leftCourseAt;
	}

	public Instant getCompletedAt() {
		return completedAt;
	}

	public Long getCompletedBy() {
		return completedBy;
	}

	public String getCompletionReason() {
		return completionReason;
	}

	public BigDecimal getCreditHours() {
		return creditHours;
	}

	public Instant getWithdrawnAt() {
		return withdrawnAt;
	}

	public Long getWithdrawnBy() {
		return withdrawnBy;
	}

	public String getWithdrawalReason() {
		return withdrawalReason;
	}

}
