package org.coachroom.team.workspace;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A team meeting: when, what it is about, the shared agenda beforehand and the notes
 * after.
 */
@Table("team_meeting")
public class Meeting {

	@Id
	private Long id;

	private long workspace;

	private LocalDate heldOn;

	private String title;

	private Integer minutes;

	private String agenda;

	private String notes;

	private long updatedBy;

	private Instant updatedAt;

	@Version
	private Integer version;

	Meeting() {
	}

	static Meeting plan(long workspace, MeetingDetails details, long by, Instant now) {
		Meeting meeting = new Meeting();
		meeting.workspace = workspace;
		meeting.revise(details, by, now);
		return meeting;
	}

	/** Date, title, agenda and notes as the team last wrote them. */
	void revise(MeetingDetails details, long by, Instant now) {
		heldOn = details.heldOn();
		title = details.title();
		minutes = details.minutes();
		agenda = details.agenda();
		notes = details.notes();
		updatedBy = by;
		updatedAt = now;
	}

	/** What a team writes about a meeting. */
	public record MeetingDetails(LocalDate heldOn, String title, Integer minutes, String agenda, String notes) {
	}

	public Long getId() {
		return id;
	}

	public long getWorkspace() {
		return workspace;
	}

	public LocalDate getHeldOn() {
		return heldOn;
	}

	public String getTitle() {
		return title;
	}

	/** How long it lasts, in minutes, when the team said. */
	public Integer getMinutes() {
		return minutes;
	}

	public String getAgenda() {
		return agenda;
	}

	public String getNotes() {
		return notes;
	}

	public long getUpdatedBy() {
		return updatedBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Integer getVersion() {
		return version;
	}

}
