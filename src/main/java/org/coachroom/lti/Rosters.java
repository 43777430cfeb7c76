package org.coachroom.lti;

import java.util.List;
import java.util.Set;

/** The course roster from the LMS (Names and Role Provisioning Services 2.0). */
public interface Rosters {

	/**
	 * A person on the roster, recorded in Coachroom (so they can be added to things
	 * before their first launch), with the roles the roster gives them and whether they
	 * are active in the course.
	 */
	record Entry(People.Person person, Set<String> roles, boolean active) {

		public boolean hasRole(ToolRole role) {
			return roles.contains(role.name());
		}
	}

	/**
	 * Everyone in the course the member launched from, every page of it.
	 * @throws ServiceUnavailableException when the launch offered no roster or the LMS
	 * did not give it
	 */
	List<Entry> courseRoster(Member launchedBy);

}
