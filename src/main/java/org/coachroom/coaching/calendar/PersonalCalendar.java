package org.coachroom.coaching.calendar;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.coachroom.lti.People;
import org.coachroom.shared.calendar.CalendarEvent;
import org.coachroom.studygroup.StudyGroupCalendar;
import org.coachroom.studygroup.UpcomingSessions;
import org.coachroom.team.TeamWork;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person's calendar feed holds: the sessions of their study groups, the meetings
 * of their teams and the coaching moves planned in their open cycles, from two months
 * back to a year ahead.
 */
@Service
class PersonalCalendar {

	private final UpcomingSessions sessions;

	private final TeamWork teams;

	private final People people;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	PersonalCalendar(UpcomingSessions sessions, TeamWork teams, People people, JdbcClient jdbc,
			MessageSource messages) {
		this.sessions = sessions;
		this.teams = teams;
		this.people = people;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/**
	 * The {@code ?} marks of an IN list; {@code NULL}, which matches nothing, for an
	 * empty list.
	 */
	private static String in(int n) {
		return n == 0 ? "NULL" : String.join(",", Collections.nCopies(n, "?"));
	}

	private static Object[] params(CalendarFeeds.Owner owner, List<Long> teams, LocalDate from, LocalDate until) {
		List<Object> params = new ArrayList<>(List.of(owner.tenant().value(), owner.userRef(), owner.userRef()));
		params.addAll(teams);
		params.add(Date.valueOf(from));
		params.add(Date.valueOf(until));
		return params.toArray();
	}

	private record PlannedMove(long cycle, LocalDate on, String kind, String note, long coachRef, long teacherRef,
			int key, Long teamRef) {
	}

	@Transactional(readOnly = true)
	List<CalendarEvent> of(CalendarFeeds.Owner owner, LocalDate today, ZoneId zone, String base) {
		LocalDate from = today.minusMonths(2);
		LocalDate until = today.plusYears(1);
		List<CalendarEvent> events = new ArrayList<>();
		for (UpcomingSessions.OnCalendar s : sessions.forCalendar(owner.tenant(), owner.userRef(),
				from.atStartOfDay(zone).toInstant(), until.atStartOfDay(zone).toInstant())) {
			events.add(CalendarEvent.at(StudyGroupCalendar.uid(s.sessionId()), s.groupTitle(), s.startsAt(), s.endsAt(),
					StudyGroupCalendar.where(s.location(), s.meetingUrl()), base + "/groups/" + s.groupId(), null));
		}
		for (TeamWork.MeetingOnCalendar m : teams.forCalendar(owner.tenant(), owner.userRef(), from, until)) {
			events.add(CalendarEvent.onDay("coachroom-team-meeting-" + m.meeting(), m.team() + ": " + m.title(),
					m.heldOn(), base + "/team/" + m.workspace() + "/meetings/" + m.meeting(), null));
		}
		// a team's cycle is on each member's calendar too
		List<Long> myTeams = teams.teamIdsOf(owner.tenant(), owner.userRef());
		List<PlannedMove> moves = jdbc.sql("""
				SELECT c.id, m.planned_on, m.kind, m.note, c.coach_ref, c.teacher_ref, m.cycle_key, c.team_ref
				FROM coaching_cycle_move m JOIN coaching_cycle c ON c.id = m.cycle
				WHERE c.tenant_id = ? AND (c.coach_ref = ? OR c.teacher_ref = ? OR c.team_ref IN (%s))
				  AND c.status = 'OPEN' AND m.planned_on BETWEEN ? AND ?
				ORDER BY m.planned_on LIMIT 500""".formatted(in(myTeams.size())))
			.params(params(owner, myTeams, from, until))
			.query((rs, n) -> new PlannedMove(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
					rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getInt(7),
					rs.getObject(8) == null ? null : rs.getLong(8)))
			.list();
		Map<Long, String> teamTitles = teams.titles(owner.tenant(),
				moves.stream().map(PlannedMove::teamRef).filter(Objects::nonNull).distinct().toList());
		for (PlannedMove move : moves) {
			// with the teacher for the coach, with the coach for the teacher or the team
			long other = move.coachRef() == owner.userRef() ? move.teacherRef() : move.coachRef();
			String with = move.teamRef() != null && move.coachRef() == owner.userRef()
					? teamTitles.getOrDefault(move.teamRef(), "")
					: people.person(owner.tenant(), other).map(People.Person::displayName).orElse("");
			String kind = messages.getMessage("coaching.support." + move.kind(), null, move.kind(),
					LocaleContextHolder.getLocale());
			String summary = messages.getMessage("coaching.calendar.move", new Object[] { kind, with }, kind,
					LocaleContextHolder.getLocale());
			events.add(CalendarEvent.onDay("coachroom-coaching-move-" + move.cycle() + "-" + move.key(), summary,
					move.on(), base + "/coaching/cycles/" + move.cycle(), move.note()));
		}
		return events;
	}

}
