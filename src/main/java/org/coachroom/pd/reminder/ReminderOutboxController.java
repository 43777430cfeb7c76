package org.coachroom.pd.reminder;

import org.coachroom.lti.Member;
import org.coachroom.pd.tracking.PdCalendar;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reminder outbox ({@code /pd/reminders}): what the weekly reminders sent, or would
 * have sent without an SMTP server. A district admin's page; to anyone else it is not
 * there (404).
 */
@Controller
class ReminderOutboxController {

	private final ReminderOutbox outbox;

	private final PdCalendar calendar;

	ReminderOutboxController(ReminderOutbox outbox, PdCalendar calendar) {
		this.outbox = outbox;
		this.calendar = calendar;
	}

	@GetMapping("/pd/reminders")
	String outbox(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "0") String page, Model model) {
		if (!ReminderOutbox.reads(member)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("page", outbox.page(member, number(page)));
		model.addAttribute("zone", calendar.zone());
		return "pd/reminders";
	}

	/** A page number as typed: anything but a small whole number is the first page. */
	private static int number(String page) {
		return page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
	}

}
