package org.coachroom.gradebook;

import java.time.Clock;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.StudyGroup;
import org.coachroom.studygroup.StudyGroupManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The gradebook report: for a study group, to the people who manage it; for the whole tenant, to
 * district admins. Shows what reached the LMS, what waits (and when it is tried next), what failed
 * and the LMS's answer, and lets failed scores be sent again.
 */
@Controller
class GradebookController {

	private final ScoreReport report;

	private final StudyGroupManagement studyGroups;

	private final Clock clock;

	private final java.time.ZoneId zone;

	GradebookController(ScoreReport report, StudyGroupManagement studyGroups, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${coachroom.time-zone:}") String timeZone) {
		this.report = report;
		this.studyGroups = studyGroups;
		this.clock = clock;
		this.zone = timeZone == null || timeZone.isBlank() ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(timeZone);
	}

	/** Times show in the district's zone, as on the study group pages. */
	@org.springframework.web.bind.annotation.ModelAttribute("zone")
	java.time.ZoneId zone() {
		return zone;
	}

	@GetMapping("/gradebook/study-groups/{id}")
	String studyGroup(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
		StudyGroup group = studyGroups.visible(member, id, StudyGroupManagement.Access.MANAGER)
			.orElseThrow(() -> new GroupNotFoundException(id));
		model.addAttribute("group", group);
		model.addAttribute("rows", report.forSource(member.tenant().value(), "STUDY_GROUP", id));
		return "gradebook/study-group";
	}

	@PostMapping("/gradebook/study-groups/{id}/retry")
	String retryStudyGroup(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
		studyGroups.visible(member, id, StudyGroupManagement.Access.MANAGER).orElseThrow(() -> new GroupNotFoundException(id));
		int again = report.retryFailed(member.tenant().value(), "STUDY_GROUP", id, clock.instant());
		redirect.addFlashAttribute("retried", again);
		return "redirect:/gradebook/study-groups/" + id;
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
		// the report names teachers: whoever also holds a principal's or HR's role sees no individual's record
		if (!member.hasRole(CoachroomRole.DISTRICT_ADMIN) || member.hasRole(CoachroomRole.PRINCIPAL)
				|| member.hasRole(CoachroomRole.HR)) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
	}
}
