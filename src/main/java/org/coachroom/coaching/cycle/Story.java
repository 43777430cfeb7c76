package org.coachroom.coaching.cycle;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A good-news story about a teacher's work, for the staff report. The coach drafts it in
 * their cycle; the teacher may reword it and approves it, and may withdraw that consent
 * at any time. Only {@code approvedWording} is ever printed, and only the teacher's
 * approval writes it.
 */
@Table("coaching_story")
public class Story {

	public enum Status {

		/** Drafted by the coach, waiting for the teacher. */
		DRAFT,
		/** The teacher consents to its approved wording in the staff report. */
		APPROVED,
		/** The teacher took their consent back. */
		WITHDRAWN

	}

	@Id
	private Long id;

	private long tenantId;

	private long cycle;

	private long coachRef;

	private long teacherRef;

	private String wording;

	private Status status;

	private String approvedWording;

	private LocalDate draftedOn;

	private Instant approvedAt;

	private Instant withdrawnAt;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer version;

	Story() {
	}

	static Story draft(CoachingCycle cycle, String wording, LocalDate today, Instant now) {
		Story story = new Story();
		story.tenantId = cycle.getTenantId();
		story.cycle = cycle.getId();
		story.coachRef = cycle.getCoachRef();
		story.teacherRef = cycle.getTeacherRef();
		story.wording = wording;
		story.status = Status.DRAFT;
		story.draftedOn = today;
		story.createdAt = now;
		story.updatedAt = now;
		return story;
	}

	/** The teacher approves the story in their wording (reworded or as it stood). */
	void approve(String teachersWording, Instant now) {
		wording = teachersWording;
		approvedWording = teachersWording;
		status = Status.APPROVED;
		approvedAt = now;
		withdrawnAt = null;
		updatedAt = now;
	}

	/** The teacher withdraws consent: nothing of it is printed from now on. */
	void withdraw(Instant now) {
		approvedWording = null;
		status = Status.WITHDRAWN;
		withdrawnAt = now;
		updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public long getCycle() {
		return cycle;
	}

	public String getWording() {
		return wording;
	}

	public Status getStatus() {
		return status;
	}

	public boolean isApproved() {
		return status == Status.APPROVED;
	}

	public String getApprovedWording() {
		return approvedWording;
	}

	public LocalDate getDraftedOn() {
		return draftedOn;
	}

	public Integer getVersion() {
		return version;
	}

}
