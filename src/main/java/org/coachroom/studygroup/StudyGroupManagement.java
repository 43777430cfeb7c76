package org.coachroom.studygroup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.studygroup.completion.Completions;
import org.coachroom.studygroup.group.GroupAccess;
import org.coachroom.studygroup.group.GroupEditing;
import org.coachroom.studygroup.group.GroupPages;
import org.coachroom.studygroup.membership.GroupMember;
import org.coachroom.studygroup.membership.Membership;
import org.coachroom.studygroup.placement.Placements;
import org.coachroom.studygroup.reflection.Reflection;
import org.coachroom.studygroup.session.AttendanceStatus;
import org.coachroom.studygroup.session.GroupSession;
import org.coachroom.studygroup.session.SessionPlanning;
import org.springframework.stereotype.Service;

/**
 * The study group module's API for other modules (and their tests): what a person's
 * groups are, what a group page shows, and the few actions others drive. Each call goes
 * to the part of the module that owns it ({@code group}, {@code session},
 * {@code membership}, {@code completion}, {@code placement}), checked there against the
 * one access policy, {@link GroupAccess}.
 */
@Service
public class StudyGroupManagement {

	private final GroupAccess access;

	private final GroupPages pages;

	private final GroupEditing editing;

	private final SessionPlanning sessions;

	private final Membership membership;

	private final Completions completions;

	private final Placements placements;

	StudyGroupManagement(GroupAccess access, GroupPages pages, GroupEditing editing, SessionPlanning sessions,
			Membership membership, Completions completions, Placements placements) {
		this.access = access;
		this.pages = pages;
		this.editing = editing;
		this.sessions = sessions;
		this.membership = membership;
		this.completions = completions;
		this.placements = placements;
	}

	/** How much of a group a person may see and do. */
	public enum Access {

		NONE, OPEN_TO_JOIN, MEMBER, MANAGER;

		public boolean atLeast(Access other) {
			return compareTo(other) >= 0;
		}

	}

	/**
	 * The groups a person's study group page lists; none for a principal or HR
	 * ({@code evaluative}), whose page says why.
	 */
	public record Overview(boolean evaluative, boolean canCreate, List<GroupSummary> managed, List<GroupSummary> joined,
			List<GroupSummary> open) {
	}

	/** A member's row on the group page: who, how far, and how they finished. */
	public record MemberProgress(GroupMember membership, People.Person person, CompletionRule.Progress progress,
			boolean finalReflection) {
	}

	/** Everything the group page shows, cut to what the viewer may see. */
	public record GroupPage(StudyGroup group, Access access, List<GroupSession> sessions, GroupSession nextSession,
			List<MemberProgress> members, MemberProgress mine, List<Reflection> myReflections,
			Map<Long, People.Person> facilitators) {
	}

	/** The custom parameter a placed link carries, naming its group. */
	public static final String PLACEMENT_PARAMETER = "study_group";

	public Access accessOf(Member viewer, StudyGroup group) {
		return access.accessOf(viewer, group);
	}

	/** A coach creates groups in the course they launched from. */
	public boolean canCreate(Member viewer) {
		return access.canCreate(viewer);
	}

	/**
	 * The group, if the viewer may at least see it; otherwise nothing, as if it did not
	 * exist.
	 */
	public Optional<StudyGroup> visible(Member viewer, long groupId, Access needed) {
		return access.visible(viewer, groupId, needed);
	}

	public Overview overview(Member viewer) {
		return pages.overview(viewer);
	}

	public Optional<GroupPage> page(Member viewer, long groupId) {
		return pages.page(viewer, groupId);
	}

	public StudyGroup create(Member coach, StudyGroup.Details details, CompletionRule rule) {
		return editing.create(coach, details, rule);
	}

	/**
	 * Adds people of the group's course; anyone else (another course, another tenant) is
	 * refused.
	 */
	public int addMembers(Member coach, long groupId, List<Long> userRefs) {
		return membership.addMembers(coach, groupId, userRefs);
	}

	public GroupSession planSession(Member coach, long groupId, GroupSession.Plan plan) {
		return sessions.planSession(coach, groupId, plan);
	}

	/**
	 * Records attendance for one session; members not in the map are left as they were.
	 */
	public void recordAttendance(Member coach, long groupId, long sessionId, Map<Long, AttendanceStatus> marks) {
		sessions.recordAttendance(coach, groupId, sessionId, marks);
	}

	public void completeByHand(Member coach, long groupId, long userRef, String reason) {
		completions.completeByHand(coach, groupId, userRef, reason);
	}

	/** Takes back a member's completion; the gradebook clears the score it sent. */
	public void withdrawCompletion(Member coach, long groupId, long userRef, String reason) {
		completions.withdrawCompletion(coach, groupId, userRef, reason);
	}

	/**
	 * Remembers that a launch of an LMS resource link opened this group, so completions
	 * reach its column.
	 */
	public void recordPlacement(Member viewer, StudyGroup group) {
		placements.recordPlacement(viewer, group);
	}

}
