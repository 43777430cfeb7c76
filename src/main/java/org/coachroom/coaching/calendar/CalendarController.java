package org.coachroom.coaching.calendar;

import java.time.Clock;

import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.lti.Member;
import org.coachroom.shared.calendar.ICalendars;
import org.coachroom.shared.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A person's calendar: the page where they make or stop the secret link of their feed,
 * and the feed itself, which a calendar app fetches without a launch.
 */
@Controller
class CalendarController {

	private static final Logger log = LoggerFactory.getLogger(CalendarController.class);

	private final CalendarFeeds feeds;

	private final PersonalCalendar calendar;

	private final CoachingCalendar days;

	private final MessageSource messages;

	private final Clock clock;

	CalendarController(CalendarFeeds feeds, PersonalCalendar calendar, CoachingCalendar days, MessageSource messages,
			Clock clock) {
		this.clock = clock;
		this.feeds = feeds;
		this.calendar = calendar;
		this.days = days;
		this.messages = messages;
	}

	@GetMapping("/coaching/calendar")
	String page(@AuthenticationPrincipal Member member, Model model) {
		CalendarFeeds.Live live = feeds.live(member).orElse(null);
		model.addAttribute("live", live);
		if (live != null) {
			model.addAttribute("liveSince", live.createdAt().atZone(days.zone()).toLocalDate());
		}
		return "coaching/calendar";
	}

	@PostMapping("/coaching/calendar/link")
	String makeLink(@AuthenticationPrincipal Member member, RedirectAttributes redirect) {
		String token = feeds.makeNew(member);
		// Shown once: only its hash is kept.
		redirect.addFlashAttribute("feedUrl",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar/" + token + ".ics").toUriString());
		return "redirect:/coaching/calendar";
	}

	@PostMapping("/coaching/calendar/stop")
	String stop(@AuthenticationPrincipal Member member, RedirectAttributes redirect) {
		feeds.revoke(member);
		redirect.addFlashAttribute("message", "coaching.flash.calendar-stopped");
		return "redirect:/coaching/calendar";
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String token) {
		CalendarFeeds.Owner owner = feeds.open(token).orElseThrow(() -> {
			// Never the token itself in the log: it is the key.
			log.info("Calendar feed refused: no live link with that token");
			return new Refusal(HttpStatus.NOT_FOUND, "No calendar feed for this link", "coaching.calendar.gone.title",
					"coaching.calendar.gone.body", Refusal.Back.HOME);
		});
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		String name = messages.getMessage("coaching.calendar.name", null, "Coachroom", LocaleContextHolder.getLocale());
		byte[] body = ICalendars.write(name, calendar.of(owner, days.today(), days.zone(), base), clock.instant());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(ICalendars.MEDIA_TYPE))
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.body(body);
	}

}
