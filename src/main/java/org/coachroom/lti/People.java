package org.coachroom.lti;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.shared.TenantId;

/**
 * The people and course memberships Coachroom knows from launches (and roster imports),
 * for feature modules that show names or check who is in a course. Always within one
 * tenant.
 */
public interface People {

	/**
	 * A person as the LMS named them, with the language of their latest launch
	 * ({@code locale}, the LMS's tag; null when unknown).
	 */
	record Person(long userRef, String subject, String name, String email, String locale) {

		public Person(long userRef, String subject, String name, String email) {
			this(userRef, subject, name, email, null);
		}

		/** The language to write to them in. */
		public Locale language() {
			return Languages.of(locale);
		}

		public String displayName() {
			return name == null || name.isBlank() ? "LMS user " + subject : name;
		}
	}

	/**
	 * A person's place in one course: their tool roles there, from their latest launch
	 * (or the roster).
	 */
	record CourseMember(Person person, Set<String> roles, Instant lastLaunchAt) {

		public boolean hasRole(ToolRole role) {
			return roles.contains(role.name());
		}
	}

	Optional<Person> person(TenantId tenant, long userRef);

	/**
	 * The people with these ids in the tenant; ids of other tenants are simply absent.
	 */
	Map<Long, Person> people(TenantId tenant, Collection<Long> userRefs);

	/** Everyone recorded in the course, by name. */
	List<CourseMember> inCourse(TenantId tenant, long contextRef);

	/** The person's tool roles in the course, empty when they are not in it. */
	Set<String> rolesInCourse(TenantId tenant, long contextRef, long userRef);

	/** Everyone of the tenant who holds the role in some course (HR, say), by name. */
	List<Person> withRole(TenantId tenant, ToolRole role);

	/**
	 * The tenant's name for people to read (a district's, on a certificate): the
	 * deployment's name, else the platform's as its registration gives it; empty when
	 * neither was given (a platform known only by its issuer).
	 */
	Optional<String> tenantName(TenantId tenant);

}
