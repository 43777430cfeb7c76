package org.coachroom.team.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.lti.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The facilitator brings the whole course roster in (LTI Names and Role Provisioning):
 * its active teachers join as members, its coaches as facilitators; principals, HR and
 * admins stay out. Those of the team the roster no longer lists as active have left the
 * course, and leave the team (what they took part in stays recorded; launching from the
 * course again brings them back).
 */
@Service
public class RosterImports {

	private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

	private final TeamAccess access;

	private final MembershipQueries members;

	private final People people;

	private final Rosters rosters;

	private final Clock clock;

	RosterImports(TeamAccess access, MembershipQueries members, People people, Rosters rosters, Clock clock) {
		this.access = access;
		this.members = members;
		this.people = people;
		this.rosters = rosters;
		this.clock = clock;
	}

	/**
	 * What a roster import changed; {@code removalsKept} when the roster did not list the
	 * facilitator who brought it in, so nobody was taken out on its word.
	 */
	public record RosterImport(int added, int alreadyIn, int left, boolean removalsKept) {
	}

	public RosterImport importRoster(Member facilitator, long id) {
		Workspace workspace = access.require(facilitator, id);
		access.requireRosterImport(facilitator, workspace);
		int added = 0;
		int already = 0;
		Set<Long> inCourse = new HashSet<>();
		Instant now = clock.instant();
		// the roster is fetched with no transaction open (no connection held while the
		// LMS answers);
		// each join is one statement of its own
		List<Rosters.Entry> roster = rosters.courseRoster(facilitator);
		Map<Long, Set<CoachroomRole>> launchedHere = new HashMap<>();
		people.inCourse(facilitator.tenant(), workspace.getContextRef())
			.forEach(m -> launchedHere.put(m.person().userRef(), CoachroomRole.of(m.roles())));
		Set<Long> team = new HashSet<>();
		members.of(id).forEach(m -> team.add(m.userRef()));
		for (Rosters.Entry entry : roster) {
			Optional<TeamRole> role = TeamAccess.teamRoleOf(CoachroomRole.of(entry.roles()));
			Set<CoachroomRole> launched = launchedHere.getOrDefault(entry.person().userRef(), Set.of());
			// the roster knows LMS roles only: whoever launched here as a principal or HR
			// stays out
			if (!entry.active() || role.isEmpty() || TeamAccess.teamRoleOf(launched).isEmpty() && !launched.isEmpty()) {
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
		// an empty or partial answer (the term over, the LMS mid-change) would empty the
		// team: the roster is
		// trusted to say who left only when it lists the facilitator bringing it in;
		// facilitators, and anyone
		// who joined while it was read, stay
		boolean trusted = inCourse.contains(facilitator.userId());
		int left = 0;
		for (TeamMember member : trusted ? members.of(id) : List.<TeamMember>of()) {
			if (member.role() == TeamRole.MEMBER && member.joinedAt().isBefore(now)
					&& !inCourse.contains(member.userRef())) {
				left += members.leave(id, member.userRef());
			}
		}
		log.info("Team workspace {}: roster imported by {}, {} added, {} already in, {} left", id,
				facilitator.subject(), added, already, left);
		return new RosterImport(added, already, left, !trusted);
	}

}
