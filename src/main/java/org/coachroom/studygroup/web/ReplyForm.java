package org.coachroom.studygroup.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A facilitator's reply to a reflection. */
record ReplyForm(@NotBlank(message = "{studygroup.reflection.empty}") @Size(max = 5000,
		message = "{studygroup.reflection.empty}") String body) {
}
