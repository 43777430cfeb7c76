package org.coachroom.team.workspace;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/**
 * The workspace does not exist for this person: missing, in another district, or not
 * their team's. A 404 that says nothing of it.
 */
public class WorkspaceNotFoundException extends Refusal {

	public WorkspaceNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, "No team workspace " + id + " for this person", "team.not-found.title",
				"team.not-found.body", new Back("/home", "studygroup.back-home"));
	}

}
