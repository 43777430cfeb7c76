package org.coachroom.team.workspace;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.shared.TenantId;
import org.coachroom.lti.People;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in a team, the one place the module asks. Only the team (its
 * members and facilitator) sees a workspace; to anyone else it does not exist. Whoever
 * holds a principal's or HR role, in this launch or in the team's course, is of no team;
 * a principal sees only what teams shared, per school. The facilitator alone closes and
 * shares cycles, names the school and imports the roster; whoever shared a resource, or
 * the facilitator, takes it away.
 */
@Component
public class TeamAccess {

	private final Workspaces workspaces;

	private final MembershipQueries members;

	private final WorkspaceQueries queries;

	private final People people;

	TeamAccess(Workspaces workspaces, MembershipQueries members, WorkspaceQueries queries, People people) {
		this.workspaces = workspaces;
		this.members = members;
		this.queries = queries;
		this.people = people;
	}

	/**
	 * Who may be in a course's team: its teachers and coaches, not its principals, HR or
	 * admins only.
	 */
	public static Optional<TeamRole> teamRoleOf(Set<CoachroomRole> roles) {
		if (CoachingPrivacy.evaluative(roles)) {
			return Optional.empty();
		}
		if (roles.contains(CoachroomRole.COACH)) {
			return Optional.of(TeamRole.FACILITATOR);
		}
		return roles.contains(CoachroomRole.TEACHER) ? Optional.of(TeamRole.MEMBER) : Optional.empty();
	}

	/**
	 * Whether the member coaches the course they launched from: who opens and places its
	 * workspace.
	 */
	public boolean facilitatesCourse(Member member) {
		return member.context() != null && teamRoleOf(CoachroomRole.of(member)).orElse(null) == TeamRole.FACILITATOR;
	}

	/**
	 * The workspace, if the member is of its team; otherwise it does not exist for them.
	 * Whoever holds a principal's or HR role, in this launch or in the team's course, is
	 * not of any team.
	 */
	public Workspace require(Member member, long id) {
		if (CoachingPrivacy.evaluative(member)) {
			throw new WorkspaceNotFoundException(id);
		}
		return workspaces.findByIdAndTenantId(id, member.tenant().value())
			.filter(w -> members.roleOf(id, member.userId()).isPresent())
			.filter(w -> mayBeOfTeam(member, w))
			.orElseThrow(() -> new WorkspaceNotFoundException(id));
	}

	/** The member's role in the team (the caller has checked they are of it). */
	public Optional<TeamRole> roleOf(Member member, long workspace) {
		return members.roleOf(workspace, member.userId());
	}

	/** Whether the person is of the team: who may own its action items. */
	public boolean isOfTeam(long workspace, long userRef) {
		return members.roleOf(workspace, userRef).isPresent();
	}

	/** Whether the member facilitates the team. */
	public boolean facilitates(Member member, long workspace) {
		return roleOf(member, workspace).orElse(null) == TeamRole.FACILITATOR;
	}

	/** Only the facilitator goes on: to anyone else, the workspace does not exist. */
	public void requireFacilitator(Member member, long workspace) {
		if (!facilitates(member, workspace)) {
			throw new WorkspaceNotFoundException(workspace);
		}
	}

	/** Whoever shared a resource, or the facilitator, may take it away. */
	public boolean mayRemove(Member member, long workspace, long sharedBy) {
		return sharedBy == member.userId() || facilitates(member, workspace);
	}

	/**
	 * The facilitator brings in the roster of the course the workspace is of, launched
	 * from that course.
	 */
	public void requireRosterImport(Member facilitator, Workspace workspace) {
		if (!facilitates(facilitator, workspace.getId()) || facilitator.context() == null
				|| facilitator.context().id() != workspace.getContextRef()) {
			throw new WorkspaceNotFoundException(workspace.getId());
		}
	}

	/** A school's overview and the summaries shared with it are a principal's only. */
	public void requirePrincipal(Member member) {
		if (!member.hasRole(CoachroomRole.PRINCIPAL)) {
			throw new WorkspaceNotFoundException(0);
		}
	}

	/**
	 * The workspaces a person is in, read without a launch (their calendar feed): the
	 * roles they hold in each team's course decide, as for a launch.
	 */
	public List<Workspace> visibleTo(TenantId tenant, long userRef) {
		return workspaces.findAllById(queries.workspacesOf(tenant.value(), userRef)).stream().filter(w -> {
			Set<CoachroomRole> there = CoachroomRole.of(people.rolesInCourse(tenant, w.getContextRef(), userRef));
			return there.isEmpty() || teamRoleOf(there).isPresent();
		}).toList();
	}

	/** The workspaces the member is in, by title; none for a principal or HR. */
	public List<Workspace> visibleTo(Member member) {
		if (CoachingPrivacy.evaluative(member)) {
			return List.of();
		}
		return workspaces.findAllById(queries.workspacesOf(member.tenant().value(), member.userId()))
			.stream()
			.filter(w -> mayBeOfTeam(member, w))
			.sorted(Comparator.comparing(Workspace::getTitle, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/**
	 * Whether the roles the person holds in the team's course (if they ever launched
	 * there) are a team's.
	 */
	private boolean mayBeOfTeam(Member member, Workspace workspace) {
		Set<CoachroomRole> there = CoachroomRole
			.of(people.rolesInCourse(member.tenant(), workspace.getContextRef(), member.userId()));
		return there.isEmpty() || teamRoleOf(there).isPresent();
	}

}
