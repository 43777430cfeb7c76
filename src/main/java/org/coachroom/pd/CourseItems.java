package org.coachroom.pd;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.shared.CourseCompletion;
import org.coachroom.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PD programs and requirements placed in LMS courses (by deep linking), each with its own gradebook
 * column: the content item a coach places, the placement a launch of it records, and the completion
 * (or its withdrawal) sent on through the gradebook port whenever a person's completion of a placed
 * item changes. A placement counts for the people of its course only.
 */
@Service
public class CourseItems {

	private static final Logger log = LoggerFactory.getLogger(CourseItems.class);

	/** The custom parameters a placed link carries: the program's code, and a requirement's if it is one. */
	public static final String PROGRAM_PARAMETER = "pd_program";

	public static final String REQUIREMENT_PARAMETER = "pd_requirement";

	static final String PROGRAM_SOURCE = "PD_PROGRAM";

	static final String REQUIREMENT_SOURCE = "PD_REQUIREMENT";

	private final Programs programs;

	private final StarterCatalog starter;

	private final People people;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CourseItems(Programs programs, StarterCatalog starter, People people, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.programs = programs;
		this.starter = starter;
		this.people = people;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** A program a coach can place, with its requirements (each can be placed on its own). */
	public record Placeable(String code, String title, List<Requirement> requirements) {
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
			.map(p -> new Placeable(p.getCode(), p.getTitle(), p.getRequirements()))
			.toList();
	}

	/**
	 * The deep linking content item for a program, or for one of its requirements: a link that opens
	 * the program's page, with a gradebook column (out of 100; a completion scores 100).
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
		long item = itemId(program, code);
		String title = requirement.map(r -> cut(program.getTitle() + ": " + r.title(), 255)).orElse(program.getTitle());
		Map<String, String> custom = requirement.isPresent()
				? Map.of(PROGRAM_PARAMETER, program.getCode(), REQUIREMENT_PARAMETER, code, "coachroom_page",
						"/pd/programs/" + program.getCode())
				: Map.of(PROGRAM_PARAMETER, program.getCode(), "coachroom_page", "/pd/programs/" + program.getCode());
		String kind = requirement.isPresent() ? "pd-requirement" : "pd-program";
		log.info("PD {} {} placed by {} in {}", kind, requirement.isPresent() ? programCode + "/" + code : programCode,
				member.subject(), member.context().contextId());
		return new DeepLinking.ResourceLink(title, cut(program.getDescription(), 1000), null, custom,
				new DeepLinking.LineItem(new BigDecimal(100), title, kind + "-" + item, "coachroom-" + kind));
	}

	/**
	 * Remembers that a launch of an LMS link opened this program (or one of its requirements), with the
	 * link's gradebook line item. The first launch also sends the completions sent elsewhere before it
	 * to this column, and returns the people of the course whose completion was never worked out for
	 * this item: their standings are refreshed next, which sends theirs.
	 */
	@Transactional
	public List<Long> recordPlacement(Member viewer, Program program) {
		var launch = viewer.launch();
		if (launch == null || launch.resourceLinkId() == null || launch.isDeepLinking() || viewer.context() == null
				|| !program.getCode().equals(launch.custom().get(PROGRAM_PARAMETER))) {
			return List.of();
		}
		String code = launch.custom().getOrDefault(REQUIREMENT_PARAMETER, "");
		if (!code.isEmpty() && program.requirement(code).isEmpty()) {
			return List.of();
		}
		long item = itemId(program, code);
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT IGNORE INTO pd_placement (course_item, resource_link_id, context_ref, line_item_url, line_items_url,
				first_launch_at, last_launch_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(item, launch.resourceLinkId(), viewer.context().id(), url(launch.lineItemUrl()),
					url(launch.lineItemsUrl()), Timestamp.from(now), Timestamp.from(now))
			.update();
		if (inserted == 0) {
			jdbc.sql("""
					UPDATE pd_placement SET last_launch_at = ?, context_ref = ?, line_item_url = COALESCE(?, line_item_url),
					line_items_url = COALESCE(?, line_items_url) WHERE course_item = ? AND resource_link_id = ?""")
				.params(Timestamp.from(now), viewer.context().id(), url(launch.lineItemUrl()), url(launch.lineItemsUrl()), item,
						launch.resourceLinkId())
				.update();
			return List.of();
		}
		log.info("PD item {} placed at link {} in course {}", item, launch.resourceLinkId(), viewer.context().contextId());
		// people of the course who completed it before the link was first launched get their score too
		CourseCompletion.Placement placement = new CourseCompletion.Placement(launch.resourceLinkId(),
				url(launch.lineItemUrl()), url(launch.lineItemsUrl()));
		TenantId tenant = viewer.tenant();
		Map<Long, Boolean> known = new java.util.HashMap<>();
		jdbc.sql("SELECT user_ref, completed FROM pd_item_completion WHERE course_item = ?")
			.param(item)
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getBoolean(2)))
			.list()
			.forEach(e -> known.put(e.getKey(), e.getValue()));
		List<Long> unknown = new ArrayList<>();
		for (People.CourseMember member : people.inCourse(tenant, viewer.context().id())) {
			long userRef = member.person().userRef();
			Boolean completed = known.get(userRef);
			if (completed == null) {
				unknown.add(userRef);
			}
			else if (completed) {
				publish(tenant.value(), new Item(item, program.getId(), code), program, userRef, List.of(placement), true, now);
			}
		}
		return unknown;
	}

	private record Item(long id, long program, String requirementCode) {
	}

	/** The programs of the district placed in some course, whole or by a requirement. */
	java.util.Set<Long> placedPrograms(long tenantId) {
		return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT program FROM pd_course_item WHERE tenant_id = ?")
			.param(tenantId)
			.query(Long.class)
			.list());
	}

	/**
	 * After a person's status in a program is worked out: for each placed item of the program whose
	 * completion changed for them, the change is recorded and published for the gradebook.
	 */
	void follow(long tenantId, long userRef, ProgramStatus status) {
		Program program = status.program();
		List<Item> items = jdbc.sql("SELECT id, program, requirement_code FROM pd_course_item WHERE program = ?")
			.param(program.getId())
			.query((rs, i) -> new Item(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
		if (items.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		for (Item item : items) {
			Optional<Boolean> completed = item.requirementCode().isEmpty()
					? Optional.of(status.standing() == Standing.COMPLETE)
					: status.requirements()
						.stream()
						.filter(r -> r.requirement().code().equals(item.requirementCode()))
						.findFirst()
						.map(RequirementStatus::met);
			if (completed.isEmpty()) {
				// a requirement the program no longer has: its column keeps what it was last sent
				continue;
			}
			Optional<Boolean> before = jdbc.sql("SELECT completed FROM pd_item_completion WHERE course_item = ? AND user_ref = ? FOR UPDATE")
				.params(item.id(), userRef)
				.query(Boolean.class)
				.optional();
			if (before.equals(completed) || (before.isEmpty() && !completed.get())) {
				continue;
			}
			jdbc.sql("""
					INSERT INTO pd_item_completion (course_item, user_ref, completed, changed_at) VALUES (?, ?, ?, ?)
					ON DUPLICATE KEY UPDATE completed = VALUES(completed), changed_at = VALUES(changed_at)""")
				.params(item.id(), userRef, completed.get(), Timestamp.from(now))
				.update();
			List<CourseCompletion.Placement> placements = placementsFor(tenantId, item, userRef);
			if (!placements.isEmpty()) {
				publish(tenantId, item, program, userRef, placements, completed.get(), now);
			}
		}
	}

	/** The item's placements in courses the person is in: a column elsewhere is not theirs. */
	private List<CourseCompletion.Placement> placementsFor(long tenantId, Item item, long userRef) {
		record Placed(long contextRef, CourseCompletion.Placement placement) {
		}
		List<CourseCompletion.Placement> theirs = new ArrayList<>();
		jdbc.sql("SELECT context_ref, resource_link_id, line_item_url, line_items_url FROM pd_placement WHERE course_item = ?")
			.param(item.id())
			.query((rs, i) -> new Placed(rs.getLong(1),
					new CourseCompletion.Placement(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list()
			.forEach(p -> {
				if (!people.rolesInCourse(new TenantId(tenantId), p.contextRef(), userRef).isEmpty()) {
					theirs.add(p.placement());
				}
			});
		return theirs;
	}

	private void publish(long tenantId, Item item, Program program, long userRef,
			List<CourseCompletion.Placement> placements, boolean completed, Instant now) {
		String title = item.requirementCode().isEmpty() ? program.getTitle()
				: program.requirement(item.requirementCode())
					.map(r -> cut(program.getTitle() + ": " + r.title(), 300))
					.orElse(program.getTitle());
		String subject = people.person(new TenantId(tenantId), userRef).map(People.Person::subject).orElse(null);
		events.publishEvent(new PdCompletionChanged(tenantId,
				item.requirementCode().isEmpty() ? PROGRAM_SOURCE : REQUIREMENT_SOURCE, item.id(), title, userRef, subject,
				placements, now, completed, completed ? "Completed in Coachroom" : "No longer complete in Coachroom"));
	}

	/** The item's id, made the first time the program or requirement is placed. */
	private long itemId(Program program, String requirementCode) {
		jdbc.sql("INSERT IGNORE INTO pd_course_item (tenant_id, program, requirement_code) VALUES (?, ?, ?)")
			.params(program.getTenantId(), program.getId(), requirementCode)
			.update();
		return jdbc.sql("SELECT id FROM pd_course_item WHERE program = ? AND requirement_code = ?")
			.params(program.getId(), requirementCode)
			.query(Long.class)
			.single();
	}

	/** A URL too long to keep is not kept: the gradebook finds the column through the container instead. */
	private static String url(String s) {
		return s == null || s.length() <= 2000 ? s : null;
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
