package org.coachroom.studygroup;

/** Attendance opens when a session starts: none is recorded for a session still ahead. */
public class SessionNotStartedException extends RuntimeException {

	public SessionNotStartedException(long sessionId) {
		super("Session " + sessionId + " has not started: attendance opens when it starts");
	}
}
