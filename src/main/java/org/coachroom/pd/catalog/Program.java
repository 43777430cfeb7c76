package org.coachroom.pd.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A program in a district's catalog (LETRS, an endorsement, induction): its requirements,
 * its deadline rule and who it applies to. Programs are data: the starter catalog is
 * imported, then a district admin edits it. Requirements keep their codes, so people's
 * progress survives an edit.
 */
@Table("pd_program")
public class Program {

	@Id
	private Long id;

	private long tenantId;

	private String code;

	private String title;

	private String description;

	@Embedded.Nullable(prefix = "deadline_")
	private DeadlineRule deadline;

	@MappedCollection(idColumn = "program", keyColumn = "position")
	private List<Requirement> requirements = new ArrayList<>();

	@MappedCollection(idColumn = "program", keyColumn = "position")
	private List<AssignmentRule> assignments = new ArrayList<>();

	private String catalogVersion;

	/** Whether HR assigns each person a mentor in this program (induction). */
	private boolean mentored;

	private boolean archived;

	private Instant updatedAt;

	@Version
	private Integer version;

	Program() {
	}

	/** A program as the catalog or an admin defines it. */
	public record Definition(String code, String title, String description, DeadlineRule deadline,
			List<Requirement> requirements, List<AssignmentRule> assignments, Boolean mentored) {

		/** A program without assigned mentors. */
		public Definition(String code, String title, String description, DeadlineRule deadline,
				List<Requirement> requirements, List<AssignmentRule> assignments) {
			this(code, title, description, deadline, requirements, assignments, false);
		}

		public Definition {
			if (code == null || code.isBlank() || title == null || title.isBlank()) {
				throw new IllegalArgumentException("A program needs a code and a title");
			}
			if (!ProgramForm.CODE.matcher(code).matches() || ProgramForm.RESERVED.contains(code)) {
				throw new IllegalArgumentException(
						"A program's code is up to 60 lower-case letters, digits and hyphens: " + code);
			}
			if (title.length() > 200 || (description != null && description.length() > 2000)) {
				throw new IllegalArgumentException("A title is at most 200 characters, a description 2000: " + code);
			}
			deadline = deadline == null ? DeadlineRule.none() : deadline;
			// a catalog file from before mentors were part of it has none
			mentored = Boolean.TRUE.equals(mentored);
			requirements = List.copyOf(requirements);
			assignments = List.copyOf(assignments);
			if (requirements.isEmpty()) {
				throw new IllegalArgumentException("A program needs at least one requirement: " + code);
			}
			Set<String> codes = new HashSet<>();
			for (Requirement r : requirements) {
				if (!codes.add(r.code())) {
					throw new IllegalArgumentException("Two requirements share the code " + r.code() + " in " + code);
				}
			}
		}
	}

	public static Program define(long tenantId, Definition definition, String catalogVersion, Instant now) {
		Program program = new Program();
		program.tenantId = tenantId;
		program.code = definition.code();
		program.catalogVersion = catalogVersion;
		program.redefine(definition, now);
		return program;
	}

	/**
	 * The program is edited: people's progress is kept by requirement code (see
	 * {@link ProgramProgress}).
	 */
	public void redefine(Definition definition, Instant now) {
		title = definition.title();
		description = definition.description();
		deadline = definition.deadline();
		requirements = new ArrayList<>(definition.requirements());
		assignments = new ArrayList<>(definition.assignments());
		mentored = definition.mentored();
		updatedAt = now;
	}

	/**
	 * How this program applies to a person today: required wins over recommended; empty
	 * if not at all.
	 */
	public Optional<Obligation> obligationFor(PdProfile person, LocalDate today) {
		Optional<Obligation> found = Optional.empty();
		for (AssignmentRule rule : assignments) {
			if (rule.appliesTo(person, today)) {
				if (rule.obligation() == Obligation.REQUIRED) {
					return Optional.of(Obligation.REQUIRED);
				}
				found = Optional.of(rule.obligation());
			}
		}
		return found;
	}

	public Optional<Requirement> requirement(String requirementCode) {
		return requirements.stream().filter(r -> r.code().equals(requirementCode)).findFirst();
	}

	public Long getId() {
		return id;
	}

	public long getTenantId() {
		return tenantId;
	}

	public String getCode() {
		return code;
	}

	public String getTitle() {
		return title;
	}

	public String getDescription() {
		return description;
	}

	public DeadlineRule getDeadline() {
		return deadline;
	}

	public List<Requirement> getRequirements() {
		return List.copyOf(requirements);
	}

	public List<AssignmentRule> getAssignments() {
		return List.copyOf(assignments);
	}

	public String getCatalogVersion() {
		return catalogVersion;
	}

	public boolean isArchived() {
		return archived;
	}

	public boolean isMentored() {
		return mentored;
	}

	public Integer getVersion() {
		return version;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	/**
	 * The program leaves people's lists and HR's view; their progress stays, for a
	 * restore.
	 */
	public void archive(Instant now) {
		archived = true;
		updatedAt = now;
	}

	public void restore(Instant now) {
		archived = false;
		updatedAt = now;
	}

	public Definition definition() {
		return new Definition(code, title, description, deadline, requirements, assignments, mentored);
	}

}
