package org.coachroom.pd.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.access.CoachroomRole;
import org.coachroom.access.SupportedByCoach;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.catalog.Obligation;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.pd.tracking.Standing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coach's view of the PD of the people they support (the others in the courses they
 * coach): the same credential facts each person sees of themselves, never more. Whoever
 * holds a principal's or HR role beside the coach's sees none of it here: coaching stays
 * apart from evaluation.
 */
@Service
public class SupportedPeople {

	private final People people;

	private final CredentialFacts facts;

	private final PdCalendar calendar;

	private final JdbcClient jdbc;

	private final SupportedByCoach supportedByCoach;

	SupportedPeople(People people, SupportedByCoach supportedByCoach, CredentialFacts facts, PdCalendar calendar,
			JdbcClient jdbc) {
		this.people = people;
		this.supportedByCoach = supportedByCoach;
		this.facts = facts;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	/**
	 * People per query: far below the server's limit on bind parameters, whatever the
	 * course's size.
	 */
	private static final int CHUNK = 1000;

	public static boolean applies(Member member) {
		return CoachingPrivacy.coaches(member);
	}

	/** One program of a person, as the list shows it. */
	public record Line(String programCode, String programTitle, Obligation obligation, Standing standing,
			LocalDate dueOn, int met, int total) {
	}

	/**
	 * A person the coach supports, with their programs (none while they have not opened
	 * their PD).
	 */
	public record Supported(long userRef, String name, List<Line> programs) {

		public boolean attention() {
			return programs.stream()
				.anyMatch(l -> l.standing() == Standing.OVERDUE || l.standing() == Standing.DUE_SOON);
		}
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Supported> of(Member coach) {
		require(coach);
		Set<Long> supported = supportedByCoach.of(coach);
		if (supported.isEmpty()) {
			return List.of();
		}
		Map<Long, People.Person> named = people.people(coach.tenant(), supported);
		Map<Long, List<Line>> lines = new LinkedHashMap<>();
		LocalDate today = calendar.today();
		List<Long> all = new ArrayList<>(supported);
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			String in = String.join(",", chunk.stream().map(id -> "?").toList());
			List<Object> params = new ArrayList<>();
			params.add(coach.tenant().value());
			params.addAll(chunk);
			jdbc.sql(
					"SELECT s.user_ref, p.code, p.title, s.obligation, s.complete, s.started, s.due_on, s.met, s.total "
							+ "FROM pd_standing s JOIN pd_program p ON p.id = s.program WHERE s.tenant_id = ? AND s.user_ref IN ("
							+ in + ") ORDER BY s.obligation IS NULL, s.obligation DESC, p.title")
				.params(params)
				.query(rs -> {
					LocalDate due = rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate();
					Standing standing = Standing.of(rs.getBoolean(5), rs.getBoolean(6), Optional.ofNullable(due), today,
							calendar.dueSoon());
					lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new Line(rs.getString(2), rs.getString(3),
								rs.getString(4) == null ? null : Obligation.valueOf(rs.getString(4)), standing, due,
								rs.getInt(8), rs.getInt(9)));
				});
		}
		return named.values()
			.stream()
			.map(p -> new Supported(p.userRef(), p.displayName(), lines.getOrDefault(p.userRef(), List.of())))
			.sorted(Comparator.comparing(Supported::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** The credential facts of one person the coach supports; empty for anyone else. */
	@Transactional(readOnly = true)
	public Optional<CredentialFacts.Person> person(Member coach, long userRef) {
		require(coach);
		if (!supportedByCoach.of(coach).contains(userRef)) {
			return Optional.empty();
		}
		return facts.personOf(coach.tenant().value(), userRef);
	}

	private static void require(Member member) {
		if (!applies(member)) {
			throw ProgramNotFoundException.page("people");
		}
	}

}
