package org.coachroom.coaching.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.coaching.log.CoachingFigures;
import org.coachroom.coaching.school.Count;
import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.lti.Member;
import org.coachroom.shared.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coach's staff report, twice a year by default: the period's figures from their own
 * log (counts only, no names), trends and themes and the support offered next in their
 * words, and the good-news stories their teachers approved. Printable on one page and as
 * a PDF; printing or downloading keeps the edition as it was. For anyone not coaching in
 * this launch it does not exist.
 */
@Controller
class ReportController {

	private static final Logger log = LoggerFactory.getLogger(ReportController.class);

	private final StaffReportService reports;

	private final ReportPeriods periods;

	private final CoachingAccess access;

	private final MessageSource messages;

	ReportController(StaffReportService reports, ReportPeriods periods, CoachingAccess access, MessageSource messages) {
		this.reports = reports;
		this.periods = periods;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/coaching/report")
	String report(@AuthenticationPrincipal Member coach, @RequestParam(required = false) String period, Model model) {
		access.requireCoach(coach);
		StaffReportService.View view = reports.view(coach, period(period));
		model.addAttribute("form", ReportForm.of(view));
		show(view, model);
		return "coaching/report";
	}

	@PostMapping("/coaching/report")
	String write(@AuthenticationPrincipal Member coach, @ModelAttribute("form") ReportForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		access.requireCoach(coach);
		ReportPeriods.Period period = period(form.period());
		ReportForm.Written written = form.check(result);
		if (written == null) {
			log.info("Staff report refused: {}", result.getFieldErrors().stream().map(e -> e.getField()).toList());
			show(reports.view(coach, period), model);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "coaching/report";
		}
		reports.write(coach, period, written, form.version());
		redirect.addFlashAttribute("message", "coaching.flash.report-saved");
		return "redirect:/coaching/report?period=" + period.key();
	}

	@PostMapping("/coaching/report/printed")
	String printed(@AuthenticationPrincipal Member coach, @RequestParam(required = false) String period,
			RedirectAttributes redirect) {
		access.requireCoach(coach);
		ReportPeriods.Period named = period(period);
		reports.printed(coach, named);
		redirect.addFlashAttribute("message", "coaching.flash.report-printed");
		return "redirect:/coaching/report?period=" + named.key();
	}

	@PostMapping("/coaching/report/new-edition")
	String newEdition(@AuthenticationPrincipal Member coach, @RequestParam(required = false) String period,
			RedirectAttributes redirect) {
		access.requireCoach(coach);
		ReportPeriods.Period named = period(period);
		reports.newEdition(coach, named);
		redirect.addFlashAttribute("message", "coaching.flash.report-new-edition");
		return "redirect:/coaching/report?period=" + named.key();
	}

	/** The report as a PDF; downloading it keeps the edition as printed. */
	@GetMapping("/coaching/report.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Member coach, @RequestParam(required = false) String period) {
		access.requireCoach(coach);
		ReportPeriods.Period named = period(period);
		reports.printed(coach, named);
		StaffReportService.View view = reports.forNewCopy(coach, named);
		String title = text("coaching.report.heading", day().format(named.start()), day().format(named.last()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("staff-report-" + named.key() + ".pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(ReportPdf.render(title, blocks(title, view)));
	}

	/** Dates in the PDF read in the page's language. */
	private static DateTimeFormatter day() {
		return DateTimeFormatter.ofPattern("d MMM yyyy", LocaleContextHolder.getLocale());
	}

	private ShownFigures shown(StaffReportService.View view) {
		return ShownFigures.of(view.figures(), view.perWeek(),
				c -> !c.hidden() ? Integer.toString(c.value()) : c.value() < Count.SMALLEST_SHOWN
						? text("pd.compliance.fewer", Count.SMALLEST_SHOWN) : text("coaching.not-shown"));
	}

	private List<ReportPdf.Block> blocks(String title, StaffReportService.View view) {
		CoachingFigures.Figures f = view.figures();
		List<ReportPdf.Block> blocks = new ArrayList<>();
		blocks.add(ReportPdf.Block.title(title));
		blocks.add(ReportPdf.Block
			.text(text("coaching.report.edition-printed", view.edition(), day().format(view.printedOn()))));
		blocks.add(ReportPdf.Block.heading(text("coaching.report.figures")));
		ShownFigures shown = shown(view);
		blocks.add(ReportPdf.Block.text(shown.teachers() + " " + text("coaching.report.teachers")));
		blocks.add(ReportPdf.Block.text(shown.contacts() + " " + text("coaching.report.contacts")));
		blocks.add(ReportPdf.Block.text(shown.perWeek() + " " + text("coaching.report.per-week")));
		blocks.add(ReportPdf.Block.heading(text("coaching.report.spread")));
		for (int i = 0; i < f.spread().size(); i++) {
			CoachingFigures.Spread s = f.spread().get(i);
			String contacts = s.open() ? text("coaching.summary.or-more", s.from())
					: s.from() == s.to() ? Integer.toString(s.from()) : s.from() + "–" + s.to();
			blocks.add(ReportPdf.Block
				.text(text("coaching.report.spread-shown", contacts, shown.spreadTeachers().get(i))));
		}
		blocks.add(ReportPdf.Block.heading(text("coaching.report.support")));
		if (f.bySupport().isEmpty()) {
			blocks.add(ReportPdf.Block.text(text("coaching.summary.none")));
		}
		for (int i = 0; i < f.bySupport().size(); i++) {
			CoachingFigures.Support s = f.bySupport().get(i);
			// minutes beside a hidden count would hint at it: hidden with it
			blocks.add(ReportPdf.Block.text(shown.supportHidden().get(i)
					? text("coaching.report.support-hidden", text(s.support().messageKey()),
							shown.supportContacts().get(i))
					: text("coaching.report.support-shown", text(s.support().messageKey()),
							shown.supportContacts().get(i), Integer.toString(s.minutes()))));
		}
		blocks.add(ReportPdf.Block.heading(text("coaching.report.trends")));
		blocks.add(ReportPdf.Block.text(view.trends() == null ? "–" : view.trends()));
		blocks.add(ReportPdf.Block.heading(text("coaching.report.next")));
		blocks.add(ReportPdf.Block.text(view.nextSupport() == null ? "–" : view.nextSupport()));
		blocks.add(ReportPdf.Block.heading(text("coaching.report.stories")));
		if (view.stories().isEmpty()) {
			blocks.add(ReportPdf.Block.text(text("coaching.report.no-stories")));
		}
		for (String story : view.stories()) {
			blocks.add(ReportPdf.Block.text("• " + story));
		}
		return blocks;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private void show(StaffReportService.View view, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("shown", shown(view));
		model.addAttribute("periods", periods.begun());
	}

	private ReportPeriods.Period period(String key) {
		return periods.named(key).orElseThrow(UnknownPeriodException::new);
	}

	/** A period no page of ours offers: a 400 that says so. */
	static class UnknownPeriodException extends Refusal {

		UnknownPeriodException() {
			super(HttpStatus.BAD_REQUEST, "No such staff report period", "coaching.report.refused.title",
					"coaching.report.unknown-period", new Back("/coaching/report", "coaching.report.back"));
		}

	}

}
