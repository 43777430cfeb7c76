package org.coachroom.pd.tracking;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import org.coachroom.shared.DistrictClock;
import org.springframework.stereotype.Component;

/**
 * The day and zone PD works in (the district's), and how near a due date counts as due
 * soon.
 */
@Component
public class PdCalendar {

	private final DistrictClock district;

	private final Period dueSoon;

	PdCalendar(DistrictClock district, PdProperties properties) {
		this.district = district;
		this.dueSoon = properties.dueSoon();
	}

	public Period dueSoon() {
		return dueSoon;
	}

	public ZoneId zone() {
		return district.zone();
	}

	public LocalDate today() {
		return district.today();
	}

}
