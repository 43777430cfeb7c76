package org.coachroom.gradebook;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.lti.ScoreReportAccess;
import org.coachroom.shared.DistrictClock;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The gradebook report: for a source of scores (a study group, a PD item, a team
 * workspace), to the people who manage it, as its module's {@link ScoreReportAccess}
 * says; for the whole tenant, to district admins. Shows what reached the LMS, what waits
 * (and when it is tried next), what failed and the LMS's answer, and lets failed scores
 * be sent again.
 */
@Controller
class GradebookController {

	private final ScoreReport report;

	private final List<ScoreReportAccess> sources;

	private final List<CompletionsWithoutPlacement> unplaced;

	private final Clock clock;

	private final ZoneId zone;

	GradebookController(ScoreReport report, List<ScoreReportAccess> sources, List<CompletionsWithoutPlacement> unplaced,
			Clock clock, DistrictClock district) {
		this.report = report;
		this.sources = sources;
		this.unplaced = unplaced;
		this.clock = clock;
		this.zone = district.zone();
	}

	/** Times show in the district's zone, as on the study group pages. */
	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

	@GetMapping("/gradebook/{segment}/{id}")
	String source(@AuthenticationPrincipal Member member, @PathVariable String segment, @PathVariable long id,
			Model model) {
		ScoreReportAccess access = accessFor(segment);
		ScoreReportAccess.Reported source = access.managedBy(member, id).orElseThrow(GradebookController::notFound);
		model.addAttribute("source", source);
		model.addAttribute("segment", access.segment());
		model.addAttribute("sourceId", id);
		model.addAttribute("rows", report.forSource(member.tenant().value(), access.source(), id));
		// completions of a source placed in no course reach no gradebook: the page says
		// so
		// rather than that there is nothing to send
		model.addAttribute("waiting",
				unplaced.stream()
					.filter(u -> u.source().equals(access.source()))
					.mapToInt(u -> u.waiting(member.tenant().value(), id))
					.sum());
		return "gradebook/source";
	}

	@PostMapping("/gradebook/{segment}/{id}/retry")
	String retrySource(@AuthenticationPrincipal Member member, @PathVariable String segment, @PathVariable long id,
			RedirectAttributes redirect) {
		ScoreReportAccess access = accessFor(segment);
		access.managedBy(member, id).orElseThrow(GradebookController::notFound);
		int again = report.retryFailed(member.tenant().value(), access.source(), id, clock.instant());
		redirect.addFlashAttribute("retried", again);
		return "redirect:/gradebook/" + access.segment() + "/" + id;
	}

	private ScoreReportAccess accessFor(String segment) {
		return sources.stream()
			.filter(s -> s.segment().equals(segment))
			.findFirst()
			.orElseThrow(GradebookController::notFound);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	@GetMapping("/gradebook")
	String district(@AuthenticationPrincipal Member member, Model model) {
		requireAdmin(member);
		model.addAttribute("totals", report.totals(member.tenant().value()));
		model.addAttribute("rows", report.unsent(member.tenant().value()));
		return "gradebook/district";
	}

	@PostMapping("/gradebook/retry")
	String retryAll(@AuthenticationPrincipal Member member, RedirectAttributes redirect) {
		requireAdmin(member);
		redirect.addFlashAttribute("retried", report.retryAllFailed(member.tenant().value(), clock.instant()));
		return "redirect:/gradebook";
	}

	private static void requireAdmin(Member member) {
		// the report names teachers: whoever also holds a principal's or HR's role sees
		// no individual's record
		if (!member.hasRole(CoachroomRole.DISTRICT_ADMIN) || CoachingPrivacy.evaluative(member)) {
			throw notFound();
		}
	}

}
