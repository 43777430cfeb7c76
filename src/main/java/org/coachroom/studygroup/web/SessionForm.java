package org.coachroom.studygroup.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.coachroom.studygroup.LinkLines;
import org.coachroom.studygroup.session.GroupSession;
import org.springframework.validation.Errors;

/**
 * A session as a coach plans it, in the district's time zone; text fields, so any input
 * comes back with an error.
 */
record SessionForm(@NotBlank String date, @NotBlank String startTime, @NotBlank String endTime,
		@Size(max = 300) String location,
		@Size(max = 2000) @Pattern(regexp = "^$|^https?://\\S+$",
				message = "{studygroup.form.link.invalid}") String meetingUrl,
		@Size(max = 5000) String agenda, @Size(max = 5000) String reading, @Size(max = 5000) String prompts,
		@Size(max = 5000) String resources) {

	static SessionForm blank(LocalDate date) {
		return new SessionForm(date.toString(), "15:30", "16:30", "", "", "", "", "", "");
	}

	static SessionForm of(GroupSession s, ZoneId zone) {
		DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
		return new SessionForm(s.getStartsAt().atZone(zone).toLocalDate().toString(),
				s.getStartsAt().atZone(zone).toLocalTime().format(hm),
				s.getEndsAt().atZone(zone).toLocalTime().format(hm), s.getLocation(), s.getMeetingUrl(), s.getAgenda(),
				s.getReading(), s.getPrompts(), LinkLines.format(s.getResources()));
	}

	void check(Errors errors) {
		if (!LinkLines.valid(resources)) {
			errors.rejectValue("resources", "studygroup.form.links.invalid");
		}
		if (!errors.hasFieldErrors("date") && parseDate(date) == null) {
			// a date out of range is told its range, not that it is no date
			errors.rejectValue("date", anyDate(date) ? "studygroup.session.date-range" : "studygroup.session.bad-date");
		}
		LocalTime start = parseTime(startTime);
		LocalTime end = parseTime(endTime);
		if (!errors.hasFieldErrors("startTime") && start == null) {
			errors.rejectValue("startTime", "studygroup.session.bad-time");
		}
		if (!errors.hasFieldErrors("endTime") && end == null) {
			errors.rejectValue("endTime", "studygroup.session.bad-time");
		}
		else if (start != null && end != null && !end.isAfter(start)) {
			errors.rejectValue("endTime", "studygroup.session.ends-before-start");
		}
	}

	GroupSession.Plan plan(ZoneId zone) {
		LocalDate day = parseDate(date);
		return new GroupSession.Plan(day.atTime(parseTime(startTime)).atZone(zone).toInstant(),
				day.atTime(parseTime(endTime)).atZone(zone).toInstant(), blank(location), blank(meetingUrl),
				blank(agenda), blank(reading), blank(prompts), LinkLines.parseAll(resources));
	}

	private static LocalDate parseDate(String s) {
		try {
			LocalDate d = s == null ? null : LocalDate.parse(s.strip());
			return d != null && d.getYear() >= 2000 && d.getYear() <= 2100 ? d : null;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static boolean anyDate(String s) {
		try {
			return s != null && LocalDate.parse(s.strip()) != null;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	private static LocalTime parseTime(String s) {
		try {
			return s == null ? null : LocalTime.parse(s.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
