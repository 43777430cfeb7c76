package org.coachroom.studygroup;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/**
 * Someone who is not in the group's course (or not a member) was named in a change (a
 * 400).
 */
public class NotInCourseException extends Refusal {

	public NotInCourseException(long userRef) {
		super(HttpStatus.BAD_REQUEST, "Person " + userRef + " is not in this group's course",
				"studygroup.refused.title", "studygroup.bad-input", StudyGroupRefusals.BACK);
	}

}
