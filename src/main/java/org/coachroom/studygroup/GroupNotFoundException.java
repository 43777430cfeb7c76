package org.coachroom.studygroup;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/**
 * The group does not exist for this person: missing, in another tenant, or closed to
 * them. A 404 that says nothing of it.
 */
public class GroupNotFoundException extends Refusal {

	public GroupNotFoundException(long groupId) {
		super(HttpStatus.NOT_FOUND, "No study group " + groupId + " for this person", "studygroup.not-found.title",
				"studygroup.not-found.body", StudyGroupRefusals.BACK);
	}

}
