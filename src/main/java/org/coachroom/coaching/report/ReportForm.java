package org.coachroom.coaching.report;

import org.springframework.validation.Errors;

/** The coach's words in the staff report, as typed: both optional, both bounded. */
record ReportForm(String period, String trends, String nextSupport, Integer version) {

	static final int LONGEST = 4000;

	/** The words as checked: null where left blank. */
	record Written(String trends, String nextSupport) {
	}

	static ReportForm of(StaffReportService.View view) {
		return new ReportForm(view.period().key(), nz(view.trends()), nz(view.nextSupport()), view.version());
	}

	Written check(Errors errors) {
		if (nz(trends).strip().length() > LONGEST) {
			errors.rejectValue("trends", "coaching.report.too-long", new Object[] { LONGEST }, null);
		}
		if (nz(nextSupport).strip().length() > LONGEST) {
			errors.rejectValue("nextSupport", "coaching.report.too-long", new Object[] { LONGEST }, null);
		}
		return errors.hasErrors() ? null : new Written(blankToNull(trends), blankToNull(nextSupport));
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
