package org.coachroom.pd.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.tracking.AuditTrail;
import org.coachroom.pd.tracking.NameWords;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.pd.tracking.Standing;
import org.coachroom.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentors in programs that have them (induction): HR assigns a person one, chosen among
 * the district's teachers and coaches; the person sees who it is on the program's page,
 * and the mentor sees their mentees' standing in that program on their own PD page. Every
 * change is audited.
 */
@Service
public class Mentors {

	/** At most this many people answer a search for a mentor. */
	static final int CANDIDATES = 20;

	private final ComplianceAccess access;

	private final CredentialFacts facts;

	private final AuditTrail audit;

	private final PdCalendar calendar;

	private final Programs programs;

	private final People people;

	private final JdbcClient jdbc;

	private final Clock clock;

	Mentors(ComplianceAccess access, CredentialFacts facts, AuditTrail audit, PdCalendar calendar, Programs programs,
			People people, JdbcClient jdbc, Clock clock) {
		this.access = access;
		this.facts = facts;
		this.audit = audit;
		this.calendar = calendar;
		this.programs = programs;
		this.people = people;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The district's teachers and coaches whose name has words starting with the ones
	 * typed, the person aside.
	 */
	@Transactional(readOnly = true)
	public List<People.Person> candidates(Member hr, long userRef, String search) {
		requireHr(hr);
		List<String> words = NameWords.words(search);
		if (words.isEmpty()) {
			return List.of();
		}
		long tenant = hr.tenant().value();
		StringBuilder sql = new StringBuilder(
				"SELECT f.user_ref FROM pd_profile f WHERE f.tenant_id = ? AND f.user_ref <> ?");
		List<Object> params = new ArrayList<>(List.of(tenant, userRef));
		for (String word : words) {
			sql.append(
					" AND f.user_ref IN (SELECT w.user_ref FROM pd_name_word w WHERE w.tenant_id = ? AND w.word LIKE ? ESCAPE '!')");
			params.add(tenant);
			params.add(NameWords.startsWith(word));
		}
		sql.append(" LIMIT ").append(CANDIDATES);
		List<Long> refs = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
		return people.people(hr.tenant(), refs)
			.values()
			.stream()
			.sorted(Comparator.comparing(People.Person::displayName, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/**
	 * HR gives the person a mentor in the program (or takes it away, with
	 * {@code mentorRef} null).
	 */
	@Transactional
	public void assign(Member hr, long userRef, String programCode, Long mentorRef) {
		requireHr(hr);
		long tenant = hr.tenant().value();
		if (!facts.isKnown(tenant, userRef)) {
			throw ProgramNotFoundException.person();
		}
		Program program = programs.findByTenantIdAndCode(tenant, programCode)
			.filter(Program::isMentored)
			.orElseThrow(() -> new ProgramNotFoundException(programCode));
		if (mentorRef != null && (mentorRef == userRef || !facts.isKnown(tenant, mentorRef))) {
			throw new RecordingRefusedException("pd.mentor.choose");
		}
		String before = mentorOf(tenant, userRef, program.getId()).map(People.Person::displayName).orElse("no mentor");
		Instant now = clock.instant();
		if (mentorRef == null) {
			jdbc.sql("DELETE FROM pd_mentor WHERE program = ? AND user_ref = ?")
				.params(program.getId(), userRef)
				.update();
		}
		else {
			jdbc.sql("""
					INSERT INTO pd_mentor (program, user_ref, tenant_id, mentor_ref, assigned_by, assigned_at)
					VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE mentor_ref = VALUES(mentor_ref),
					assigned_by = VALUES(assigned_by), assigned_at = VALUES(assigned_at)""")
				.params(program.getId(), userRef, tenant, mentorRef, hr.userId(), Timestamp.from(now))
				.update();
		}
		String after = mentorRef == null ? "no mentor"
				: people.person(hr.tenant(), mentorRef).map(People.Person::displayName).orElse("?");
		audit.audit(tenant, userRef, program.getId(), null, hr.userId(), now, "MENTOR", before, after);
	}

	/** The person's mentor in each program that has one assigned, by program code. */
	public Map<String, People.Person> mentorsOf(long tenant, long userRef) {
		Map<String, Long> refs = new HashMap<>();
		jdbc.sql("""
				SELECT p.code, m.mentor_ref FROM pd_mentor m JOIN pd_program p ON p.id = m.program
				WHERE m.tenant_id = ? AND m.user_ref = ?""")
			.params(tenant, userRef)
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(e -> refs.put(e.getKey(), e.getValue()));
		Map<Long, People.Person> named = people.people(new TenantId(tenant), refs.values());
		Map<String, People.Person> mentors = new HashMap<>();
		refs.forEach((code, ref) -> {
			if (named.containsKey(ref)) {
				mentors.put(code, named.get(ref));
			}
		});
		return mentors;
	}

	private Optional<People.Person> mentorOf(long tenant, long userRef, long program) {
		return jdbc.sql("SELECT mentor_ref FROM pd_mentor WHERE program = ? AND user_ref = ?")
			.params(program, userRef)
			.query(Long.class)
			.optional()
			.flatMap(ref -> people.person(new TenantId(tenant), ref));
	}

	/** Someone the member mentors, in one program, with their standing there. */
	public record Mentee(String name, String programTitle, Standing standing, int met, int total) {
	}

	@Transactional(readOnly = true)
	public List<Mentee> menteesOf(Member mentor) {
		if (CoachingPrivacy.evaluative(mentor)) {
			// mentoring is a colleague's work: whoever launches as a principal or HR sees
			// no one's standing here
			return List.of();
		}
		LocalDate today = calendar.today();
		record Row(long userRef, String title, Standing standing, int met, int total) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT m.user_ref, p.title, s.complete, s.started, s.due_on, s.met, s.total FROM pd_mentor m
				JOIN pd_program p ON p.id = m.program AND NOT p.archived
				LEFT JOIN pd_standing s ON s.program = m.program AND s.user_ref = m.user_ref
				WHERE m.tenant_id = ? AND m.mentor_ref = ?""")
			.params(mentor.tenant().value(), mentor.userId())
			.query((rs, i) -> {
				LocalDate due = rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate();
				Standing standing = Standing.of(rs.getBoolean(3), rs.getBoolean(4), Optional.ofNullable(due), today,
						calendar.dueSoon());
				return new Row(rs.getLong(1), rs.getString(2), standing, rs.getInt(6), rs.getInt(7));
			})
			.list();
		Map<Long, People.Person> named = people.people(mentor.tenant(), rows.stream().map(Row::userRef).toList());
		return rows.stream()
			.filter(r -> named.containsKey(r.userRef()))
			.map(r -> new Mentee(named.get(r.userRef()).displayName(), r.title(), r.standing(), r.met(), r.total()))
			.sorted(Comparator.comparing(Mentee::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	private void requireHr(Member member) {
		if (access.viewOf(member) != ComplianceAccess.View.PEOPLE) {
			throw ProgramNotFoundException.page("mentor");
		}
	}

}
