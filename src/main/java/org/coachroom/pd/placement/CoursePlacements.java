package org.coachroom.pd.placement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.pd.CourseItems;
import org.coachroom.pd.PdCompletionChanged;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.tracking.ProgramStatus;
import org.coachroom.pd.tracking.RequirementStatus;
import org.coachroom.pd.tracking.Standing;
import org.coachroom.shared.CourseCompletion;
import org.coachroom.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where placed PD lives in LMS courses, and what its gradebook columns are sent: the
 * placement a launch of a placed link records, and the completion (or its withdrawal)
 * published for the gradebook whenever a person's completion of a placed item changes. A
 * placement counts for the people of its course only.
 */
@Service
public class CoursePlacements {

	private static final Logger log = LoggerFactory.getLogger(CoursePlacements.class);

	static final String PROGRAM_SOURCE = "PD_PROGRAM";

	static final String REQUIREMENT_SOURCE = "PD_REQUIREMENT";

	private final People people;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CoursePlacements(People people, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.people = people;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Remembers that a launch of an LMS link opened this program (or one of its
	 * requirements), with the link's gradebook line item. The first launch also sends the
	 * completions sent elsewhere before it to this column, and returns the people of the
	 * course whose completion was never worked out for this item: their standings are
	 * refreshed next, which sends theirs.
	 */
	@Transactional
	public List<Long> recordPlacement(Member viewer, Program program) {
		var launch = viewer.launch();
		if (launch == null || launch.resourceLinkId() == null || launch.isDeepLinking() || viewer.context() == null
				|| !program.getCode().equals(launch.custom().get(CourseItems.PROGRAM_PARAMETER))) {
			return List.of();
		}
		String code = launch.custom().getOrDefault(CourseItems.REQUIREMENT_PARAMETER, "");
		if (!code.isEmpty() && program.requirement(code).isEmpty()) {
			return List.of();
		}
		long item = itemId(program, code);
		Instant now = clock.instant();
		int inserted = jdbc
			.sql("""
					INSERT IGNORE INTO pd_placement (course_item, resource_link_id, context_ref, line_item_url, line_items_url,
					first_launch_at, last_launch_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(item, launch.resourceLinkId(), viewer.context().id(), url(launch.lineItemUrl()),
					url(launch.lineItemsUrl()), Timestamp.from(now), Timestamp.from(now))
			.update();
		if (inserted == 0) {
			jdbc.sql(
					"""
							UPDATE pd_placement SET last_launch_at = ?, context_ref = ?, line_item_url = COALESCE(?, line_item_url),
							line_items_url = COALESCE(?, line_items_url) WHERE course_item = ? AND resource_link_id = ?""")
				.params(Timestamp.from(now), viewer.context().id(), url(launch.lineItemUrl()),
						url(launch.lineItemsUrl()), item, launch.resourceLinkId())
				.update();
			return List.of();
		}
		log.info("PD item {} placed at link {} in course {}", item, launch.resourceLinkId(),
				viewer.context().contextId());
		// people of the course who completed it before the link was first launched get
		// their score too
		CourseCompletion.Placement placement = new CourseCompletion.Placement(launch.resourceLinkId(),
				url(launch.lineItemUrl()), url(launch.lineItemsUrl()));
		TenantId tenant = viewer.tenant();
		Map<Long, Boolean> known = new HashMap<>();
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
				publish(tenant.value(), new Item(item, program.getId(), code), program, userRef, List.of(placement),
						true, now);
			}
		}
		return unknown;
	}

	private record Item(long id, long program, String requirementCode) {
	}

	/** The programs of the district placed in some course, whole or by a requirement. */
	public Set<Long> placedPrograms(long tenantId) {
		return new HashSet<>(jdbc.sql("SELECT DISTINCT program FROM pd_course_item WHERE tenant_id = ?")
			.param(tenantId)
			.query(Long.class)
			.list());
	}

	/**
	 * After a person's status in a program is worked out: for each placed item of the
	 * program whose completion changed for them, the change is recorded and published for
	 * the gradebook.
	 */
	public void follow(long tenantId, long userRef, ProgramStatus status) {
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
				// a requirement the program no longer has: its column keeps what it was
				// last sent
				continue;
			}
			Optional<Boolean> before = jdbc
				.sql("SELECT completed FROM pd_item_completion WHERE course_item = ? AND user_ref = ? FOR UPDATE")
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

	/**
	 * The item's placements in courses the person is in: a column elsewhere is not
	 * theirs.
	 */
	private List<CourseCompletion.Placement> placementsFor(long tenantId, Item item, long userRef) {
		record Placed(long contextRef, CourseCompletion.Placement placement) {
		}
		List<CourseCompletion.Placement> theirs = new ArrayList<>();
		jdbc.sql(
				"SELECT context_ref, resource_link_id, line_item_url, line_items_url FROM pd_placement WHERE course_item = ?")
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
				item.requirementCode().isEmpty() ? PROGRAM_SOURCE : REQUIREMENT_SOURCE, item.id(), title, userRef,
				subject, placements, now, completed,
				CourseCompletion.Note.of(completed ? "gradebook.note.pd.completed" : "gradebook.note.pd.withdrawn")));
	}

	/** The item's id, made the first time the program or requirement is placed. */
	public long itemId(Program program, String requirementCode) {
		jdbc.sql("INSERT IGNORE INTO pd_course_item (tenant_id, program, requirement_code) VALUES (?, ?, ?)")
			.params(program.getTenantId(), program.getId(), requirementCode)
			.update();
		return jdbc.sql("SELECT id FROM pd_course_item WHERE program = ? AND requirement_code = ?")
			.params(program.getId(), requirementCode)
			.query(Long.class)
			.single();
	}

	/**
	 * A URL too long to keep is not kept: the gradebook finds the column through the
	 * container instead.
	 */
	private static String url(String s) {
		return s == null || s.length() <= 2000 ? s : null;
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

}
