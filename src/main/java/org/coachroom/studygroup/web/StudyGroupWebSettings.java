package org.coachroom.studygroup.web;

import java.time.ZoneId;

import org.coachroom.shared.DistrictClock;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The district's time zone, in which the study group pages show and read times. */
@ControllerAdvice(basePackageClasses = StudyGroupWebSettings.class)
class StudyGroupWebSettings {

	private final ZoneId zone;

	StudyGroupWebSettings(DistrictClock district) {
		this.zone = district.zone();
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

}
