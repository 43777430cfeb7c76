package org.coachroom.team.workspace;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.coachroom.lti.DeepLinking;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coach opens the workspace of the course they launched from (or places it by deep
 * linking), and the people of the course join it as they arrive: launching is all it
 * takes to be in.
 */
@Service
public class WorkspaceOpening {

	private static final Logger log = LoggerFactory.getLogger(WorkspaceOpening.class);

	private final Workspaces workspaces;

	private final WorkspaceQueries queries;

	private final MembershipQueries members;

	private final TeamPlacements placements;

	private final TeamAccess access;

	private final Clock clock;

	WorkspaceOpening(Workspaces workspaces, WorkspaceQueries queries, MembershipQueries members,
			TeamPlacements placements, TeamAccess access, Clock clock) {
		this.workspaces = workspaces;
		this.queries = queries;
		this.members = members;
		this.placements = placements;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * What the member finds at /team: the workspace of their course, or whether they may
	 * open one.
	 */
	public record Arrival(Optional<Workspace> workspace, boolean mayOpen, boolean teamOnly, String courseTitle) {
	}

	/**
	 * The member arrives at their course's team workspace: joining it if they belong to
	 * the team, so that launching is all it takes to be in.
	 */
	@Transactional
	public Arrival arrive(Member member) {
		if (member.context() == null) {
			return new Arrival(Optional.empty(), false, false, null);
		}
		Optional<TeamRole> role = TeamAccess.teamRoleOf(CoachroomRole.of(member));
		Optional<Workspace> found = workspaces.findByTenantIdAndContextRef(member.tenant().value(),
				member.context().id());
		if (found.isPresent() && role.isPresent()) {
			members.join(found.get().getId(), member.userId(), role.get(), clock.instant());
		}
		if (found.isPresent() && role.isEmpty() && members.leave(found.get().getId(), member.userId()) > 0) {
			// someone of the team now launches here as a principal or HR: they are no
			// longer of it, anywhere
			log.info("Team workspace {}: {} left the team, now launching as {}", found.get().getId(), member.subject(),
					member.roles());
		}
		// someone who launches as a principal or HR now sees no content, whatever they
		// were before
		Optional<Workspace> visible = found.filter(w -> role.isPresent());
		visible.ifPresent(w -> placements.recordLaunch(member, w, clock.instant()));
		// a principal may know a team has a workspace (never what is in it)
		return new Arrival(visible, found.isEmpty() && access.facilitatesCourse(member),
				found.isPresent() && visible.isEmpty(), member.context().displayName());
	}

	/** The coach opens the team's workspace for the course they launched from. */
	@Transactional
	public Workspace open(Member coach, String title) {
		if (!access.facilitatesCourse(coach)) {
			throw new WorkspaceNotFoundException(0);
		}
		Optional<Workspace> existing = workspaces.findByTenantIdAndContextRef(coach.tenant().value(),
				coach.context().id());
		if (existing.isEmpty()) {
			String clean = title == null ? "" : title.strip();
			if (clean.isEmpty() || clean.length() > 200) {
				throw new TeamInputException("team.open.title");
			}
			// one statement that a second coach opening at the same moment cannot make
			// fail: theirs wins
			if (queries.openUnlessOpen(coach.tenant().value(), coach.context().id(), clean, coach.userId(),
					clock.instant())) {
				log.info("Team workspace opened by {} in {}", coach.subject(), coach.context().contextId());
			}
		}
		Workspace workspace = workspaces.findByTenantIdAndContextRef(coach.tenant().value(), coach.context().id())
			.orElseThrow();
		members.join(workspace.getId(), coach.userId(), TeamRole.FACILITATOR, clock.instant());
		return workspace;
	}

	/**
	 * Whether the member can place the team workspace of the course they are choosing
	 * content for.
	 */
	public boolean mayPlace(Member member) {
		return access.facilitatesCourse(member);
	}

	/**
	 * The deep linking content item for the course's team workspace (opened now if it was
	 * not): a link that opens it, with a gradebook column for the team's closed learning
	 * cycles.
	 */
	@Transactional
	public DeepLinking.ResourceLink contentItem(Member coach) {
		if (!mayPlace(coach)) {
			throw new WorkspaceNotFoundException(0);
		}
		Workspace workspace = open(coach, coach.context().displayName());
		log.info("Team workspace {} placed by {} in {}", workspace.getId(), coach.subject(),
				coach.context().contextId());
		// Moodle launches every link at the tool's launch URL: the custom parameter names
		// the page to open
		return new DeepLinking.ResourceLink(workspace.getTitle(), null, null,
				Map.of(DeepLinking.PAGE_PARAMETER, TeamPlacements.PAGE), new DeepLinking.LineItem(new BigDecimal(100),
						workspace.getTitle(), "team-workspace-" + workspace.getId(), "coachroom-team-cycle"));
	}

}
