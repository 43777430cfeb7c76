package org.coachroom.coaching.report;

import java.time.LocalDate;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/** The report changed since the coach opened it (in another tab, say): a 409. */
class ReportStaleException extends Refusal {

	ReportStaleException(LocalDate period) {
		super(HttpStatus.CONFLICT, "Staff report of " + period + " changed meanwhile", "coaching.report.refused.title",
				"coaching.report.stale", new Back("/coaching/report?period=" + period, "coaching.report.back"));
	}

}
