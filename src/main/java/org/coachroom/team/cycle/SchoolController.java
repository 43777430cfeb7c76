package org.coachroom.team.cycle;

import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.coachroom.team.CycleStep;
import org.coachroom.team.workspace.TeamInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team's school (named by the facilitator), and what its principal sees: the school's
 * teams and the summaries shared.
 */
@Controller
class SchoolController {

	private static final Logger log = LoggerFactory.getLogger(SchoolController.class);

	private final TeamSchools schools;

	private final SchoolOverviews overviews;

	private final CycleScreens screens;

	SchoolController(TeamSchools schools, SchoolOverviews overviews, CycleScreens screens) {
		this.schools = schools;
		this.overviews = overviews;
		this.screens = screens;
	}

	@PostMapping("/team/{id}/school")
	String nameSchool(@AuthenticationPrincipal Member member, @PathVariable long id,
			@Valid @ModelAttribute SchoolForm form, BindingResult result, RedirectAttributes redirect) {
		try {
			if (result.hasErrors()) {
				throw new TeamInputException("team.school.unknown");
			}
			schools.nameSchool(member, id, form.schoolId());
			redirect.addFlashAttribute("message", "team.flash.school-saved");
		}
		catch (TeamInputException e) {
			log.info("Team school refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/team/" + id + "#cycles";
	}

	@GetMapping("/team/school")
	String school(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String school, Model model) {
		Long schoolId = school.matches("\\d{1,18}") ? Long.valueOf(school) : null;
		model.addAttribute("overview", overviews.school(member, schoolId));
		model.addAttribute("steps", CycleStep.walked());
		return "team/school";
	}

	@GetMapping("/team/shared/{cycle}")
	String shared(@AuthenticationPrincipal Member member, @PathVariable long cycle, Model model) {
		SchoolOverviews.SharedSummary summary = overviews.shared(member, cycle);
		model.addAttribute("summary", summary);
		model.addAttribute("bands", summary.bands());
		model.addAttribute("chart",
				screens.chart("shared-chart", summary.bands(), summary.baseline(), summary.reassessment()));
		model.addAttribute("chartTable", ResultsChart
			.table(ResultsChart.groups(summary.baseline(), summary.reassessment(), screens.word("team.chart.team"))));
		return "team/shared";
	}

}
