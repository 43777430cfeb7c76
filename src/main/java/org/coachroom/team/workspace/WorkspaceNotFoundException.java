package org.coachroom.team.workspace;

/** The workspace does not exist for this person: missing, in another district, or not their team's. */
public class WorkspaceNotFoundException extends RuntimeException {

	public WorkspaceNotFoundException(long id) {
		super("No team workspace " + id + " for this person");
	}
}
