package org.coachroom.studygroup;

/** The group does not exist for this person: missing, in another tenant, or closed to them. */
public class GroupNotFoundException extends RuntimeException {

	public GroupNotFoundException(long groupId) {
		super("No study group " + groupId + " for this person");
	}
}
