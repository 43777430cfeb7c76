package org.coachroom.pd;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.Member;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Programs;
import org.coachroom.pd.catalog.Requirement;
import org.coachroom.pd.catalog.StarterCatalog;
import org.coachroom.pd.placement.CoursePlacements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PD programs and requirements placed in LMS courses (by deep linking): what a coach can
 * place, and the content item for one, each with its own gradebook column. What a launch
 * of a placed link records, and the completions sent to the columns, are
 * {@code placement.CoursePlacements}'.
 */
@Service
public class CourseItems {

	private static final Logger log = LoggerFactory.getLogger(CourseItems.class);

	/**
	 * The custom parameters a placed link carries: the program's code, and a
	 * requirement's if it is one.
	 */
	public static final String PROGRAM_PARAMETER = "pd_program";

	public static final String REQUIREMENT_PARAMETER = "pd_requirement";

	private final Programs programs;

	private final StarterCatalog starter;

	private final CoursePlacements placements;

	CourseItems(Programs programs, StarterCatalog starter, CoursePlacements placements) {
		this.programs = programs;
		this.starter = starter;
		this.placements = placements;
	}

	/**
	 * A program a coach can place, with its requirements (each can be placed on its own).
	 */
	public record Placeable(String code, String title, List<Part> requirements) {
	}

	/** A requirement of a placeable program. */
	public record Part(String code, String title) {
	}

	/** Coaches and district admins place PD in the course they launched from. */
	public static boolean mayPlace(Member member) {
		return member.context() != null
				&& (member.hasRole(CoachroomRole.COACH) || member.hasRole(CoachroomRole.DISTRICT_ADMIN));
	}

	@Transactional
	public List<Placeable> placeable(Member member) {
		if (!mayPlace(member)) {
			return List.of();
		}
		starter.ensureImported(member.tenant().value());
		return programs.findByTenantIdAndArchivedFalseOrderByTitle(member.tenant().value())
			.stream()
			.map(p -> new Placeable(p.getCode(), p.getTitle(),
					p.getRequirements().stream().map(q -> new Part(q.code(), q.title())).toList()))
			.toList();
	}

	/**
	 * The deep linking content item for a program, or for one of its requirements: a link
	 * that opens the program's page, with a gradebook column (out of 100; a completion
	 * scores 100).
	 */
	@Transactional
	public DeepLinking.ResourceLink contentItem(Member member, String programCode, String requirementCode) {
		if (!mayPlace(member)) {
			throw new ProgramNotFoundException(programCode);
		}
		Program program = programs.findByTenantIdAndCode(member.tenant().value(), programCode)
			.filter(p -> !p.isArchived())
			.orElseThrow(() -> new ProgramNotFoundException(programCode));
		String code = requirementCode == null ? "" : requirementCode;
		Optional<Requirement> requirement = code.isEmpty() ? Optional.empty() : program.requirement(code);
		if (!code.isEmpty() && requirement.isEmpty()) {
			throw new ProgramNotFoundException(programCode + "/" + code);
		}
		long item = placements.itemId(program, code);
		String title = requirement.map(r -> cut(program.getTitle() + ": " + r.title(), 255)).orElse(program.getTitle());
		Map<String, String> custom = requirement.isPresent()
				? Map.of(PROGRAM_PARAMETER, program.getCode(), REQUIREMENT_PARAMETER, code, DeepLinking.PAGE_PARAMETER,
						"/pd/programs/" + program.getCode())
				: Map.of(PROGRAM_PARAMETER, program.getCode(), DeepLinking.PAGE_PARAMETER,
						"/pd/programs/" + program.getCode());
		String kind = requirement.isPresent() ? "pd-requirement" : "pd-program";
		log.info("PD {} {} placed by {} in {}", kind, requirement.isPresent() ? programCode + "/" + code : programCode,
				member.subject(), member.context().contextId());
		return new DeepLinking.ResourceLink(title, cut(program.getDescription(), 1000), null, custom,
				new DeepLinking.LineItem(new BigDecimal(100), title, kind + "-" + item, "coachroom-" + kind));
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

}
