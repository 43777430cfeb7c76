package org.coachroom.studygroup;

import org.coachroom.shared.web.Refusal;

/** Where a study group refusal page leads back to: the list of groups. */
final class StudyGroupRefusals {

	static final Refusal.Back BACK = new Refusal.Back("/groups", "studygroup.back-list");

	private StudyGroupRefusals() {
	}

}
