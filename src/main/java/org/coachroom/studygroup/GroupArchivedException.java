package org.coachroom.studygroup;

/** An archived group is a record: it is not changed any more. */
public class GroupArchivedException extends RuntimeException {

	public GroupArchivedException(long groupId) {
		super("Study group " + groupId + " is archived");
	}
}
