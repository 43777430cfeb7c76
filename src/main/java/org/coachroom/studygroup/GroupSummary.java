package org.coachroom.studygroup;

/**
 * A study group as lists show it: read in one query for a whole list, without its
 * collections.
 */
public record GroupSummary(long id, long homeContextRef, String title, StudyGroup.Kind kind, String purpose,
		StudyGroup.Visibility visibility, boolean archived) {

	public boolean open() {
		return visibility == StudyGroup.Visibility.OPEN && !archived;
	}
}
