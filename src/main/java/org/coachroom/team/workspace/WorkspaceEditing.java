package org.coachroom.team.workspace;

import java.time.Clock;
import java.time.LocalDate;

import org.coachroom.lti.Member;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the team writes in its workspace: its norms, its meetings (agenda and notes) and
 * the actions it agrees on. A save over someone else's meanwhile is a conflict, never a
 * silent overwrite.
 */
@Service
public class WorkspaceEditing {

	private final TeamAccess access;

	private final Workspaces workspaces;

	private final Meetings meetings;

	private final ActionItems actions;

	private final Clock clock;

	WorkspaceEditing(TeamAccess access, Workspaces workspaces, Meetings meetings, ActionItems actions, Clock clock) {
		this.access = access;
		this.workspaces = workspaces;
		this.meetings = meetings;
		this.actions = actions;
		this.clock = clock;
	}

	@Transactional
	public void saveNorms(Member member, long id, String text, Integer version) {
		Workspace workspace = access.require(member, id);
		if (text == null) {
			throw new TeamInputException("team.norms.missing");
		}
		if (version == null || !version.equals(workspace.getVersion())) {
			throw new EditConflictException("Norms of workspace " + id, "team.norms.conflict");
		}
		String clean = text.strip();
		if (clean.length() > Workspace.LONGEST_NORMS) {
			throw new TeamInputException("team.norms.too-long");
		}
		workspace.rewriteNorms(clean.isEmpty() ? null : clean, member.userId(), clock.instant());
		try {
			workspaces.save(workspace);
		}
		catch (OptimisticLockingFailureException e) {
			throw new EditConflictException("Norms of workspace " + id, "team.norms.conflict");
		}
	}

	@Transactional
	public Meeting planMeeting(Member member, long id, Meeting.MeetingDetails details) {
		Workspace workspace = access.require(member, id);
		return meetings.save(Meeting.plan(workspace.getId(), details, member.userId(), clock.instant()));
	}

	@Transactional
	public void reviseMeeting(Member member, long id, long meetingId, Meeting.MeetingDetails details, Integer version) {
		access.require(member, id);
		Meeting meeting = meetings.findByIdAndWorkspace(meetingId, id)
			.orElseThrow(() -> new WorkspaceNotFoundException(id));
		if (version == null || !version.equals(meeting.getVersion())) {
			throw new EditConflictException("Meeting " + meetingId, "team.meeting.conflict");
		}
		meeting.revise(details, member.userId(), clock.instant());
		try {
			meetings.save(meeting);
		}
		catch (OptimisticLockingFailureException e) {
			throw new EditConflictException("Meeting " + meetingId, "team.meeting.conflict");
		}
	}

	/** The team agrees on an action: its owner must be someone of the team. */
	@Transactional
	public ActionItem agree(Member member, long id, Long meetingId, String text, Long ownerRef, LocalDate dueOn) {
		Workspace workspace = access.require(member, id);
		if (ownerRef != null && !access.isOfTeam(workspace.getId(), ownerRef)) {
			throw new TeamInputException("team.action.owner");
		}
		if (meetingId != null && meetings.findByIdAndWorkspace(meetingId, id).isEmpty()) {
			throw new WorkspaceNotFoundException(id);
		}
		return actions.save(ActionItem.agree(id, meetingId, text, ownerRef, dueOn, member.userId(), clock.instant()));
	}

	@Transactional
	public void markAction(Member member, long id, long actionId, boolean done) {
		access.require(member, id);
		ActionItem item = actions.findByIdAndWorkspace(actionId, id)
			.orElseThrow(() -> new WorkspaceNotFoundException(id));
		if (done) {
			item.markDone(clock.instant());
		}
		else {
			item.reopen();
		}
		try {
			actions.save(item);
		}
		catch (OptimisticLockingFailureException e) {
			throw new EditConflictException("Action " + actionId, "team.action.conflict");
		}
	}

}
