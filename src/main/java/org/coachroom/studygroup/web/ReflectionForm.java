package org.coachroom.studygroup.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member's reflection: on a session, or the group's final one. */
record ReflectionForm(Long sessionId, Boolean finalReflection,
		@NotBlank(message = "{studygroup.reflection.empty}") @Size(max = ReflectionForm.LONGEST,
				message = "{studygroup.reflection.too-long}") String body) {

	static final int LONGEST = 10_000;

	boolean isFinal() {
		return Boolean.TRUE.equals(finalReflection);
	}
}
