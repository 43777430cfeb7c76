package org.coachroom.team;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.lti.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team workspaces module's API: a coach opens the workspace of the course they launched from,
 * the people of the course join it as they arrive (or from the LMS roster), and the team keeps its
 * norms, meetings and action items there. Only the team (members and facilitator) sees any of it;
 * to anyone else a workspace does not exist.
 */
@Service
public class TeamWorkspaces {

	private static final Logger log = LoggerFactory.getLogger(TeamWorkspaces.class);

	private final Workspaces workspaces;

	private final Meetings meetings;

	private final ActionItems actions;

	private final People people;

	private final Rosters rosters;

	private final Clock clock;

	private final ZoneId zone;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final TeamResources resources;

	private final TeamMembers members;

	private final long maxFileBytes;

	private final TeamPlacements placements;

	TeamWorkspaces(Workspaces workspaces, Meetings meetings, ActionItems actions, People people, Rosters rosters,
			TeamResources resources, TeamMembers members, TeamPlacements placements,
			org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock,
			@Value("${coachroom.time-zone:}") String timeZone,
			@Value("${coachroom.uploads.max-bytes:10485760}") long maxFileBytes) {
		this.jdbc = jdbc;
		this.placements = placements;
		this.resources = resources;
		this.members = members;
		this.maxFileBytes = maxFileBytes;
		this.workspaces = workspaces;
		this.meetings = meetings;
		this.actions = actions;
		this.people = people;
		this.rosters = rosters;
		this.clock = clock;
		this.zone = timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	public ZoneId zone() {
		return zone;
	}

	/** Who may be in a course's team: its teachers and coaches, not its principals, HR or admins only. */
	private static Optional<TeamRole> teamRoleOf(java.util.Set<CoachroomRole> roles) {
		if (roles.contains(CoachroomRole.PRINCIPAL) || roles.contains(CoachroomRole.HR)) {
			return Optional.empty();
		}
		if (roles.contains(CoachroomRole.COACH)) {
			return Optional.of(TeamRole.FACILITATOR);
		}
		return roles.contains(CoachroomRole.TEACHER) ? Optional.of(TeamRole.MEMBER) : Optional.empty();
	}

	/** What the member finds at /team: the workspace of their course, or whether they may open one. */
	public record Arrival(Optional<Workspace> workspace, boolean mayOpen, boolean teamOnly, String courseTitle) {
	}

	/**
	 * The member arrives at their course's team workspace: joining it if they belong to the team, so
	 * that launching is all it takes to be in.
	 */
	@Transactional
	public Arrival arrive(Member member) {
		if (member.context() == null) {
			return new Arrival(Optional.empty(), false, false, null);
		}
		Optional<TeamRole> role = teamRoleOf(member.roles());
		Optional<Workspace> found = workspaces.findByTenantIdAndContextRef(member.tenant().value(), member.context().id());
		if (found.isPresent() && role.isPresent()) {
			members.join(found.get().getId(), member.userId(), role.get(), clock.instant());
		}
		if (found.isPresent() && role.isEmpty() && members.leave(found.get().getId(), member.userId()) > 0) {
			// someone of the team now launches here as a principal or HR: they are no longer of it, anywhere
			log.info("Team workspace {}: {} left the team, now launching as {}", found.get().getId(), member.subject(),
					member.roles());
		}
		// someone who launches as a principal or HR now sees no content, whatever they were before
		Optional<Workspace> visible = found.filter(w -> role.isPresent());
		visible.ifPresent(w -> placements.recordLaunch(member, w, clock.instant()));
		// a principal may know a team has a workspace (never what is in it)
		return new Arrival(visible, found.isEmpty() && role.orElse(null) == TeamRole.FACILITATOR,
				found.isPresent() && visible.isEmpty(), member.context().displayName());
	}

	/** The coach opens the team's workspace for the course they launched from. */
	@Transactional
	public Workspace open(Member coach, String title) {
		if (coach.context() == null || teamRoleOf(coach.roles()).orElse(null) != TeamRole.FACILITATOR) {
			throw new WorkspaceNotFoundException(0);
		}
		Optional<Workspace> existing = workspaces.findByTenantIdAndContextRef(coach.tenant().value(), coach.context().id());
		if (existing.isEmpty()) {
			String clean = title == null ? "" : title.strip();
			if (clean.isEmpty() || clean.length() > 200) {
				throw new TeamInputException("team.open.title");
			}
			// one statement that a second coach opening at the same moment cannot make fail: theirs wins
			int opened = jdbc.sql("""
					INSERT IGNORE INTO team_workspace (tenant_id, context_ref, title, created_by, created_at, version)
					VALUES (?, ?, ?, ?, ?, 0)""")
				.params(coach.tenant().value(), coach.context().id(), clean, coach.userId(),
						java.sql.Timestamp.from(clock.instant()))
				.update();
			if (opened == 1) {
				log.info("Team workspace opened by {} in {}", coach.subject(), coach.context().contextId());
			}
		}
		Workspace workspace = workspaces.findByTenantIdAndContextRef(coach.tenant().value(), coach.context().id())
			.orElseThrow();
		members.join(workspace.getId(), coach.userId(), TeamRole.FACILITATOR, clock.instant());
		return workspace;
	}

	/** Whether the member can place the team workspace of the course they are choosing content for. */
	public boolean mayPlace(Member member) {
		return member.context() != null && teamRoleOf(member.roles()).orElse(null) == TeamRole.FACILITATOR;
	}

	/**
	 * The deep linking content item for the course's team workspace (opened now if it was not): a link
	 * that opens it, with a gradebook column for the team's closed learning cycles.
	 */
	@Transactional
	public org.coachroom.lti.DeepLinking.ResourceLink contentItem(Member coach) {
		if (!mayPlace(coach)) {
			throw new WorkspaceNotFoundException(0);
		}
		Workspace workspace = open(coach, coach.context().displayName());
		log.info("Team workspace {} placed by {} in {}", workspace.getId(), coach.subject(), coach.context().contextId());
		// Moodle launches every link at the tool's launch URL: the custom parameter names the page to open
		return new org.coachroom.lti.DeepLinking.ResourceLink(workspace.getTitle(), null, null,
				Map.of("coachroom_page", "/team"), new org.coachroom.lti.DeepLinking.LineItem(new java.math.BigDecimal(100),
						workspace.getTitle(), "team-workspace-" + workspace.getId(), "coachroom-team-cycle"));
	}

	/** Everything the workspace page shows, for someone of the team. */
	public record Page(Workspace workspace, TeamRole role, List<Person> members, List<Meeting> meetings,
			List<ActionItem> actions, List<TeamResources.Resource> resources, Map<Long, String> names) {
	}

	/** A member of the team, by name. */
	public record Person(long userRef, String name, TeamRole role) {
	}

	@Transactional(readOnly = true)
	public Page page(Member viewer, long id) {
		Workspace workspace = require(viewer, id);
		List<Person> members = peopleOf(viewer, id);
		List<ActionItem> items = actions.findByWorkspaceOrderByDoneAscDueOnAscIdAsc(id);
		List<TeamResources.Resource> shared = resources.list(id);
		Map<Long, String> names = new java.util.HashMap<>();
		// an owner or sharer who has since left the team is still named by what they did
		java.util.Set<Long> named = new java.util.HashSet<>();
		items.stream().map(ActionItem::getOwnerRef).filter(java.util.Objects::nonNull).forEach(named::add);
		shared.forEach(r -> named.add(r.addedBy()));
		people.people(viewer.tenant(), named).forEach((ref, p) -> names.put(ref, p.displayName()));
		members.forEach(p -> names.put(p.userRef(), p.name()));
		TeamRole role = members.stream().filter(m -> m.userRef() == viewer.userId()).findFirst().orElseThrow().role();
		return new Page(workspace, role, members, meetings.findByWorkspaceOrderByHeldOnDescIdDesc(id), items, shared,
				names);
	}

	/** The team by name, the facilitators first; the caller has checked the viewer is of it. */
	List<Person> peopleOf(Member viewer, long id) {
		List<TeamMember> team = this.members.of(id);
		Map<Long, People.Person> named = people.people(viewer.tenant(), team.stream().map(TeamMember::userRef).toList());
		return team
			.stream()
			.map(m -> new Person(m.userRef(), named.containsKey(m.userRef()) ? named.get(m.userRef()).displayName() : "?",
					m.role()))
			.sorted(Comparator.comparing((Person p) -> p.role() == TeamRole.FACILITATOR ? 0 : 1)
				.thenComparing(Person::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	@Transactional
	public void saveNorms(Member member, long id, String text, Integer version) {
		Workspace workspace = require(member, id);
		if (text == null) {
			throw new TeamInputException("team.norms.missing");
		}
		if (version == null || !version.equals(workspace.getVersion())) {
			throw new EditConflictException("Norms of workspace " + id, "team.norms.conflict");
		}
		String clean = text == null ? "" : text.strip();
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
		Workspace workspace = require(member, id);
		return meetings.save(Meeting.plan(workspace.getId(), details, member.userId(), clock.instant()));
	}

	/** A meeting of the workspace, for someone of the team. */
	@Transactional(readOnly = true)
	public Meeting meeting(Member member, long id, long meetingId) {
		require(member, id);
		return meetings.findByIdAndWorkspace(meetingId, id).orElseThrow(() -> new WorkspaceNotFoundException(id));
	}

	/** Thrown when someone else saved the same thing since the page was opened. */
	public static class EditConflictException extends RuntimeException {

		private final String reason;

		EditConflictException(String what, String reason) {
			super(what + " changed meanwhile");
			this.reason = reason;
		}

		/** The key of the sentence that tells the person. */
		public String reason() {
			return reason;
		}
	}

	@Transactional
	public void reviseMeeting(Member member, long id, long meetingId, Meeting.MeetingDetails details, Integer version) {
		Meeting meeting = meeting(member, id, meetingId);
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
		Workspace workspace = require(member, id);
		if (ownerRef != null && members.roleOf(workspace.getId(), ownerRef).isEmpty()) {
			throw new TeamInputException("team.action.owner");
		}
		if (meetingId != null && meetings.findByIdAndWorkspace(meetingId, id).isEmpty()) {
			throw new WorkspaceNotFoundException(id);
		}
		return actions.save(ActionItem.agree(id, meetingId, text, ownerRef, dueOn, member.userId(), clock.instant()));
	}

	@Transactional
	public void markAction(Member member, long id, long actionId, boolean done) {
		require(member, id);
		ActionItem item = actions.findByIdAndWorkspace(actionId, id).orElseThrow(() -> new WorkspaceNotFoundException(id));
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

	private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"]{1,1990}");

	/** Someone of the team shares a link: a title and a web address (http or https only). */
	@Transactional
	public void shareLink(Member member, long id, String title, String url) {
		require(member, id);
		String cleanUrl = url == null ? "" : url.strip();
		if (!LINK.matcher(cleanUrl).matches()) {
			throw new TeamInputException("team.resource.url");
		}
		String cleanTitle = title == null || title.isBlank() ? cleanUrl : title.strip();
		if (cleanTitle.length() > 300) {
			throw new TeamInputException("team.resource.title");
		}
		resources.addLink(id, cleanTitle, cleanUrl, member.userId(), clock.instant());
	}

	/**
	 * Someone of the team shares a file, after the study groups' checks: not empty, not too large,
	 * and by its content a document or image; its name cleaned and ending with its kind's extension.
	 */
	@Transactional
	public void shareFile(Member member, long id, String originalName, byte[] content) {
		require(member, id);
		if (content == null || content.length == 0) {
			throw new TeamInputException("team.resource.empty");
		}
		if (content.length > maxFileBytes) {
			throw new TeamInputException("team.resource.too-large");
		}
		org.coachroom.shared.FileType type = org.coachroom.shared.FileType.of(content)
			.orElseThrow(() -> new TeamInputException("team.resource.type"));
		resources.addFile(id, type.safeName(originalName), type, content, org.coachroom.shared.FileType.sha256(content), member.userId(), clock.instant());
	}

	@Transactional(readOnly = true)
	public TeamResources.Download download(Member member, long id, long resourceId) {
		require(member, id);
		return resources.read(id, resourceId).orElseThrow(() -> new WorkspaceNotFoundException(id));
	}

	/** Whoever shared it, or the facilitator, takes a resource away. */
	@Transactional
	public void removeResource(Member member, long id, long resourceId) {
		Workspace workspace = require(member, id);
		long by = resources.addedBy(id, resourceId).orElseThrow(() -> new WorkspaceNotFoundException(id));
		if (by != member.userId() && members.roleOf(workspace.getId(), member.userId()).orElse(null) != TeamRole.FACILITATOR) {
			throw new WorkspaceNotFoundException(id);
		}
		resources.remove(id, resourceId);
	}


	/**
	 * What a roster import changed; {@code removalsKept} when the roster did not list the facilitator
	 * who brought it in, so nobody was taken out on its word.
	 */
	public record RosterImport(int added, int alreadyIn, int left, boolean removalsKept) {
	}

	/**
	 * The facilitator brings the whole course roster in (LTI Names and Role Provisioning): its active
	 * teachers join as members, its coaches as facilitators; principals, HR and admins stay out. Those
	 * of the team the roster no longer lists as active have left the course, and leave the team (what
	 * they took part in stays recorded; launching from the course again brings them back).
	 */
	public RosterImport importRoster(Member facilitator, long id) {
		Workspace workspace = require(facilitator, id);
		if (members.roleOf(id, facilitator.userId()).orElse(null) != TeamRole.FACILITATOR
				|| facilitator.context() == null || facilitator.context().id() != workspace.getContextRef()) {
			throw new WorkspaceNotFoundException(id);
		}
		int added = 0;
		int already = 0;
		java.util.Set<Long> inCourse = new java.util.HashSet<>();
		Instant now = clock.instant();
		// the roster is fetched with no transaction open (no connection held while the LMS answers);
		// each join is one statement of its own
		List<Rosters.Entry> roster = rosters.courseRoster(facilitator);
		Map<Long, java.util.Set<CoachroomRole>> launchedHere = new java.util.HashMap<>();
		people.inCourse(facilitator.tenant(), workspace.getContextRef())
			.forEach(m -> launchedHere.put(m.person().userRef(), m.roles()));
		java.util.Set<Long> team = new java.util.HashSet<>();
		members.of(id).forEach(m -> team.add(m.userRef()));
		for (Rosters.Entry entry : roster) {
			Optional<TeamRole> role = teamRoleOf(entry.roles());
			java.util.Set<CoachroomRole> launched = launchedHere.getOrDefault(entry.person().userRef(), java.util.Set.of());
			// the roster knows LMS roles only: whoever launched here as a principal or HR stays out
			if (!entry.active() || role.isEmpty() || teamRoleOf(launched).isEmpty() && !launched.isEmpty()) {
				continue;
			}
			inCourse.add(entry.person().userRef());
			if (team.add(entry.person().userRef())) {
				added++;
			}
			else {
				already++;
			}
			members.join(id, entry.person().userRef(), role.get(), now);
		}
		// an empty or partial answer (the term over, the LMS mid-change) would empty the team: the roster is
		// trusted to say who left only when it lists the facilitator bringing it in; facilitators, and anyone
		// who joined while it was read, stay
		boolean trusted = inCourse.contains(facilitator.userId());
		int left = 0;
		for (TeamMember member : trusted ? members.of(id) : List.<TeamMember>of()) {
			if (member.role() == TeamRole.MEMBER && member.joinedAt().isBefore(now) && !inCourse.contains(member.userRef())) {
				left += members.leave(id, member.userRef());
			}
		}
		log.info("Team workspace {}: roster imported by {}, {} added, {} already in, {} left", id, facilitator.subject(),
				added, already, left);
		return new RosterImport(added, already, left, !trusted);
	}

	/** The workspaces the member is in, for their home page. */
	@Transactional(readOnly = true)
	public List<Workspace> mine(Member member) {
		if (member.hasRole(CoachroomRole.PRINCIPAL) || member.hasRole(CoachroomRole.HR)) {
			return List.of();
		}
		List<Long> ids = jdbc.sql("""
				SELECT w.id FROM team_workspace w JOIN team_member m ON m.workspace = w.id
				WHERE w.tenant_id = ? AND m.user_ref = ?""")
			.params(member.tenant().value(), member.userId())
			.query(Long.class)
			.list();
		return workspaces.findAllById(ids)
			.stream()
			.filter(w -> mayBeOfTeam(member, w))
			.sorted(Comparator.comparing(Workspace::getTitle, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/**
	 * The workspace, if the member is of its team; otherwise it does not exist for them. Whoever holds
	 * a principal's or HR role, in this launch or in the team's course, is not of any team.
	 */
	Workspace require(Member member, long id) {
		if (member.hasRole(CoachroomRole.PRINCIPAL) || member.hasRole(CoachroomRole.HR)) {
			throw new WorkspaceNotFoundException(id);
		}
		return workspaces.findByIdAndTenantId(id, member.tenant().value())
			.filter(w -> members.roleOf(id, member.userId()).isPresent())
			.filter(w -> mayBeOfTeam(member, w))
			.orElseThrow(() -> new WorkspaceNotFoundException(id));
	}

	/** Whether the roles the person holds in the team's course (if they ever launched there) are a team's. */
	private boolean mayBeOfTeam(Member member, Workspace workspace) {
		java.util.Set<CoachroomRole> there = people.rolesInCourse(member.tenant(), workspace.getContextRef(), member.userId());
		return there.isEmpty() || teamRoleOf(there).isPresent();
	}
}
