package org.coachroom.pd.compliance;

import java.util.List;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.catalog.Audience;
import org.coachroom.pd.catalog.PdProfile;
import org.coachroom.pd.tracking.ProgramStatus;
import org.coachroom.pd.tracking.ProgramTracking;
import org.coachroom.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person's credential facts (profile, school, programs and requirements, no coaching
 * content), for whoever may see them: HR and district admins here, a coach who supports
 * them through {@link SupportedPeople}.
 */
@Service
public class CredentialFacts {

	private final JdbcClient jdbc;

	private final People people;

	private final ProgramTracking tracking;

	private final ComplianceAccess access;

	CredentialFacts(JdbcClient jdbc, People people, ProgramTracking tracking, ComplianceAccess access) {
		this.jdbc = jdbc;
		this.people = people;
		this.tracking = tracking;
		this.access = access;
	}

	/**
	 * One person's credential facts, for HR: their programs and requirements, no coaching
	 * content.
	 */
	public record Person(long userRef, String name, PdProfile facts, String school, List<ProgramStatus> programs) {
	}

	@Transactional(readOnly = true)
	public Optional<Person> person(Member viewer, long userRef) {
		access.requirePeople(viewer);
		return personOf(viewer.tenant().value(), userRef);
	}

	/**
	 * Whether the person is known to PD tracking in the tenant (HR's view lists them),
	 * without working out their standing.
	 */
	public boolean isKnown(long tenant, long userRef) {
		return jdbc.sql("SELECT COUNT(*) FROM pd_profile f WHERE f.tenant_id = ? AND f.user_ref = ?")
			.params(tenant, userRef)
			.query(Integer.class)
			.single() > 0 && people.person(new TenantId(tenant), userRef).isPresent();
	}

	/**
	 * A person's credential facts, for whoever may see them (HR here, a coach who
	 * supports them).
	 */
	Optional<Person> personOf(long tenant, long userRef) {
		record Facts(PdProfile facts, String school) {
		}
		Optional<Facts> known = jdbc.sql("""
				SELECT f.audience, f.school_level, f.role_started_on, sc.name FROM pd_profile f
				LEFT JOIN pd_school sc ON sc.id = f.school_id AND sc.tenant_id = f.tenant_id
				WHERE f.tenant_id = ? AND f.user_ref = ?""")
			.params(tenant, userRef)
			.query((rs, i) -> new Facts(new PdProfile(Audience.valueOf(rs.getString(1)),
					SchoolLevel.valueOf(rs.getString(2)), rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()),
					rs.getString(4)))
			.optional();
		if (known.isEmpty()) {
			return Optional.empty();
		}
		// the name from the lti module's directory: someone it does not know has no facts
		// to show
		return people.person(new TenantId(tenant), userRef)
			.map(p -> new Person(userRef, p.name(), known.get().facts(), known.get().school(),
					tracking.statusesOf(tenant, userRef, known.get().facts())));
	}

}
