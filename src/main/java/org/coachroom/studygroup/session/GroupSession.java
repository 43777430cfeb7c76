package org.coachroom.studygroup.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.LinkLines;
import org.coachroom.studygroup.StudyGroup;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/** One meeting of a study group, with its plan and who was there. */
// the group page of the module's API (StudyGroupManagement.GroupPage) shows these: other
// modules may name them
@NamedInterface("model")
@Table("study_group_session")
public class GroupSession {

	/** What is planned for a session. */
	public record Plan(Instant startsAt, Instant endsAt, String location, String meetingUrl, String agenda,
			String reading, String prompts, List<StudyGroup.Link> resources) {

		public Plan {
			resources = resources == null ? List.of() : List.copyOf(resources);
		}
	}

	/** A member's attendance at this session, and who recorded it when. */
	@Table("study_group_attendance")
	record Attendance(long userRef, AttendanceStatus status, long recordedBy, Instant recordedAt) {
	}

	@Id
	private Long id;

	private long tenantId;

	private long studyGroup;

	private Instant startsAt;

	private Instant endsAt;

	private String location;

	private String meetingUrl;

	private String agenda;

	private String reading;

	private String prompts;

	/**
	 * Links for this session, one "Title | https://..." per line, as LinkLines writes
	 * them.
	 */
	private String resources;

	private boolean cancelled;

	@Version
	private Integer version;

	@MappedCollection(idColumn = "session_id")
	private Set<Attendance> attendance = new HashSet<>();

	GroupSession() {
	}

	static GroupSession plan(StudyGroup group, Plan plan) {
		GroupSession session = new GroupSession();
		session.tenantId = group.getTenantId();
		session.studyGroup = group.getId();
		session.replan(plan);
		return session;
	}

	void replan(Plan plan) {
		startsAt = plan.startsAt();
		endsAt = plan.endsAt();
		location = plan.location();
		meetingUrl = plan.meetingUrl();
		agenda = plan.agenda();
		reading = plan.reading();
		prompts = plan.prompts();
		resources = plan.resources().isEmpty() ? null : LinkLines.format(plan.resources());
	}

	void cancel() {
		cancelled = true;
	}

	void reinstate() {
		cancelled = false;
	}

	/** Records (or corrects) one member's attendance; null clears it. */
	void record(long userRef, AttendanceStatus status, long recordedBy, Instant now) {
		attendance.removeIf(a -> a.userRef() == userRef);
		if (status != null) {
			attendance.add(new Attendance(userRef, status, recordedBy, now));
		}
	}

	public Map<Long, AttendanceStatus> attendanceByMember() {
		Map<Long, AttendanceStatus> byMember = new HashMap<>();
		attendance.forEach(a -> byMember.put(a.userRef(), a.status()));
		return byMember;
	}

	public boolean isOverAt(Instant now) {
		return !startsAt.isAfter(now);
	}

	public CompletionRule.SessionFact factAt(Instant now) {
		return new CompletionRule.SessionFact(id, cancelled, isOverAt(now));
	}

	public Plan plan() {
		return new Plan(startsAt, endsAt, location, meetingUrl, agenda, reading, prompts, getResources());
	}

	public Long getId() {
		return id;
	}

	public long getStudyGroup() {
		return studyGroup;
	}

	public Instant getStartsAt() {
		return startsAt;
	}

	public Instant getEndsAt() {
		return endsAt;
	}

	public String getLocation() {
		return location;
	}

	public String getMeetingUrl() {
		return meetingUrl;
	}

	public String getAgenda() {
		return agenda;
	}

	public String getReading() {
		return reading;
	}

	public String getPrompts() {
		return prompts;
	}

	public List<StudyGroup.Link> getResources() {
		return resources == null ? List.of() : LinkLines.parseAll(resources);
	}

	public boolean isCancelled() {
		return cancelled;
	}

}
