package org.coachroom.studygroup.web;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The district's time zone, in which the study group pages show and read times. */
@ControllerAdvice(basePackageClasses = StudyGroupWebSettings.class)
class StudyGroupWebSettings {

	private final ZoneId zone;

	StudyGroupWebSettings(@Value("${coachroom.time-zone:}") String timeZone) {
		this.zone = timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}
}
