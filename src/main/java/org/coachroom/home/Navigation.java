package org.coachroom.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.coachroom.access.CoachingPrivacy;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The one navigation bar of every page (fragments/layout.html): the sections the
 * signed-in person may open, from their roles, the one they are in marked. A section is
 * listed only where its page answers the person (no 404 one click from home; the whole
 * policy is AccessMatrixTests), and not where it would only say "nothing for you here" (a
 * principal's study groups). Pages without a launch (the front page, a session ended, the
 * demo LMS, error pages) and the LMS's deep-linking picker list none.
 */
@ControllerAdvice
class Navigation {

	/** The model attribute the layout reads. */
	static final String ATTRIBUTE = "navigation";

	/**
	 * A link of the bar: its element id, path, message key, and whether the page shown is
	 * in it.
	 */
	public record Link(String id, String path, String label, boolean current) {
	}

	/**
	 * Pages reached from a section though not under its path, by path: the section's path
	 * (the reminder outbox is opened from the catalog).
	 */
	private static final Map<String, String> REACHED_FROM = Map.of("/pd/reminders", "/pd/catalog");

	/** Paths whose pages are no section of a signed-in person's Coachroom. */
	private static final List<String> OUTSIDE = List.of("/", "/session-ended", "/deep-linking");

	@ModelAttribute(ATTRIBUTE)
	List<Link> navigation(@AuthenticationPrincipal Member member, HttpServletRequest request) {
		if (member == null || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
			return List.of();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (OUTSIDE.contains(path) || path.startsWith("/demo/") || path.startsWith("/error")) {
			return List.of();
		}
		return linksFor(CoachroomRole.of(member), path);
	}

	/** The links for someone with these roles on this path (in the app, no context). */
	static List<Link> linksFor(Set<CoachroomRole> roles, String path) {
		List<String[]> sections = sectionsFor(roles);
		path = REACHED_FROM.getOrDefault(path, path);
		String current = null;
		for (String[] section : sections) {
			String href = section[1];
			boolean in = path.equals(href) || !href.equals("/home") && path.startsWith(href + "/");
			if (in && (current == null || href.length() > current.length())) {
				current = href;
			}
		}
		List<Link> links = new ArrayList<>();
		for (String[] section : sections) {
			links.add(new Link(section[0], section[1], section[2], section[1].equals(current)));
		}
		return List.copyOf(links);
	}

	/**
	 * Id, path and message key of each section these roles may use, in the order shown.
	 * The rules are the pages' own: study groups, one's own PD and the team are for
	 * teachers and coaches who evaluate no one (and study groups for district admins);
	 * the people a coach supports for coaches; evidence review for coaches, HR and admins
	 * who are not principals; compliance for principals (counts), HR and admins; a
	 * school's teams for principals; coaching in counts for principals (their school) and
	 * district admins (the district), never for HR; the catalog and LMS registrations for
	 * district admins, the district gradebook for those who evaluate no one.
	 */
	private static List<String[]> sectionsFor(Set<CoachroomRole> roles) {
		boolean evaluative = CoachingPrivacy.evaluative(roles);
		boolean teaches = roles.contains(CoachroomRole.TEACHER) || roles.contains(CoachroomRole.COACH);
		boolean admin = roles.contains(CoachroomRole.DISTRICT_ADMIN);
		boolean principal = roles.contains(CoachroomRole.PRINCIPAL);
		boolean hr = roles.contains(CoachroomRole.HR);
		List<String[]> sections = new ArrayList<>();
		sections.add(new String[] { "nav-home", "/home", "nav.home" });
		if (!evaluative && (teaches || admin)) {
			sections.add(new String[] { "nav-groups", "/groups", "nav.groups" });
		}
		if (!evaluative && teaches) {
			sections.add(new String[] { "nav-pd", "/pd", "nav.pd" });
			sections.add(new String[] { "nav-team", "/team", "nav.team" });
			sections.add(new String[] { "nav-coaching", "/coaching", "nav.coaching" });
		}
		if (CoachingPrivacy.coaches(roles)) {
			sections.add(new String[] { "nav-people", "/pd/people", "nav.people" });
		}
		if (!principal && (hr || admin || roles.contains(CoachroomRole.COACH))) {
			sections.add(new String[] { "nav-evidence", "/pd/evidence", "nav.evidence" });
		}
		if (principal) {
			sections.add(new String[] { "nav-school", "/team/school", "nav.school" });
		}
		// coaching in counts: a principal's school, a district admin's district; HR none
		if (principal && !hr) {
			sections.add(new String[] { "nav-coaching-school", "/coaching/school", "nav.coaching" });
		}
		else if (admin && !hr) {
			sections.add(new String[] { "nav-coaching-district", "/coaching/district",
					!evaluative && teaches ? "nav.coaching-district" : "nav.coaching" });
		}
		if (principal || hr || admin) {
			sections.add(new String[] { "nav-compliance", "/pd/compliance", "nav.compliance" });
		}
		if (admin) {
			sections.add(new String[] { "nav-catalog", "/pd/catalog", "nav.catalog" });
			if (!evaluative) {
				sections.add(new String[] { "nav-gradebook", "/gradebook", "nav.gradebook" });
			}
			sections.add(new String[] { "nav-registrations", "/lti/registrations", "nav.registrations" });
		}
		return sections;
	}

}
