package org.coachroom.coaching.cycle;

import org.springframework.validation.Errors;

/**
 * A good-news story as the coach drafts it or the teacher words it for approval; the
 * story it answers, for the teacher's form shown again beside the right story.
 */
record StoryForm(String wording, Long story) {

	static final int LONGEST = 1500;

	static StoryForm blank() {
		return new StoryForm("", null);
	}

	/** The wording, stripped, or null with the field's error. */
	String check(Errors errors) {
		String text = wording == null ? "" : wording.strip();
		if (text.isEmpty()) {
			errors.rejectValue("wording", "coaching.story.blank");
			return null;
		}
		if (text.length() > LONGEST) {
			errors.rejectValue("wording", "coaching.story.too-long", new Object[] { LONGEST }, null);
			return null;
		}
		return text;
	}

	public boolean answers(Story other) {
		return story != null && story.equals(other.getId());
	}

}
