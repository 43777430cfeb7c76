package org.coachroom.pd.tracking;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.Schools;
import org.coachroom.pd.catalog.Audience;
import org.coachroom.pd.catalog.PdProfile;
import org.coachroom.pd.catalog.StarterCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's profile facts for the assignment and deadline rules (school level, school,
 * role start), and the audience their launch gives them.
 */
@Service
public class Profiles {

	private final StarterCatalog catalog;

	private final Standings standings;

	private final Schools schools;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PdCalendar calendar;

	Profiles(StarterCatalog catalog, Standings standings, Schools schools, JdbcClient jdbc, Clock clock,
			PdCalendar calendar) {
		this.catalog = catalog;
		this.standings = standings;
		this.schools = schools;
		this.jdbc = jdbc;
		this.clock = clock;
		this.calendar = calendar;
	}

	/**
	 * A person's facts for the rules, and whether they (or HR) have told Coachroom them
	 * yet.
	 */
	public record Profile(PdProfile facts, boolean recorded, Long schoolId) {
	}

	/**
	 * Which audience a person's LMS roles put them in; empty for people programs are not
	 * for.
	 */
	public static Optional<Audience> audienceOf(Member member) {
		// a principal's or HR role beside a coach's (an Instructor who is the principal)
		// is not a coach's PD
		if (CoachingPrivacy.evaluative(member)) {
			return Optional.empty();
		}
		if (member.hasRole(CoachroomRole.COACH)) {
			return Optional.of(Audience.COACH);
		}
		if (member.hasRole(CoachroomRole.TEACHER)) {
			return Optional.of(Audience.TEACHER);
		}
		return Optional.empty();
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<Profile> profile(Member member) {
		return audienceOf(member).map(audience -> jdbc.sql(
				"SELECT school_level, role_started_on, confirmed, school_id FROM pd_profile WHERE tenant_id = ? AND user_ref = ?")
			.params(member.tenant().value(), member.userId())
			.query((rs, i) -> new Profile(
					new PdProfile(audience, SchoolLevel.valueOf(rs.getString(1)),
							rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()),
					rs.getBoolean(3), (Long) rs.getObject(4, Long.class)))
			.optional()
			.orElse(new Profile(new PdProfile(audience, SchoolLevel.ANY, null), false, null)));
	}

	/**
	 * The person becomes known to PD tracking (HR's view lists them) with the audience
	 * their current launch gives; the facts they have not told yet stay unknown.
	 */
	void register(Member member, Audience audience) {
		jdbc.sql(
				"""
						INSERT INTO pd_profile (tenant_id, user_ref, audience, confirmed, school_level, role_started_on, updated_at,
						updated_by) VALUES (?, ?, ?, FALSE, 'ANY', NULL, ?, ?) ON DUPLICATE KEY UPDATE audience = VALUES(audience)""")
			.params(member.tenant().value(), member.userId(), audience.name(), Timestamp.from(clock.instant()),
					member.userId())
			.update();
	}

	/**
	 * A person says what level of school they work at and when they started their role.
	 */
	@Transactional
	public void saveProfile(Member member, SchoolLevel level, LocalDate roleStartedOn, Long schoolId) {
		if (audienceOf(member).isEmpty()) {
			throw ProgramNotFoundException.page("profile");
		}
		if (schoolId != null && schools.find(member.tenant().value(), schoolId).filter(s -> !s.archived()).isEmpty()) {
			throw new RecordingRefusedException("pd.profile.school.invalid");
		}
		if (roleStartedOn != null && roleStartedOn.isAfter(calendar.today().plusYears(1))) {
			throw new RecordingRefusedException("pd.profile.start-in-future");
		}
		Instant now = clock.instant();
		jdbc.sql(
				"""
						INSERT INTO pd_profile (tenant_id, user_ref, audience, confirmed, school_level, school_id, role_started_on,
						updated_at, updated_by) VALUES (?, ?, ?, TRUE, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE audience = VALUES(audience),
						confirmed = TRUE, school_level = VALUES(school_level), school_id = VALUES(school_id),
						role_started_on = VALUES(role_started_on), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)""")
			.params(member.tenant().value(), member.userId(), audienceOf(member).orElseThrow().name(), level.name(),
					schoolId, roleStartedOn == null ? null : Date.valueOf(roleStartedOn), Timestamp.from(now),
					member.userId())
			.update();
		catalog.ensureImported(member.tenant().value());
		standings.refresh(member.tenant().value(), member.userId());
	}

}
