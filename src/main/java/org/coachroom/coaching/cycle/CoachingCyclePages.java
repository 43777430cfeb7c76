package org.coachroom.coaching.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.team.TeamWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the coaching pages show: a person's cycles, with the other side's name. */
@Service
@Transactional(readOnly = true)
public class CoachingCyclePages {

	private final CoachingCycles cycles;

	private final CoachingAccess access;

	private final People people;

	private final TeamWork teams;

	CoachingCyclePages(CoachingCycles cycles, CoachingAccess access, People people, TeamWork teams) {
		this.teams = teams;
		this.cycles = cycles;
		this.access = access;
		this.people = people;
	}

	/** A cycle in a list, named by the other side of the pair. */
	public record Listed(CoachingCycle cycle, String with) {
	}

	/**
	 * The cycles the member coaches (when coaching now) and the ones they are coached in.
	 */
	public record Mine(List<Listed> coaching, List<Listed> coached) {
	}

	public Mine of(Member member) {
		List<CoachingCycle> asCoach = access.coaches(member)
				? cycles.findByTenantIdAndCoachRefOrderByOpenedOnDescIdDesc(member.tenant().value(), member.userId())
				: List.of();
		List<CoachingCycle> asTeacher = new ArrayList<>(
				cycles.findByTenantIdAndTeacherRefOrderByOpenedOnDescIdDesc(member.tenant().value(), member.userId()));
		Map<Long, String> myTeams = teams.teamsOf(member);
		if (!myTeams.isEmpty()) {
			asTeacher.addAll(cycles.findByTenantIdAndTeamRefInOrderByOpenedOnDescIdDesc(member.tenant().value(),
					myTeams.keySet()));
		}
		Set<Long> refs = Stream
			.concat(asCoach.stream().map(CoachingCycle::getTeacherRef).filter(Objects::nonNull),
					asTeacher.stream().map(CoachingCycle::getCoachRef))
			.collect(Collectors.toSet());
		Map<Long, People.Person> named = people.people(member.tenant(), refs);
		Map<Long, String> coached = teams.facilitatedBy(member)
			.stream()
			.collect(Collectors.toMap(TeamWork.Facilitated::workspace, TeamWork.Facilitated::title, (a, b) -> a));
		return new Mine(asCoach.stream()
			.map(c -> new Listed(c,
					c.withTeam() ? coached.getOrDefault(c.getTeamRef(), "") : name(named, c.getTeacherRef())))
			.toList(), asTeacher.stream().map(c -> new Listed(c, name(named, c.getCoachRef()))).toList());
	}

	/**
	 * The one open cycle of this coach with this teacher, if there is exactly one: where
	 * a contact logged from the quick log belongs.
	 */
	public Optional<Long> theOpenCycle(Member coach, long teacherRef) {
		List<Long> open = cycles
			.findByTenantIdAndCoachRefOrderByOpenedOnDescIdDesc(coach.tenant().value(), coach.userId())
			.stream()
			.filter(c -> Objects.equals(c.getTeacherRef(), teacherRef) && c.isOpen())
			.map(CoachingCycle::getId)
			.toList();
		return open.size() == 1 ? Optional.of(open.get(0)) : Optional.empty();
	}

	/** The name of the other side of the pair, for the cycle's page. */
	public String otherSide(Member member, CoachingCycleAccess.Seen seen) {
		if (seen.byCoach() && seen.cycle().withTeam()) {
			return teams.facilitatedBy(member)
				.stream()
				.filter(t -> t.workspace() == seen.cycle().getTeamRef())
				.map(TeamWork.Facilitated::title)
				.findFirst()
				.orElse("");
		}
		long other = seen.byCoach() ? seen.cycle().getTeacherRef() : seen.cycle().getCoachRef();
		return people.person(member.tenant(), other).map(People.Person::displayName).orElse("");
	}

	private static String name(Map<Long, People.Person> named, long ref) {
		People.Person person = named.get(ref);
		return person == null ? "" : person.displayName();
	}

}
