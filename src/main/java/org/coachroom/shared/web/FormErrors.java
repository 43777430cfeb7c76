package org.coachroom.shared.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * For a form whose refusal goes back as a flash message after a redirect (not as the
 * fields' messages on a re-shown page): the key of the sentence to flash. A constraint
 * names its sentence as its message, {@code @NotBlank(message =
 * "{studygroup.reflection.empty}")}, the key being one of messages.properties.
 */
public final class FormErrors {

	private static final Pattern KEY = Pattern.compile("\\{([a-z][A-Za-z0-9.-]*)\\}");

	private FormErrors() {
	}

	/**
	 * The message key of the first error: the key a constraint names as its message, or
	 * {@code otherwise} for any other refusal (a value that is not of the field's type, a
	 * constraint's own wording).
	 */
	public static String firstKey(Errors errors, String otherwise) {
		ObjectError first = errors.getAllErrors().isEmpty() ? null : errors.getAllErrors().get(0);
		if (first != null && first.contains(ConstraintViolation.class)) {
			Matcher key = KEY.matcher(first.unwrap(ConstraintViolation.class).getMessageTemplate());
			if (key.matches() && !key.group(1).startsWith("jakarta.")) {
				return key.group(1);
			}
		}
		return otherwise;
	}

	/**
	 * Whether a field holds a value not of its type (a number, a date, a yes/no), which
	 * no page of ours sends.
	 */
	public static boolean unreadable(Errors errors, String... fields) {
		for (String field : fields) {
			FieldError error = errors.getFieldError(field);
			if (error != null && error.isBindingFailure()) {
				return true;
			}
		}
		return false;
	}

}
