package org.coachroom.studygroup;

/** Someone who is not in the group's course (or not a member) was named in a change. */
public class NotInCourseException extends RuntimeException {

	public NotInCourseException(long userRef) {
		super("Person " + userRef + " is not in this group's course");
	}
}
