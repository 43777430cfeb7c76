package org.coachroom.pd.tracking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.coachroom.lti.Member;
import org.coachroom.pd.RecordingRefusedException;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.Schools;
import org.coachroom.pd.compliance.Mentors;
import org.coachroom.pd.reminder.SentReminders;
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
 * A person's own PD page: their programs with standing and deadline, their profile facts,
 * their credits and the reminders they were sent. Input a rule refuses comes back as a
 * message.
 */
@Controller
class MyPdController {

	private static final Logger log = LoggerFactory.getLogger(MyPdController.class);

	private final ProgramTracking tracking;

	private final Profiles profiles;

	private final Credits credits;

	private final SentReminders reminders;

	private final Mentors mentors;

	private final Schools schools;

	private final PdCalendar calendar;

	MyPdController(ProgramTracking tracking, Profiles profiles, Credits credits, SentReminders reminders,
			Mentors mentors, Schools schools, PdCalendar calendar) {
		this.tracking = tracking;
		this.profiles = profiles;
		this.credits = credits;
		this.reminders = reminders;
		this.mentors = mentors;
		this.schools = schools;
		this.calendar = calendar;
	}

	@GetMapping("/pd")
	String mine(@AuthenticationPrincipal Member member, Model model) {
		model.addAttribute("profile", profiles.profile(member).orElse(null));
		model.addAttribute("programs", tracking.myPrograms(member));
		model.addAttribute("today", calendar.today());
		model.addAttribute("levels", SchoolLevel.values());
		var mine = profiles.profile(member).isPresent() ? credits.credits(member) : List.<Credits.Credit>of();
		var targets = mine.isEmpty() ? List.<Credits.CreditTarget>of() : credits.creditTargets(member);
		// for each credit, the hours requirements of the same unit it can count toward
		Map<Long, List<Credits.CreditTarget>> fits = new HashMap<>();
		for (Credits.Credit c : mine) {
			fits.put(c.id(),
					targets.stream().filter(t -> t.unit() != null && t.unit().equalsIgnoreCase(c.unit())).toList());
		}
		model.addAttribute("credits", mine);
		model.addAttribute("reminders", profiles.profile(member).isPresent() ? reminders.of(member) : List.of());
		model.addAttribute("zone", calendar.zone());
		model.addAttribute("fits", fits);
		model.addAttribute("mentees", mentors.menteesOf(member));
		model.addAttribute("schools", schools.open(member.tenant().value()));
		return "pd/list";
	}

	@PostMapping("/pd/credits/{id}")
	String applyCredit(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(defaultValue = "") String target, RedirectAttributes redirect) {
		int slash = target.indexOf('/');
		if (slash <= 0 || slash == target.length() - 1) {
			redirect.addFlashAttribute("error", "pd.credit.choose");
			return "redirect:/pd";
		}
		try {
			credits.applyCredit(member, id, target.substring(0, slash), target.substring(slash + 1));
		}
		catch (RecordingRefusedException e) {
			log.info("PD credit refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/pd";
		}
		redirect.addFlashAttribute("message", "pd.flash.credit-applied");
		return "redirect:/pd";
	}

	@PostMapping("/pd/profile")
	String saveProfile(@AuthenticationPrincipal Member member, @Valid @ModelAttribute ProfileForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			log.info("PD profile refused: fields {}", result.getFieldErrors().stream().map(e -> e.getField()).toList());
			redirect.addFlashAttribute("error", "pd.profile.invalid");
			return "redirect:/pd";
		}
		try {
			profiles.saveProfile(member, form.schoolLevel(), form.roleStartedOn(), form.school());
		}
		catch (RecordingRefusedException e) {
			log.info("PD profile refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/pd";
		}
		redirect.addFlashAttribute("message", "pd.flash.profile-saved");
		return "redirect:/pd";
	}

	private static String clip(String s) {
		return s.length() > 60 ? s.substring(0, 60) : s;
	}

}
