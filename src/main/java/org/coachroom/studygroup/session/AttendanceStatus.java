package org.coachroom.studygroup.session;

import org.springframework.modulith.NamedInterface;

/** How a member was recorded at one session. */
// the group page of the module's API (StudyGroupManagement.GroupPage) shows these: other
// modules may name them
@NamedInterface("model")
public enum AttendanceStatus {

	PRESENT, ABSENT, EXCUSED

}
