package org.coachroom.studygroup.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.coachroom.studygroup.session.AttendanceStatus;
import org.springframework.validation.Errors;

/**
 * A session's attendance as the manager marks it: each person's mark, null for "not
 * recorded". The page posts one field per person, {@code mark-<person>}, whose names
 * Spring cannot bind to a map, so the fields are read here once, into this record, and a
 * field that names no person or no mark is refused on that field.
 */
record AttendanceForm(Map<Long, AttendanceStatus> marks) {

	static final String FIELD = "mark-";

	AttendanceForm {
		marks = Collections.unmodifiableMap(new LinkedHashMap<>(marks));
	}

	/**
	 * The marks of the posted fields; fields not named {@code mark-...} are not the
	 * form's.
	 */
	static AttendanceForm of(Map<String, String> fields, Errors errors) {
		Map<Long, AttendanceStatus> marks = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (!name.startsWith(FIELD)) {
				return;
			}
			String person = name.substring(FIELD.length());
			AttendanceStatus mark = value == null || value.isBlank() ? null : status(value.strip());
			if (!person.matches("\\d{1,18}")) {
				errors.rejectValue(name, "studygroup.attendance.person");
			}
			else if (mark == null && value != null && !value.isBlank()) {
				errors.rejectValue(name, "studygroup.attendance.mark");
			}
			else {
				marks.put(Long.valueOf(person), mark);
			}
		});
		return new AttendanceForm(marks);
	}

	private static AttendanceStatus status(String typed) {
		for (AttendanceStatus status : AttendanceStatus.values()) {
			if (status.name().equals(typed)) {
				return status;
			}
		}
		return null;
	}

}
