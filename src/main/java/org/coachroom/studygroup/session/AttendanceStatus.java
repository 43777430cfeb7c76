package org.coachroom.studygroup.session;

/** How a member was recorded at one session. */
public enum AttendanceStatus {

	PRESENT, ABSENT, EXCUSED

}
