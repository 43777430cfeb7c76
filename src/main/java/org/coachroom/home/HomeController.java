package org.coachroom.home;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.coachroom.access.CoachroomRole;
import org.coachroom.coaching.CoachingAtSchool;
import org.coachroom.gradebook.ScoresWaiting;
import org.coachroom.lti.LmsConnections;
import org.coachroom.lti.Member;
import org.coachroom.pd.PdAtHome;
import org.coachroom.pd.Schools;
import org.coachroom.shared.DistrictClock;
import org.coachroom.studygroup.StudyGroupManagement;
import org.coachroom.studygroup.UpcomingSessions;
import org.coachroom.team.TeamWork;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page for the person's role: their work, not only links. Someone with several
 * roles (a site admin who also teaches) opens on the widest and can switch to the others.
 * A principal's and HR's pages show counts only, never a teacher's coaching.
 */
@Controller
class HomeController {

	/** How far ahead a coach's home lists the sessions of the groups they run. */
	static final Duration COACH_SESSIONS_AHEAD = Duration.ofDays(7);

	private final StudyGroupManagement studyGroups;

	private final UpcomingSessions sessions;

	private final TeamWork teamWork;

	private final PdAtHome pd;

	private final Schools schools;

	private final ScoresWaiting scores;

	private final DistrictClock clock;

	private final LmsConnections connections;

	private final CoachingAtSchool coaching;

	private final TransactionTemplate inOneTransaction;

	HomeController(StudyGroupManagement studyGroups, UpcomingSessions sessions, TeamWork teamWork, PdAtHome pd,
			Schools schools, ScoresWaiting scores, DistrictClock clock, LmsConnections connections,
			CoachingAtSchool coaching, PlatformTransactionManager transactions) {
		this.inOneTransaction = new TransactionTemplate(transactions);
		this.coaching = coaching;
		this.connections = connections;
		this.studyGroups = studyGroups;
		this.sessions = sessions;
		this.teamWork = teamWork;
		this.pd = pd;
		this.schools = schools;
		this.scores = scores;
		this.clock = clock;
	}

	/**
	 * A teacher's and a coach's home, the page most launches land on, read without a
	 * transaction: at read committed one would give its reads no common snapshot, only
	 * three more round trips (their reads join none of their own). The other homes read
	 * in one transaction, so that their modules' transactional reads do not each open
	 * one.
	 */
	@GetMapping("/home")
	String home(@AuthenticationPrincipal Member member, @RequestParam(name = "as", required = false) String as,
			@RequestParam(name = "school", defaultValue = "") String school, Model model) {
		CoachroomRole view = CoachroomRole.parse(as).filter(member::hasRole).orElse(CoachroomRole.primaryOf(member));
		model.addAttribute("member", member);
		model.addAttribute("view", view);
		model.addAttribute("otherRoles", CoachroomRole.sortedOf(member).stream().filter(r -> r != view).toList());
		model.addAttribute("zone", clock.zone());
		model.addAttribute("today", clock.today());
		switch (view) {
			case TEACHER -> teacher(member, model);
			case COACH -> coach(member, model);
			case PRINCIPAL -> inOneTransaction.executeWithoutResult(tx -> principal(member, school, model));
			case HR -> inOneTransaction.executeWithoutResult(tx -> hr(member, model));
			default -> inOneTransaction.executeWithoutResult(tx -> admin(member, model));
		}
		return "home/home";
	}

	private void teacher(Member member, Model model) {
		StudyGroupManagement.Overview groups = studyGroups.overview(member);
		model.addAttribute("groups", groups);
		model.addAttribute("nextSessions", sessions.ofGroupsJoined(groups, 1));
		PdAtHome.Outlook outlook = pd.outlook(member);
		model.addAttribute("deadline", outlook.deadline());
		model.addAttribute("roleStartKnown", outlook.roleStartKnown());
		TeamWork.AtHome teams = teamWork.atHome(member, true);
		model.addAttribute("teams", teams.teams());
		model.addAttribute("meetings", teams.meetings());
		model.addAttribute("actions", teams.actions());
	}

	private void coach(Member member, Model model) {
		StudyGroupManagement.Overview groups = studyGroups.overview(member);
		model.addAttribute("groups", groups);
		model.addAttribute("nextSessions", sessions.ofGroupsRun(groups, COACH_SESSIONS_AHEAD, 10));
		model.addAttribute("deadline", pd.nearestDeadline(member).orElse(null));
		model.addAttribute("behind", pd.behind(member));
		model.addAttribute("reviews", pd.reviewsEvidence(member));
		model.addAttribute("evidenceWaiting", pd.evidenceWaiting(member));
		TeamWork.AtHome teams = teamWork.atHome(member, false);
		model.addAttribute("teams", teams.teams());
		model.addAttribute("meetings", teams.meetings());
	}

	/**
	 * A principal's school, aggregates only: its teams and their cycles' stages, PD
	 * standings and this month's coaching in counts, and the school goals agreed with the
	 * coach. The school is the one chosen here, else on the coaching view, else the
	 * district's only one.
	 */
	private void principal(Member member, String school, Model model) {
		List<Schools.School> open = schools.open(member.tenant().value());
		// none asked for: the school chosen on the coaching view, or the district's only
		// one
		Optional<Long> remembered = coaching.schoolChosen(member);
		Optional<Schools.School> chosen = school.matches("\\d{1,18}")
				? open.stream().filter(s -> s.id() == Long.parseLong(school)).findFirst()
				: remembered.isPresent() ? open.stream().filter(s -> s.id() == remembered.get()).findFirst()
						: open.size() == 1 ? Optional.of(open.get(0)) : Optional.empty();
		model.addAttribute("schools", open);
		model.addAttribute("school", chosen.orElse(null));
		if (chosen.isPresent()) {
			long id = chosen.get().id();
			model.addAttribute("schoolTeams", teamWork.atSchool(member, id).orElse(List.of()));
			model.addAttribute("counts", pd.schoolCounts(member, id).orElse(List.of()));
			model.addAttribute("coaching", coaching.thisMonth(member, id).orElse(null));
			model.addAttribute("smallestCoaching", CoachingAtSchool.SMALLEST_SHOWN);
		}
		model.addAttribute("smallest", PdAtHome.SMALLEST_SHOWN);
	}

	private void hr(Member member, Model model) {
		model.addAttribute("counts", pd.districtCounts(member).orElse(List.of()));
		model.addAttribute("reviews", pd.reviewsEvidence(member));
		model.addAttribute("evidenceWaiting", pd.evidenceWaiting(member));
		model.addAttribute("smallest", PdAtHome.SMALLEST_SHOWN);
	}

	private void admin(Member member, Model model) {
		model.addAttribute("programs", pd.programs(member));
		model.addAttribute("counts", pd.districtCounts(member).orElse(List.of()));
		model.addAttribute("outbox", scores.of(member).orElse(null));
		model.addAttribute("smallest", PdAtHome.SMALLEST_SHOWN);
		LmsConnections.Connection connection = connections.of(member);
		model.addAttribute("connection", connection);
		model.addAttribute("connectedOn", clock.dateOf(connection.connectedSince()));
	}

}
