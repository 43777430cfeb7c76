package org.coachroom.lti;

import java.util.Optional;
import java.util.Set;

/**
 * How the tool turns the LTI roles of a launch or a roster into roles of its own. The LTI
 * module reads the roles (full URIs, short names normalised), applies a platform's own
 * rules where it has them, and asks this mapping for everything else. One bean implements
 * it.
 */
public interface RoleMapping {

	/**
	 * The tool roles an LTI role (a full role URI) grants when the platform has no rule
	 * of its own for it; empty for a role the tool has no use for.
	 */
	Set<String> byDefault(String ltiRole);

	/**
	 * The LTI roles (full URIs) of a launch that, beside the others it carries, say
	 * nothing about the person's place in the course and grant nothing. Moodle, for one,
	 * gives every site administrator Instructor in every course they open, enrolled or
	 * not. A course roster lists enrolled people only, so it is not asked there.
	 */
	default Set<String> ignoredInLaunchBeside(Set<String> ltiRoles) {
		return Set.of();
	}

	/**
	 * The tool role that a platform's custom role parameter may grant under this name:
	 * the roles an LMS has no words for. Empty when the text names no such role.
	 */
	Optional<String> grantableByParameter(String text);

	/**
	 * The tool role an administrator names in a registration's role rules ("HR",
	 * "District admin"); empty when there is no such role.
	 */
	Optional<String> named(String text);

	/** The role of someone whose LTI roles grant nothing: the narrowest view. */
	String fallback();

	/**
	 * The tool role whose holders manage the district's platform registrations (issue
	 * registration URLs).
	 */
	String registrationAdministrator();

	/** The role names an administrator may write, for messages. */
	String namesForPeople();

}
