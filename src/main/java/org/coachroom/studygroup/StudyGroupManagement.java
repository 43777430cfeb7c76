package org.coachroom.studygroup;

import org.coachroom.shared.FileType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.lti.Rosters;
import org.coachroom.lti.ServiceUnavailableException;
import org.coachroom.shared.CourseCompletion;
import org.coachroom.shared.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do with study groups, each action checked against who may do it: facilitators and the
 * course's coaches manage a group; members take part; people in the group's course see open groups
 * and may join them; everyone else learns nothing of a group, not even that it exists.
 */
@Service
public class StudyGroupManagement {

	private final StudyGroups groups;

	private final GroupSessions sessions;

	private final GroupMembers members;

	private final Reflections reflections;

	private final People people;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Rosters rosters;

	private final TransactionTemplate tx;

	private final GroupFiles files;

	private final GroupSummaries summaries;

	private final long maxFileBytes;

	StudyGroupManagement(StudyGroups groups, GroupSessions sessions, GroupMembers members, Reflections reflections,
			People people, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, Rosters rosters,
			TransactionTemplate tx, GroupFiles files, GroupSummaries summaries,
			@org.springframework.beans.factory.annotation.Value("${coachroom.uploads.max-bytes:10485760}") long maxFileBytes) {
		this.rosters = rosters;
		this.tx = tx;
		this.files = files;
		this.summaries = summaries;
		this.maxFileBytes = maxFileBytes;
		this.groups = groups;
		this.sessions = sessions;
		this.members = members;
		this.reflections = reflections;
		this.people = people;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** How much of a group a person may see and do. */
	public enum Access {

		NONE, OPEN_TO_JOIN, MEMBER, MANAGER;

		public boolean atLeast(Access other) {
			return compareTo(other) >= 0;
		}
	}

	/** The groups a person's study group page lists. */
	public record Overview(boolean canCreate, List<GroupSummary> managed, List<GroupSummary> joined,
			List<GroupSummary> open) {
	}

	/** A member's row on the group page: who, how far, and how they finished. */
	public record MemberProgress(GroupMember membership, People.Person person, CompletionRule.Progress progress,
			boolean finalReflection) {
	}

	/** Everything the group page shows, cut to what the viewer may see. */
	public record GroupPage(StudyGroup group, Access access, List<GroupSession> sessions, GroupSession nextSession,
			List<MemberProgress> members, MemberProgress mine, List<Reflection> myReflections,
			Map<Long, People.Person> facilitators) {
	}

	// ---- who may do what

	public Access accessOf(Member viewer, StudyGroup group) {
		if (group.getTenantId() != viewer.tenant().value()) {
			return Access.NONE;
		}
		if (!evaluative(viewer) && (group.isFacilitatedBy(viewer.userId()) || coachOfCourse(viewer, group.getHomeContextRef()))) {
			return Access.MANAGER;
		}
		if (group.getId() != null && members.findMember(group.getId(), viewer.userId()).isPresent()) {
			return Access.MEMBER;
		}
		if (group.isOpen() && inCourse(viewer, group.getHomeContextRef())) {
			return Access.OPEN_TO_JOIN;
		}
		return Access.NONE;
	}

	/**
	 * Coaching is non-evaluative: whoever holds a principal's or HR's role (even beside a coach's, as
	 * a custom role adds it) never manages a group, so never reads its reflections or attendance.
	 */
	private static boolean evaluative(Member viewer) {
		return viewer.hasRole(CoachroomRole.PRINCIPAL) || viewer.hasRole(CoachroomRole.HR);
	}

	/**
	 * A coach of the group's course, by the launch they are signed in with: roles remembered from
	 * earlier launches are not trusted for managing, so a coach who left the course or changed role
	 * loses it at their next launch.
	 */
	private static boolean coachOfCourse(Member viewer, long contextRef) {
		return viewer.context() != null && viewer.context().id() == contextRef && viewer.hasRole(CoachroomRole.COACH);
	}

	private boolean inCourse(Member viewer, long contextRef) {
		if (viewer.context() != null && viewer.context().id() == contextRef) {
			return true;
		}
		return !people.rolesInCourse(viewer.tenant(), contextRef, viewer.userId()).isEmpty();
	}

	/** A coach creates groups in the course they launched from. */
	public boolean canCreate(Member viewer) {
		return viewer.context() != null && viewer.hasRole(CoachroomRole.COACH) && !evaluative(viewer);
	}

	/** The group, if the viewer may at least see it; otherwise nothing, as if it did not exist. */
	public Optional<StudyGroup> visible(Member viewer, long groupId, Access needed) {
		return groups.findInTenant(viewer.tenant().value(), groupId).filter(g -> accessOf(viewer, g).atLeast(needed));
	}

	private StudyGroup require(Member viewer, long groupId, Access needed) {
		return visible(viewer, groupId, needed).orElseThrow(() -> new GroupNotFoundException(groupId));
	}

	private StudyGroup requireManageable(Member viewer, long groupId) {
		StudyGroup group = require(viewer, groupId, Access.MANAGER);
		if (group.isArchived()) {
			throw new GroupArchivedException(groupId);
		}
		return group;
	}

	// ---- reading

	@Transactional(readOnly = true)
	public Overview overview(Member viewer) {
		long tenant = viewer.tenant().value();
		List<GroupSummary> inCourse = viewer.context() == null ? List.of()
				: summaries.inCourse(tenant, viewer.context().id());
		Map<Long, GroupSummary> managed = new LinkedHashMap<>();
		if (!evaluative(viewer)) {
			if (viewer.context() != null && viewer.hasRole(CoachroomRole.COACH)) {
				inCourse.forEach(g -> managed.put(g.id(), g));
			}
			summaries.facilitatedBy(tenant, viewer.userId()).forEach(g -> managed.putIfAbsent(g.id(), g));
		}
		List<GroupSummary> joined = summaries.joinedBy(tenant, viewer.userId())
			.stream()
			.filter(g -> !managed.containsKey(g.id()))
			.toList();
		Set<Long> seen = new HashSet<>(managed.keySet());
		joined.forEach(g -> seen.add(g.id()));
		List<GroupSummary> open = inCourse.stream().filter(GroupSummary::open).filter(g -> !seen.contains(g.id())).toList();
		return new Overview(canCreate(viewer), List.copyOf(managed.values()), joined, open);
	}

	@Transactional(readOnly = true)
	public Optional<GroupPage> page(Member viewer, long groupId) {
		Optional<StudyGroup> found = visible(viewer, groupId, Access.OPEN_TO_JOIN);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		StudyGroup group = found.get();
		Access access = accessOf(viewer, group);
		Instant now = clock.instant();
		List<GroupSession> planned = sessions.findByGroup(groupId);
		GroupSession next = planned.stream()
			.filter(s -> !s.isCancelled() && s.getEndsAt().isAfter(now))
			.findFirst()
			.orElse(null);
		Map<Long, People.Person> facilitators = people.people(viewer.tenant(), group.facilitatorRefs());
		List<MemberProgress> rows = List.of();
		MemberProgress mine = null;
		List<Reflection> myReflections = List.of();
		if (access.atLeast(Access.MEMBER)) {
			List<MemberProgress> all = progressOf(group, planned, members.findByGroup(groupId), viewer.tenant(), now);
			if (access == Access.MANAGER) {
				rows = all;
			}
			mine = all.stream().filter(p -> p.membership().getUserRef() == viewer.userId()).findFirst().orElse(null);
			if (mine != null) {
				myReflections = reflections.findByMember(groupId, viewer.userId());
			}
		}
		return Optional.of(new GroupPage(group, access, planned, next, rows, mine, myReflections, facilitators));
	}

	private List<MemberProgress> progressOf(StudyGroup group, List<GroupSession> planned, List<GroupMember> roster,
			TenantId tenant, Instant now) {
		List<CompletionRule.SessionFact> facts = planned.stream().map(s -> s.factAt(now)).toList();
		Map<Long, Map<Long, AttendanceStatus>> attendance = attendanceByMember(planned);
		Set<Long> finals = new HashSet<>(reflections.findFinalReflectionAuthors(group.getId()));
		int active = (int) roster.stream().filter(m -> !m.hasLeftCourse()).count();
		Map<Long, People.Person> names = people.people(tenant, roster.stream().map(GroupMember::getUserRef).toList());
		List<MemberProgress> rows = new ArrayList<>();
		for (GroupMember m : roster) {
			CompletionRule.Progress progress = group.getRule()
				.progressOf(facts, attendance.getOrDefault(m.getUserRef(), Map.of()), finals.contains(m.getUserRef()),
						active);
			rows.add(new MemberProgress(m, names.get(m.getUserRef()), progress, finals.contains(m.getUserRef())));
		}
		rows.sort(Comparator.comparing((MemberProgress r) -> r.person() == null ? "" : r.person().displayName(),
				String.CASE_INSENSITIVE_ORDER));
		return rows;
	}

	private static Map<Long, Map<Long, AttendanceStatus>> attendanceByMember(List<GroupSession> planned) {
		Map<Long, Map<Long, AttendanceStatus>> byMember = new HashMap<>();
		for (GroupSession s : planned) {
			s.attendanceByMember()
				.forEach((user, status) -> byMember.computeIfAbsent(user, u -> new HashMap<>()).put(s.getId(), status));
		}
		return byMember;
	}

	@Transactional(readOnly = true)
	public Optional<GroupSession> session(Member viewer, long groupId, long sessionId, Access needed) {
		return visible(viewer, groupId, needed).flatMap(g -> sessions.findById(sessionId))
			.filter(s -> s.getStudyGroup() == groupId);
	}

	@Transactional(readOnly = true)
	public List<People.CourseMember> candidates(Member viewer, long groupId) {
		StudyGroup group = require(viewer, groupId, Access.MANAGER);
		Set<Long> already = new HashSet<>();
		members.findByGroup(groupId).forEach(m -> already.add(m.getUserRef()));
		return people.inCourse(viewer.tenant(), group.getHomeContextRef())
			.stream()
			.filter(c -> !already.contains(c.person().userRef()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<Reflection> reflectionsFor(Member viewer, long groupId) {
		require(viewer, groupId, Access.MANAGER);
		return reflections.findByGroup(groupId);
	}

	// ---- changing

	@Transactional
	public StudyGroup create(Member coach, StudyGroup.Details details, CompletionRule rule) {
		if (!canCreate(coach)) {
			throw new GroupNotFoundException(0);
		}
		return groups.save(StudyGroup.start(coach.tenant().value(), coach.context().id(), coach.userId(), details, rule,
				clock.instant()));
	}

	@Transactional
	public void revise(Member coach, long groupId, StudyGroup.Details details) {
		StudyGroup group = requireManageable(coach, groupId);
		group.revise(details, clock.instant());
		groups.save(group);
	}

	@Transactional
	public void changeRule(Member coach, long groupId, CompletionRule rule) {
		StudyGroup group = requireManageable(coach, groupId);
		group.changeRule(rule, clock.instant());
		groups.save(group);
		completeWhoFinished(group);
	}

	@Transactional
	public GroupSession planSession(Member coach, long groupId, GroupSession.Plan plan) {
		StudyGroup group = requireManageable(coach, groupId);
		return sessions.save(GroupSession.plan(group, plan));
	}

	@Transactional
	public void replanSession(Member coach, long groupId, long sessionId, GroupSession.Plan plan) {
		requireManageable(coach, groupId);
		GroupSession session = ownSession(groupId, sessionId);
		session.replan(plan);
		sessions.save(session);
	}

	@Transactional
	public void cancelSession(Member coach, long groupId, long sessionId, boolean cancelled) {
		StudyGroup group = requireManageable(coach, groupId);
		GroupSession session = ownSession(groupId, sessionId);
		if (cancelled) {
			session.cancel();
		}
		else {
			session.reinstate();
		}
		sessions.save(session);
		completeWhoFinished(group);
	}

	private GroupSession ownSession(long groupId, long sessionId) {
		return sessions.findById(sessionId)
			.filter(s -> s.getStudyGroup() == groupId)
			.orElseThrow(() -> new GroupNotFoundException(groupId));
	}

	/** Adds people of the group's course; anyone else (another course, another tenant) is refused. */
	@Transactional
	public int addMembers(Member coach, long groupId, List<Long> userRefs) {
		StudyGroup group = requireManageable(coach, groupId);
		Map<Long, People.CourseMember> inCourse = new HashMap<>();
		people.inCourse(coach.tenant(), group.getHomeContextRef()).forEach(c -> inCourse.put(c.person().userRef(), c));
		int added = 0;
		for (Long userRef : new HashSet<>(userRefs)) {
			People.CourseMember person = inCourse.get(userRef);
			if (person == null) {
				throw new NotInCourseException(userRef);
			}
			if (members.findMember(groupId, userRef).isEmpty()) {
				members.save(GroupMember.join(group, userRef, GroupMember.Source.MANUAL, lmsRole(person.roles()),
						clock.instant()));
				added++;
			}
		}
		return added;
	}

	private static String lmsRole(Set<CoachroomRole> roles) {
		return roles.contains(CoachroomRole.COACH) ? "INSTRUCTOR" : "LEARNER";
	}

	// ---- shared files

	@Transactional(readOnly = true)
	public List<GroupFiles.SharedFile> files(Member viewer, long groupId) {
		require(viewer, groupId, Access.MEMBER);
		return files.list(groupId);
	}

	/**
	 * Keeps a file for the group's members, after checking its size and, by its content, its kind.
	 * The name is cleaned of paths and control characters and ends with the extension of its kind.
	 */
	@Transactional
	public long shareFile(Member coach, long groupId, String originalName, byte[] content) {
		StudyGroup group = requireManageable(coach, groupId);
		if (content == null || content.length == 0) {
			throw new FileRejectedException(FileRejectedException.Reason.EMPTY);
		}
		if (content.length > maxFileBytes) {
			throw new FileRejectedException(FileRejectedException.Reason.TOO_LARGE);
		}
		FileType type = FileType.of(content).orElseThrow(() -> new FileRejectedException(FileRejectedException.Reason.TYPE));
		return files.add(group.getTenantId(), groupId, type.safeName(originalName), type, content, org.coachroom.shared.FileType.sha256(content),
				coach.userId(), clock.instant());
	}

	@Transactional(readOnly = true)
	public Optional<GroupFiles.Download> download(Member viewer, long groupId, long fileId) {
		return visible(viewer, groupId, Access.MEMBER).flatMap(g -> files.read(groupId, fileId));
	}

	@Transactional
	public void removeFile(Member coach, long groupId, long fileId) {
		requireManageable(coach, groupId);
		files.remove(groupId, fileId);
	}

	public long maxFileBytes() {
		return maxFileBytes;
	}


	/** Groups a coach may place in the course they are selecting content for. */
	@Transactional(readOnly = true)
	public List<GroupSummary> placeable(Member coach) {
		if (coach.context() == null) {
			return List.of();
		}
		// a link carries its completions to the course it is placed in: only groups of that course
		return overview(coach).managed()
			.stream()
			.filter(g -> !g.archived())
			.filter(g -> g.homeContextRef() == coach.context().id())
			.toList();
	}

	/**
	 * The deep linking content item for a group: a link to the group's page with a gradebook column
	 * (score out of 100; a completion scores 100), so each placement has its own column.
	 */
	@Transactional(readOnly = true)
	public DeepLinking.ResourceLink contentItem(Member coach, long groupId) {
		StudyGroup group = requireManageable(coach, groupId);
		if (coach.context() == null || coach.context().id() != group.getHomeContextRef()) {
			throw new GroupNotFoundException(groupId);
		}
		String text = group.getPurpose() != null && group.getPurpose().length() > 1000
				? group.getPurpose().substring(0, 1000) : group.getPurpose();
		// Moodle launches every link at the tool's launch URL: the custom parameters name the page to open.
		return new DeepLinking.ResourceLink(group.getTitle(), text, null,
				Map.of(PLACEMENT_PARAMETER, Long.toString(group.getId()), "coachroom_page", "/groups/" + group.getId()),
				new DeepLinking.LineItem(new BigDecimal(100), group.getTitle(), "study-group-" + group.getId(),
						"coachroom-study-group"));
	}

	/** The custom parameter a placed link carries, naming its group. */
	public static final String PLACEMENT_PARAMETER = "study_group";

	/**
	 * Remembers that a launch of an LMS resource link opened this group, with the link's gradebook
	 * line item, so completions reach that column. Only a link in the group's own course, or one a
	 * manager of the group launched, counts: an edited link in another course does not.
	 */
	@Transactional
	public void recordPlacement(Member viewer, StudyGroup group) {
		var launch = viewer.launch();
		if (launch == null || launch.resourceLinkId() == null || launch.isDeepLinking()) {
			return;
		}
		boolean inHomeCourse = viewer.context() != null && viewer.context().id() == group.getHomeContextRef();
		if (!inHomeCourse && accessOf(viewer, group) != Access.MANAGER) {
			return;
		}
		Instant now = clock.instant();
		boolean known = jdbc.sql("SELECT COUNT(*) FROM study_group_placement WHERE study_group = ? AND resource_link_id = ?")
			.params(group.getId(), launch.resourceLinkId())
			.query(Integer.class)
			.single() > 0;
		jdbc.sql("""
				INSERT INTO study_group_placement (study_group, resource_link_id, context_ref, line_item_url, line_items_url,
				first_launch_by, first_launch_at, last_launch_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE last_launch_at = VALUES(last_launch_at),
				line_item_url = COALESCE(VALUES(line_item_url), line_item_url),
				line_items_url = COALESCE(VALUES(line_items_url), line_items_url)""")
			.params(group.getId(), launch.resourceLinkId(), viewer.context() == null ? null : viewer.context().id(),
					cut(launch.lineItemUrl(), 2000), cut(launch.lineItemsUrl(), 2000), viewer.userId(),
					java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
			.update();
		if (!known) {
			// members who finished before the link was first launched get their score in its column too
			List<CourseCompletion.Placement> placed = List.of(new CourseCompletion.Placement(launch.resourceLinkId(),
					cut(launch.lineItemUrl(), 2000), cut(launch.lineItemsUrl(), 2000)));
			for (GroupMember member : members.findByGroup(group.getId())) {
				if (member.isComplete()) {
					events.publishEvent(new StudyGroupCompleted(group.getTenantId(), group.getId(), group.getTitle(),
							member.getUserRef(), subjectOf(group, member), placed, member.getCreditHours(),
							group.getCreditUnit(), member.getCompletedAt(), member.getCompletedBy() != null));
				}
			}
		}
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : null;
	}

	/** What a roster import changed. */
	public record RosterImport(int added, int alreadyMembers, int leftCourse, int returned) {
	}

	/**
	 * Brings the LMS course roster into the group: teachers (and instructors when asked) who are not
	 * members yet are added, nobody twice; members no longer active in the course are flagged as
	 * having left, never removed, and flagged members who are back lose the flag.
	 * @throws ServiceUnavailableException when the roster cannot be read
	 */
	public RosterImport importRoster(Member coach, long groupId, boolean includeInstructors) {
		StudyGroup group = requireManageable(coach, groupId);
		if (coach.context() == null || coach.context().id() != group.getHomeContextRef()) {
			throw new RosterFromOtherCourseException(groupId);
		}
		List<Rosters.Entry> roster = rosters.courseRoster(coach);
		return tx.execute(status -> {
			Instant now = clock.instant();
			Map<Long, GroupMember> current = new HashMap<>();
			members.findByGroup(groupId).forEach(m -> current.put(m.getUserRef(), m));
			Set<Long> activeInCourse = new HashSet<>();
			int added = 0;
			int already = 0;
			int returned = 0;
			for (Rosters.Entry entry : roster) {
				if (!entry.active()) {
					continue;
				}
				long userRef = entry.person().userRef();
				activeInCourse.add(userRef);
				GroupMember existing = current.get(userRef);
				if (existing != null) {
					already++;
					if (existing.hasLeftCourse()) {
						existing.backInCourse();
						members.save(existing);
						returned++;
					}
					continue;
				}
				boolean teacher = entry.roles().contains(CoachroomRole.TEACHER);
				boolean instructor = entry.roles().contains(CoachroomRole.COACH);
				if (teacher || (includeInstructors && instructor)) {
					members.save(GroupMember.join(group, userRef, GroupMember.Source.ROSTER,
							instructor ? "INSTRUCTOR" : "LEARNER", now));
					added++;
				}
			}
			int left = 0;
			for (GroupMember m : current.values()) {
				if (!activeInCourse.contains(m.getUserRef()) && !m.hasLeftCourse()) {
					m.leftCourse(now);
					members.save(m);
					left++;
				}
			}
			return new RosterImport(added, already, left, returned);
		});
	}

	// no transaction around it: the insert is one statement, and a duplicate caught inside a transaction
	// would have marked it for rollback (a double click answered with a 500 instead of being ignored)
	public void join(Member teacher, long groupId) {
		StudyGroup group = require(teacher, groupId, Access.OPEN_TO_JOIN);
		if (accessOf(teacher, group) != Access.OPEN_TO_JOIN) {
			return;
		}
		try {
			members.save(GroupMember.join(group, teacher.userId(), GroupMember.Source.JOINED, lmsRole(teacher.roles()),
					clock.instant()));
		}
		catch (org.springframework.dao.DuplicateKeyException doubleClick) {
			// joined by the same person's other request a moment ago
		}
	}

	/** Records attendance for one session; members not in the map are left as they were. */
	@Transactional
	public void recordAttendance(Member coach, long groupId, long sessionId, Map<Long, AttendanceStatus> marks) {
		StudyGroup group = requireManageable(coach, groupId);
		GroupSession session = ownSession(groupId, sessionId);
		if (session.isCancelled()) {
			throw new NotInCourseException(0);
		}
		Set<Long> roster = new HashSet<>();
		members.findByGroup(groupId).forEach(m -> roster.add(m.getUserRef()));
		Instant now = clock.instant();
		marks.forEach((userRef, status) -> {
			if (!roster.contains(userRef)) {
				throw new NotInCourseException(userRef);
			}
			session.record(userRef, status, coach.userId(), now);
		});
		sessions.save(session);
		completeWhoFinished(group);
	}

	@Transactional
	public void completeByHand(Member coach, long groupId, long userRef, String reason) {
		StudyGroup group = requireManageable(coach, groupId);
		GroupMember member = members.findMember(groupId, userRef).orElseThrow(() -> new NotInCourseException(userRef));
		Instant now = clock.instant();
		BigDecimal credit = group.getRule().creditFor(group.getCreditHours());
		if (member.completeByHand(coach.userId(), reason, credit, now)) {
			members.save(member);
			publishCompletion(group, member, true);
		}
	}

	/** Takes back a member's completion; the gradebook clears the score it sent. */
	@Transactional
	public void withdrawCompletion(Member coach, long groupId, long userRef, String reason) {
		StudyGroup group = requireManageable(coach, groupId);
		GroupMember member = members.findMember(groupId, userRef).orElseThrow(() -> new NotInCourseException(userRef));
		Instant now = clock.instant();
		if (member.withdrawCompletion(coach.userId(), reason, now)) {
			members.save(member);
			events.publishEvent(new StudyGroupCompletionWithdrawn(group.getTenantId(), group.getId(), group.getTitle(),
					member.getUserRef(), subjectOf(group, member), placementsOf(group), now, coach.userId(), reason));
		}
	}

	@Transactional
	public void writeReflection(Member author, long groupId, Long sessionId, boolean finalReflection, String body) {
		StudyGroup group = require(author, groupId, Access.MEMBER);
		if (members.findMember(groupId, author.userId()).isEmpty()) {
			throw new GroupNotFoundException(groupId);
		}
		if (group.isArchived()) {
			throw new GroupArchivedException(groupId);
		}
		if (sessionId != null) {
			ownSession(groupId, sessionId);
		}
		Long session = finalReflection ? null : sessionId;
		Instant now = clock.instant();
		Reflection reflection = reflections.findOne(groupId, author.userId(), finalReflection, session)
			.map(r -> {
				r.rewrite(body, now);
				return r;
			})
			.orElseGet(() -> Reflection.write(group, session, author.userId(), finalReflection, body, now));
		reflections.save(reflection);
		if (finalReflection) {
			completeWhoFinished(group);
		}
	}

	@Transactional
	public void reply(Member coach, long groupId, long reflectionId, String body) {
		requireManageable(coach, groupId);
		Reflection reflection = reflections.findById(reflectionId)
			.filter(r -> r.getStudyGroup() == groupId)
			.orElseThrow(() -> new GroupNotFoundException(groupId));
		reflection.reply(coach.userId(), body, clock.instant());
		reflections.save(reflection);
	}

	/** Coaches of the group's course who could co-facilitate it. */
	@Transactional(readOnly = true)
	public List<People.CourseMember> possibleFacilitators(Member coach, long groupId) {
		StudyGroup group = require(coach, groupId, Access.MANAGER);
		return people.inCourse(coach.tenant(), group.getHomeContextRef())
			.stream()
			.filter(c -> c.roles().contains(CoachroomRole.COACH) && !c.roles().contains(CoachroomRole.PRINCIPAL)
					&& !c.roles().contains(CoachroomRole.HR) && !group.isFacilitatedBy(c.person().userRef()))
			.toList();
	}

	/** A coach of the group's course becomes a co-facilitator. */
	@Transactional
	public void addFacilitator(Member coach, long groupId, long userRef) {
		StudyGroup group = requireManageable(coach, groupId);
		Set<CoachroomRole> roles = people.rolesInCourse(coach.tenant(), group.getHomeContextRef(), userRef);
		boolean courseCoach = roles.contains(CoachroomRole.COACH) && !roles.contains(CoachroomRole.PRINCIPAL)
				&& !roles.contains(CoachroomRole.HR);
		if (!courseCoach) {
			throw new NotInCourseException(userRef);
		}
		group.addFacilitator(userRef, clock.instant());
		groups.save(group);
	}

	/** A co-facilitator steps down (or is taken off); a group always keeps at least one facilitator. */
	@Transactional
	public void removeFacilitator(Member coach, long groupId, long userRef) {
		StudyGroup group = requireManageable(coach, groupId);
		if (!group.removeFacilitator(userRef, clock.instant())) {
			throw new NotInCourseException(userRef);
		}
		groups.save(group);
	}

	@Transactional
	public void archive(Member coach, long groupId) {
		StudyGroup group = requireManageable(coach, groupId);
		group.archive(clock.instant());
		groups.save(group);
	}

	@Transactional
	public StudyGroup copy(Member coach, long groupId, String newTitle) {
		StudyGroup group = require(coach, groupId, Access.MANAGER);
		return groups.save(group.copyForNewCohort(newTitle, coach.userId(), clock.instant()));
	}

	/**
	 * Marks complete every member who now meets the rule, publishing {@link StudyGroupCompleted} for
	 * each in the same transaction (the event registry keeps it until its listeners are done).
	 * Members already complete stay complete when the rule or attendance changes later.
	 */
	private void completeWhoFinished(StudyGroup group) {
		Instant now = clock.instant();
		List<GroupSession> planned = sessions.findByGroup(group.getId());
		List<GroupMember> roster = members.findByGroup(group.getId());
		BigDecimal credit = group.getRule().creditFor(group.getCreditHours());
		for (MemberProgress row : progressOf(group, planned, roster, new TenantId(group.getTenantId()), now)) {
			GroupMember member = row.membership();
			if (row.progress().complete() && member.completeByRule(credit, now)) {
				members.save(member);
				publishCompletion(group, member, false);
			}
		}
	}

	private void publishCompletion(StudyGroup group, GroupMember member, boolean byHand) {
		events.publishEvent(new StudyGroupCompleted(group.getTenantId(), group.getId(), group.getTitle(),
				member.getUserRef(), subjectOf(group, member), placementsOf(group), member.getCreditHours(),
				group.getCreditUnit(), member.getCompletedAt(), byHand));
	}

	private String subjectOf(StudyGroup group, GroupMember member) {
		return people.person(new TenantId(group.getTenantId()), member.getUserRef())
			.map(People.Person::subject)
			.orElse(null);
	}

	private List<CourseCompletion.Placement> placementsOf(StudyGroup group) {
		return jdbc
			.sql("SELECT resource_link_id, line_item_url, line_items_url FROM study_group_placement WHERE study_group = ?")
			.param(group.getId())
			.query((rs, i) -> new CourseCompletion.Placement(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}
}
