package org.coachroom.coaching.pair;

import java.util.Optional;

/**
 * The kinds of support a coach gives, as the district's coaching job descriptions name
 * them: what a cycle plans and what a contact was.
 */
public enum SupportType {

	MODEL_LESSON, CO_TEACHING, OBSERVATION, VIDEO, PLANNING, DATA_CONVERSATION, FEEDBACK_CONVERSATION, OTHER;

	/** The message key of its name for people. */
	public String messageKey() {
		return "coaching.support." + name();
	}

	/** The kind named by a form value, if it is one. */
	public static Optional<SupportType> named(String value) {
		for (SupportType type : values()) {
			if (type.name().equals(value)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
