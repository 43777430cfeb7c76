package org.coachroom.studygroup;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A roster import is of the course the coach launched from; the group lives in another
 * course (a 400).
 */
public class RosterFromOtherCourseException extends Refusal {

	public RosterFromOtherCourseException(long groupId) {
		super(HttpStatus.BAD_REQUEST, "Study group " + groupId + " belongs to another course than this launch",
				"studygroup.refused.title", "studygroup.bad-input", StudyGroupRefusals.BACK);
	}

}
