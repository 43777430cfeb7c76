package org.coachroom.team;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.shared.TenantId;
import org.coachroom.shared.DistrictClock;
import org.coachroom.team.LearningCycles.TeamAtHome;
import org.coachroom.team.cycle.CyclesAtHome;
import org.coachroom.team.cycle.SchoolOverviews;
import org.coachroom.team.workspace.TeamAccess;
import org.coachroom.team.workspace.Workspace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the home pages show of PLC teams: a member's next team meeting and the open action
 * items assigned to them, and for a principal their school's teams and the stage of each
 * one's learning cycle, as the school overview reads them (no names, no notes).
 */
@Service
public class TeamWork {

	private final TeamAccess access;

	private final SchoolOverviews overviews;

	private final JdbcClient jdbc;

	private final DistrictClock clock;

	private final CyclesAtHome home;

	TeamWork(TeamAccess access, SchoolOverviews overviews, JdbcClient jdbc, DistrictClock clock, CyclesAtHome home) {
		this.home = home;
		this.access = access;
		this.overviews = overviews;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A team meeting ahead. */
	public record MeetingAhead(long workspace, String team, LocalDate heldOn, String title) {
	}

	/** An open action item assigned to the member. */
	public record ActionDue(long workspace, String team, String text, LocalDate dueOn) {
	}

	/**
	 * What a member's home page shows of their teams: each team with where its latest
	 * cycle is, the next meeting of each, and (when asked) the open action items assigned
	 * to them; none for a principal or HR. The member's teams are read once.
	 */
	public record AtHome(List<TeamAtHome> teams, List<MeetingAhead> meetings, List<ActionDue> actions) {
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public AtHome atHome(Member member, boolean withActions) {
		List<Workspace> teams = access.visibleTo(member);
		if (teams.isEmpty()) {
			return new AtHome(List.of(), List.of(), List.of());
		}
		Map<Long, Workspace> mine = teams.stream()
			.collect(Collectors.toMap(Workspace::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		return new AtHome(home.of(teams), nextMeetings(mine), withActions ? openActionsOf(member, mine) : List.of());
	}

	/** The next meeting (today or later) of each team, soonest first. */
	private List<MeetingAhead> nextMeetings(Map<Long, Workspace> mine) {
		List<Object> params = new ArrayList<>(mine.keySet());
		params.add(Date.valueOf(clock.today()));
		return jdbc
			.sql("SELECT m.workspace, m.held_on, m.title FROM team_meeting m WHERE m.workspace IN (" + in(mine.size())
					+ ") AND m.held_on >= ? ORDER BY m.held_on, m.id")
			.params(params)
			.query((rs, i) -> new MeetingAhead(rs.getLong(1), mine.get(rs.getLong(1)).getTitle(),
					rs.getDate(2).toLocalDate(), rs.getString(3)))
			.list()
			.stream()
			.collect(Collectors.toMap(MeetingAhead::workspace, Function.identity(), (a, b) -> a, LinkedHashMap::new))
			.values()
			.stream()
			.toList();
	}

	/** A team meeting on a person's calendar. */
	public record MeetingOnCalendar(long workspace, long meeting, String team, LocalDate heldOn, String title) {
	}

	/**
	 * The meetings between two days (inclusive) of the teams a person is in, for their
	 * calendar feed: read by the person's id, as a feed is fetched without a launch.
	 */
	@Transactional(readOnly = true)
	public List<MeetingOnCalendar> forCalendar(TenantId tenant, long userRef, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT w.id, m.id, w.title, m.held_on, m.title
				FROM team_meeting m JOIN team_workspace w ON w.id = m.workspace
				JOIN team_member t ON t.workspace = w.id AND t.user_ref = ?
				WHERE w.tenant_id = ? AND m.held_on BETWEEN ? AND ?
				ORDER BY m.held_on, m.id LIMIT 500""")
			.params(userRef, tenant.value(), Date.valueOf(from), Date.valueOf(until))
			.query((rs, i) -> new MeetingOnCalendar(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getDate(4).toLocalDate(), rs.getString(5)))
			.list();
	}

	/**
	 * How long a meeting counts for when the team gave no length: a typical PLC meeting.
	 */
	public static final int USUAL_MEETING_MINUTES = 45;

	/** A meeting a person facilitated, with how long it counts for. */
	public record FacilitatedMeeting(long meeting, LocalDate heldOn, int minutes, boolean lengthGiven) {
	}

	/**
	 * The meetings held between two days (inclusive, up to today) of the teams the person
	 * facilitates: what counts as their coaching time without a second entry.
	 */
	@Transactional(readOnly = true)
	public List<FacilitatedMeeting> facilitated(TenantId tenant, long userRef, LocalDate from, LocalDate until) {
		LocalDate last = until.isAfter(clock.today()) ? clock.today() : until;
		return jdbc.sql("""
				SELECT m.id, m.held_on, m.minutes
				FROM team_meeting m JOIN team_workspace w ON w.id = m.workspace
				JOIN team_member t ON t.workspace = w.id AND t.user_ref = ? AND t.role = 'FACILITATOR'
				WHERE w.tenant_id = ? AND m.held_on BETWEEN ? AND ?
				ORDER BY m.held_on, m.id""")
			.params(userRef, tenant.value(), Date.valueOf(from), Date.valueOf(last))
			.query((rs, i) -> {
				int minutes = rs.getInt(3);
				boolean given = !rs.wasNull();
				return new FacilitatedMeeting(rs.getLong(1), rs.getDate(2).toLocalDate(),
						given ? minutes : USUAL_MEETING_MINUTES, given);
			})
			.list();
	}

	/** A team the member facilitates: whom a coach's contact may be with. */
	public record Facilitated(long workspace, String title) {
	}

	/**
	 * The teams the member facilitates, by title; none for whoever holds a principal's or
	 * HR role.
	 */
	@Transactional(readOnly = true)
	public List<Facilitated> facilitatedBy(Member member) {
		if (CoachingPrivacy.evaluative(member)) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT w.id, w.title FROM team_workspace w
				JOIN team_member t ON t.workspace = w.id AND t.user_ref = ? AND t.role = 'FACILITATOR'
				WHERE w.tenant_id = ? ORDER BY w.title, w.id""")
			.params(member.userId(), member.tenant().value())
			.query((rs, i) -> new Facilitated(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/**
	 * Whether the member is of the team (a member or its facilitator), by the team's own
	 * policy: never whoever holds a principal's or HR role, in this launch or in the
	 * team's course.
	 */
	@Transactional(readOnly = true)
	public boolean isOfTeam(Member member, long workspace) {
		return mine(member).containsKey(workspace);
	}

	/**
	 * The titles of teams of the tenant, by id; ids of other tenants are simply absent.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> titles(TenantId tenant, Collection<Long> workspaces) {
		Map<Long, String> titles = new LinkedHashMap<>();
		if (workspaces.isEmpty()) {
			return titles;
		}
		List<Object> params = new ArrayList<>(workspaces);
		params.add(tenant.value());
		jdbc.sql("SELECT id, title FROM team_workspace WHERE id IN (" + in(workspaces.size()) + ") AND tenant_id = ?")
			.params(params)
			.query((rs, i) -> titles.put(rs.getLong(1), rs.getString(2)))
			.list();
		return titles;
	}

	/**
	 * The ids of the teams a person is of, for their calendar feed (read without a
	 * launch).
	 */
	@Transactional(readOnly = true)
	public List<Long> teamIdsOf(TenantId tenant, long userRef) {
		return access.visibleTo(tenant, userRef).stream().map(Workspace::getId).toList();
	}

	/** The teams a person is of, by id with their titles; none for a principal or HR. */
	@Transactional(readOnly = true)
	public Map<Long, String> teamsOf(Member member) {
		Map<Long, String> teams = new LinkedHashMap<>();
		mine(member).forEach((id, w) -> teams.put(id, w.getTitle()));
		return teams;
	}

	/** Whether the member facilitates this team: whom their coaching may name. */
	@Transactional(readOnly = true)
	public boolean facilitates(Member member, long workspace) {
		return facilitatedBy(member).stream().anyMatch(t -> t.workspace() == workspace);
	}

	/** The open action items of the member's teams assigned to them, by due date. */
	private List<ActionDue> openActionsOf(Member member, Map<Long, Workspace> mine) {
		List<Object> params = new ArrayList<>(mine.keySet());
		params.add(member.userId());
		return jdbc
			.sql("SELECT a.workspace, a.text, a.due_on FROM team_action a WHERE a.workspace IN (" + in(mine.size())
					+ ") AND a.owner_ref = ? AND NOT a.done ORDER BY a.due_on IS NULL, a.due_on, a.id LIMIT 20")
			.params(params)
			.query((rs, i) -> new ActionDue(rs.getLong(1), mine.get(rs.getLong(1)).getTitle(), rs.getString(2),
					rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
			.list();
	}

	/** A team of the school as its principal sees it: no names, no notes. */
	public record TeamStage(long workspace, String title, int members, Integer cycleNumber, CycleStep stage, long met,
			long notMet) {
	}

	/**
	 * The school's teams with the stage of each one's latest cycle, for a principal;
	 * empty for anyone else or a school the district does not have. The school becomes
	 * the one the principal's school overview opens on, as a choice made there does.
	 */
	@Transactional
	public Optional<List<TeamStage>> atSchool(Member principal, long schoolId) {
		if (!principal.hasRole(CoachroomRole.PRINCIPAL)) {
			return Optional.empty();
		}
		SchoolOverviews.SchoolOverview overview = overviews.school(principal, schoolId);
		if (overview.school().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(overview.teams()
			.stream()
			.map(t -> new TeamStage(t.workspace(), t.title(), t.members(), t.cycleNumber(), t.stage(), t.met(),
					t.notMet()))
			.toList());
	}

	private Map<Long, Workspace> mine(Member member) {
		return access.visibleTo(member)
			.stream()
			.collect(Collectors.toMap(Workspace::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	private static String in(int n) {
		return String.join(",", Collections.nCopies(n, "?"));
	}

}
