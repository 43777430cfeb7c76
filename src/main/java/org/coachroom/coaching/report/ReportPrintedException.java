package org.coachroom.coaching.report;

import java.time.LocalDate;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A change to an edition already printed: it stays as shared; a new edition may be
 * started.
 */
class ReportPrintedException extends Refusal {

	ReportPrintedException(LocalDate period) {
		super(HttpStatus.CONFLICT, "Staff report of " + period + " already printed", "coaching.report.refused.title",
				"coaching.report.printed-already",
				new Back("/coaching/report?period=" + period, "coaching.report.back"));
	}

}
