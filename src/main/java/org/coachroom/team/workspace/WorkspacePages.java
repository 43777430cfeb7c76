package org.coachroom.team.workspace;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the workspace's pages show, for someone of the team: read models only, nothing
 * changes here.
 */
@Service
public class WorkspacePages {

	private final TeamAccess access;

	private final MembershipQueries members;

	private final Meetings meetings;

	private final ActionItems actions;

	private final ResourceSharing resources;

	private final People people;

	WorkspacePages(TeamAccess access, MembershipQueries members, Meetings meetings, ActionItems actions,
			ResourceSharing resources, People people) {
		this.access = access;
		this.members = members;
		this.meetings = meetings;
		this.actions = actions;
		this.resources = resources;
		this.people = people;
	}

	/** Everything the workspace page shows, for someone of the team. */
	public record Page(Workspace workspace, TeamRole role, List<Person> members, List<Meeting> meetings,
			List<ActionItem> actions, List<ResourceSharing.Resource> resources, Map<Long, String> names) {
	}

	/** A member of the team, by name. */
	public record Person(long userRef, String name, TeamRole role) {
	}

	@Transactional(readOnly = true)
	public Page page(Member viewer, long id) {
		Workspace workspace = access.require(viewer, id);
		List<Person> team = peopleOf(viewer, id);
		List<ActionItem> items = actions.findByWorkspaceOrderByDoneAscDueOnAscIdAsc(id);
		List<ResourceSharing.Resource> shared = resources.list(id);
		Map<Long, String> names = new HashMap<>();
		// an owner or sharer who has since left the team is still named by what they did
		Set<Long> named = new HashSet<>();
		items.stream().map(ActionItem::getOwnerRef).filter(Objects::nonNull).forEach(named::add);
		shared.forEach(r -> named.add(r.addedBy()));
		people.people(viewer.tenant(), named).forEach((ref, p) -> names.put(ref, p.displayName()));
		team.forEach(p -> names.put(p.userRef(), p.name()));
		TeamRole role = team.stream().filter(m -> m.userRef() == viewer.userId()).findFirst().orElseThrow().role();
		return new Page(workspace, role, team, meetings.findByWorkspaceOrderByHeldOnDescIdDesc(id), items, shared,
				names);
	}

	/** A meeting of the workspace, for someone of the team. */
	@Transactional(readOnly = true)
	public Meeting meeting(Member member, long id, long meetingId) {
		access.require(member, id);
		return meetings.findByIdAndWorkspace(meetingId, id).orElseThrow(() -> new WorkspaceNotFoundException(id));
	}

	/**
	 * The team by name, the facilitators first; the caller has checked the viewer is of
	 * it.
	 */
	public List<Person> peopleOf(Member viewer, long id) {
		List<TeamMember> team = this.members.of(id);
		Map<Long, People.Person> named = people.people(viewer.tenant(),
				team.stream().map(TeamMember::userRef).toList());
		return team.stream()
			.map(m -> new Person(m.userRef(),
					named.containsKey(m.userRef()) ? named.get(m.userRef()).displayName() : "?", m.role()))
			.sorted(Comparator.comparing((Person p) -> p.role() == TeamRole.FACILITATOR ? 0 : 1)
				.thenComparing(Person::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

}
