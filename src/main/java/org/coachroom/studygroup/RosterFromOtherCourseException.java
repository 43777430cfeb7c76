package org.coachroom.studygroup;

/** A roster import is of the course the coach launched from; the group lives in another course. */
public class RosterFromOtherCourseException extends RuntimeException {

	public RosterFromOtherCourseException(long groupId) {
		super("Study group " + groupId + " belongs to another course than this launch");
	}
}
