package org.coachroom.studygroup;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/**
 * Attendance opens when a session starts: taken ahead, it would count a session that has
 * not happened (a 409).
 */
public class SessionNotStartedException extends Refusal {

	public SessionNotStartedException(long sessionId) {
		super(HttpStatus.CONFLICT, "Session " + sessionId + " has not started: attendance opens when it starts",
				"studygroup.refused.title", "studygroup.session-not-started", StudyGroupRefusals.BACK);
	}

}
