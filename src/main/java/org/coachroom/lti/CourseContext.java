package org.coachroom.lti;

/** The LMS course a launch came from. */
public record CourseContext(long id, String contextId, String label, String title) {

	/** What to call the course on a page: its title, else its label, else its id. */
	public String displayName() {
		if (title != null && !title.isBlank()) {
			return title;
		}
		if (label != null && !label.isBlank()) {
			return label;
		}
		return contextId;
	}
}
