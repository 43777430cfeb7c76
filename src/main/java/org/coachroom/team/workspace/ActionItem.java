package org.coachroom.team.workspace;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Something the team agreed to do: what, who owns it (a member), by when, and whether it
 * is done.
 */
@Table("team_action")
public class ActionItem {

	@Id
	private Long id;

	private long workspace;

	private Long meeting;

	private String text;

	private Long ownerRef;

	private LocalDate dueOn;

	private boolean done;

	private Instant doneAt;

	private long createdBy;

	private Instant createdAt;

	@Version
	private Integer version;

	ActionItem() {
	}

	static ActionItem agree(long workspace, Long meeting, String text, Long ownerRef, LocalDate dueOn, long by,
			Instant now) {
		ActionItem item = new ActionItem();
		item.workspace = workspace;
		item.meeting = meeting;
		item.text = text;
		item.ownerRef = ownerRef;
		item.dueOn = dueOn;
		item.createdBy = by;
		item.createdAt = now;
		return item;
	}

	void markDone(Instant now) {
		done = true;
		doneAt = now;
	}

	void reopen() {
		done = false;
		doneAt = null;
	}

	/** Open and past its due date. */
	public boolean isLate(LocalDate today) {
		return !done && dueOn != null && dueOn.isBefore(today);
	}

	public Long getId() {
		return id;
	}

	public long getWorkspace() {
		return workspace;
	}

	public Long getMeeting() {
		return meeting;
	}

	public String getText() {
		return text;
	}

	public Long getOwnerRef() {
		return ownerRef;
	}

	public LocalDate getDueOn() {
		return dueOn;
	}

	public boolean isDone() {
		return done;
	}

	public Instant getDoneAt() {
		return doneAt;
	}

}
