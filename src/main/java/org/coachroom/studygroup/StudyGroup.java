package org.coachroom.studygroup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A text, book or lesson study run by its facilitators in one tenant, belonging to the
 * LMS course it was created from (the school's coaching course, whose coaches may manage
 * it).
 */
@Table("study_group")
public class StudyGroup {

	/** What kind of study it is. */
	public enum Kind {

		TEXT_STUDY, BOOK_STUDY, LESSON_STUDY, OTHER

	}

	/**
	 * Open groups are listed to the course's teachers, who may join; closed ones only to
	 * their members.
	 */
	public enum Visibility {

		OPEN, CLOSED

	}

	/** A link to a text or resource. */
	@Table("study_group_link")
	public record Link(String title, String url) {
	}

	/** A facilitator of the group, by user. */
	@Table("study_group_facilitator")
	record Facilitator(long userRef) {
	}

	/** What a coach writes about a group. */
	public record Details(String title, String purpose, String schoolGoal, Kind kind, String textTitle,
			String textAuthor, Visibility visibility, BigDecimal creditHours, String creditUnit, List<Link> links) {

		public Details {
			links = links == null ? List.of() : List.copyOf(links);
		}
	}

	@Id
	private Long id;

	private long tenantId;

	private long homeContextRef;

	private String title;

	private String purpose;

	private String schoolGoal;

	private Kind kind;

	private String textTitle;

	private String textAuthor;

	private Visibility visibility;

	private BigDecimal creditHours;

	private String creditUnit;

	@Embedded.Empty(prefix = "rule_")
	private CompletionRule rule;

	private Instant archivedAt;

	private long createdBy;

	/**
	 * The one-time token of the form that created the group, if any: the same form posted
	 * twice makes one group.
	 */
	private String creationToken;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer version;

	@MappedCollection(idColumn = "study_group")
	private Set<Facilitator> facilitators = new HashSet<>();

	@MappedCollection(idColumn = "study_group", keyColumn = "position")
	private List<Link> links = new ArrayList<>();

	StudyGroup() {
	}

	public static StudyGroup start(long tenantId, long homeContextRef, long coach, Details details, CompletionRule rule,
			Instant now) {
		StudyGroup group = new StudyGroup();
		group.tenantId = tenantId;
		group.homeContextRef = homeContextRef;
		group.createdBy = coach;
		group.createdAt = now;
		group.rule = rule;
		group.facilitators.add(new Facilitator(coach));
		group.revise(details, now);
		return group;
	}

	public void revise(Details details, Instant now) {
		title = details.title();
		purpose = details.purpose();
		schoolGoal = details.schoolGoal();
		kind = details.kind();
		textTitle = details.textTitle();
		textAuthor = details.textAuthor();
		visibility = details.visibility();
		creditHours = details.creditHours();
		creditUnit = details.creditUnit();
		links = new ArrayList<>(details.links());
		updatedAt = now;
	}

	public void changeRule(CompletionRule newRule, Instant now) {
		rule = newRule;
		updatedAt = now;
	}

	public void addFacilitator(long userRef, Instant now) {
		facilitators.add(new Facilitator(userRef));
		updatedAt = now;
	}

	/** Returns false when the person is not a facilitator, or is the last one. */
	public boolean removeFacilitator(long userRef, Instant now) {
		if (facilitators.size() <= 1 || !facilitators.remove(new Facilitator(userRef))) {
			return false;
		}
		updatedAt = now;
		return true;
	}

	/** A finished group: kept for its record, no longer listed to join or changed. */
	public void archive(Instant now) {
		if (archivedAt == null) {
			archivedAt = now;
			updatedAt = now;
		}
	}

	/** An archived group back in use, as its coach archived it by mistake. */
	public void restore(Instant now) {
		if (archivedAt != null) {
			archivedAt = null;
			updatedAt = now;
		}
	}

	/** Remembers the one-time token of the form that created the group. */
	public StudyGroup createdByForm(String token) {
		creationToken = token;
		return this;
	}

	/**
	 * The same study for a new cohort: details, rule and facilitators, no members or
	 * sessions.
	 */
	public StudyGroup copyForNewCohort(String newTitle, long coach, Instant now) {
		StudyGroup copy = start(tenantId, homeContextRef, coach, new Details(newTitle, purpose, schoolGoal, kind,
				textTitle, textAuthor, visibility, creditHours, creditUnit, links), rule, now);
		facilitators.forEach(f -> copy.facilitators.add(f));
		return copy;
	}

	public boolean isFacilitatedBy(long userRef) {
		return facilitators.contains(new Facilitator(userRef));
	}

	public boolean isArchived() {
		return archivedAt != null;
	}

	public boolean isOpen() {
		return visibility == Visibility.OPEN && !isArchived();
	}

	public Details details() {
		return new Details(title, purpose, schoolGoal, kind, textTitle, textAuthor, visibility, creditHours, creditUnit,
				links);
	}

	public Long getId() {
		return id;
	}

	public long getTenantId() {
		return tenantId;
	}

	public long getHomeContextRef() {
		return homeContextRef;
	}

	public String getTitle() {
		return title;
	}

	public String getPurpose() {
		return purpose;
	}

	public String getSchoolGoal() {
		return schoolGoal;
	}

	public Kind getKind() {
		return kind;
	}

	public String getTextTitle() {
		return textTitle;
	}

	public String getTextAuthor() {
		return textAuthor;
	}

	public Visibility getVisibility() {
		return visibility;
	}

	public BigDecimal getCreditHours() {
		return creditHours;
	}

	public String getCreditUnit() {
		return creditUnit;
	}

	public CompletionRule getRule() {
		return rule;
	}

	public Instant getArchivedAt() {
		return archivedAt;
	}

	public String getCreationToken() {
		return creationToken;
	}

	public List<Link> getLinks() {
		return List.copyOf(links);
	}

	public Set<Long> facilitatorRefs() {
		Set<Long> refs = new HashSet<>();
		facilitators.forEach(f -> refs.add(f.userRef()));
		return refs;
	}

}
