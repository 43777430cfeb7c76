package org.coachroom.studygroup;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/** An archived group is a record: it is not changed any more (a 409). */
public class GroupArchivedException extends Refusal {

	public GroupArchivedException(long groupId) {
		super(HttpStatus.CONFLICT, "Study group " + groupId + " is archived", "studygroup.refused.title",
				"studygroup.archived", StudyGroupRefusals.BACK);
	}

}
