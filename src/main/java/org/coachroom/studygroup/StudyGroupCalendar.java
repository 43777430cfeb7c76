package org.coachroom.studygroup;

/**
 * How a study group session is named on a calendar, the same in a person's feed and in
 * the file of one session, so that a calendar app that has both keeps one event.
 */
public final class StudyGroupCalendar {

	private StudyGroupCalendar() {
	}

	public static String uid(long sessionId) {
		return "coachroom-study-group-session-" + sessionId;
	}

	/** The room, the meeting link, or both, as a calendar's one location line. */
	public static String where(String location, String meetingUrl) {
		boolean room = location != null && !location.isBlank();
		boolean link = meetingUrl != null && !meetingUrl.isBlank();
		return room && link ? location.strip() + " / " + meetingUrl.strip()
				: room ? location.strip() : link ? meetingUrl.strip() : null;
	}

}
