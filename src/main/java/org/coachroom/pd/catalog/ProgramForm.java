package org.coachroom.pd.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.coachroom.pd.SchoolLevel;
import org.springframework.validation.Errors;

import static org.coachroom.pd.catalog.FormText.date;
import static org.coachroom.pd.catalog.FormText.decimal;
import static org.coachroom.pd.catalog.FormText.nz;
import static org.coachroom.pd.catalog.FormText.parse;
import static org.coachroom.pd.catalog.FormText.plain;
import static org.coachroom.pd.catalog.FormText.slug;
import static org.coachroom.pd.catalog.FormText.whole;

/**
 * A program as a district admin edits it: the program's facts, one row per requirement
 * and one per assignment rule. Every field is text, so any input, however wrong, comes
 * back with its own error; blank rows are ignored and a row marked for removal is
 * dropped. An existing requirement keeps its code (people's progress hangs on it); a new
 * one gets a code from its title unless one is typed.
 */
public record ProgramForm(String code, String title, String description, String deadlineKind, String deadlineDate,
		String deadlineYears, List<RequirementRow> requirements, List<RuleRow> rules, Boolean mentored,
		Integer version) {

	static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

	/**
	 * Codes the catalog's own pages use ({@code /pd/catalog/new}), so no program can have
	 * them.
	 */
	static final Set<String> RESERVED = Set.of("new", "import");

	/** Empty rows the page offers for new requirements and rules. */
	static final int NEW_ROWS = 3;

	public ProgramForm {
		mentored = Boolean.TRUE.equals(mentored);
		requirements = requirements == null ? new ArrayList<>() : new ArrayList<>(requirements);
		rules = rules == null ? new ArrayList<>() : new ArrayList<>(rules);
		requirements.replaceAll(r -> r == null ? RequirementRow.empty() : r);
		rules.replaceAll(r -> r == null ? RuleRow.empty() : r);
		// the page always ends with a few empty rows; trailing ones are dropped first, so
		// the rows typed
		// keep their indexes (and their field errors)
		while (!requirements.isEmpty() && requirements.get(requirements.size() - 1).isBlank()) {
			requirements.remove(requirements.size() - 1);
		}
		while (!rules.isEmpty() && rules.get(rules.size() - 1).isBlank()) {
			rules.remove(rules.size() - 1);
		}
		for (int i = 0; i < NEW_ROWS; i++) {
			requirements.add(RequirementRow.empty());
			rules.add(RuleRow.empty());
		}
	}

	/**
	 * One requirement as typed; {@code existing} is true for a requirement the program
	 * already has.
	 */
	public record RequirementRow(String code, Boolean existing, String title, String part, String kind,
			String threshold, String attempts, String hours, String hoursUnit, Boolean evidenceRequired,
			Boolean remove) {

		public RequirementRow {
			// unticked boxes are not sent: absent is false
			existing = Boolean.TRUE.equals(existing);
			evidenceRequired = Boolean.TRUE.equals(evidenceRequired);
			remove = Boolean.TRUE.equals(remove);
		}

		static RequirementRow empty() {
			return new RequirementRow("", false, "", "", "", "", "", "", "", false, false);
		}

		static RequirementRow of(Requirement r) {
			return new RequirementRow(r.code(), true, r.title(), nz(r.part()), r.kind().name(), plain(r.threshold()),
					Integer.toString(r.attempts()), plain(r.hours()), nz(r.hoursUnit()), r.evidenceRequired(), false);
		}

		boolean isBlank() {
			return !existing() && FormText.blank(code) && FormText.blank(title) && FormText.blank(threshold)
					&& FormText.blank(hours) && FormText.blank(part);
		}
	}

	/** One assignment rule as typed. */
	public record RuleRow(String obligation, String audience, String schoolLevel, String withinYears, Boolean remove) {

		public RuleRow {
			remove = Boolean.TRUE.equals(remove);
		}

		static RuleRow empty() {
			return new RuleRow("", "", "", "", false);
		}

		static RuleRow of(AssignmentRule r) {
			return new RuleRow(r.obligation().name(), r.audience().name(), r.schoolLevel().name(),
					r.withinYearsOfStart() == null ? "" : r.withinYearsOfStart().toString(), false);
		}

		boolean isBlank() {
			return FormText.blank(obligation) && FormText.blank(audience) && FormText.blank(withinYears);
		}
	}

	static ProgramForm blank() {
		return new ProgramForm("", "", "", DeadlineRule.Kind.NONE.name(), "", "", List.of(), List.of(), false, null);
	}

	static ProgramForm of(Program program) {
		DeadlineRule d = program.getDeadline();
		return new ProgramForm(program.getCode(), program.getTitle(), nz(program.getDescription()), d.kind().name(),
				d.fixedDate() == null ? "" : d.fixedDate().toString(),
				d.years() == 0 ? "" : Integer.toString(d.years()),
				program.getRequirements().stream().map(RequirementRow::of).toList(),
				program.getAssignments().stream().map(RuleRow::of).toList(), program.isMentored(),
				program.getVersion());
	}

	/**
	 * The program this form defines, or null with every problem put on its field.
	 * {@code newProgram} asks for a code; an existing program's is fixed.
	 */
	Program.Definition toDefinition(String fixedCode, Errors errors) {
		String programCode = fixedCode != null ? fixedCode : nz(code).strip().toLowerCase(Locale.ROOT);
		if (fixedCode == null && (!CODE.matcher(programCode).matches() || RESERVED.contains(programCode))) {
			errors.rejectValue("code", "pd.catalog.form.code");
		}
		if (FormText.blank(title) || title.strip().length() > 200) {
			errors.rejectValue("title", "pd.catalog.form.title");
		}
		if (nz(description).strip().length() > 2000) {
			errors.rejectValue("description", "pd.catalog.form.description");
		}
		DeadlineRule deadline = deadline(errors);
		List<Requirement> reqs = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < requirements.size(); i++) {
			RequirementRow row = requirements.get(i);
			if (Boolean.TRUE.equals(row.remove()) || row.isBlank()) {
				continue;
			}
			Requirement r = requirement(row, "requirements[" + i + "].", codes, errors);
			if (r != null) {
				reqs.add(r);
			}
		}
		if (reqs.isEmpty() && !errors.hasFieldErrors("requirements*")) {
			errors.reject("pd.catalog.form.no-requirements");
		}
		List<AssignmentRule> assignments = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			RuleRow row = rules.get(i);
			if (Boolean.TRUE.equals(row.remove()) || row.isBlank()) {
				continue;
			}
			AssignmentRule rule = rule(row, "rules[" + i + "].", errors);
			if (rule != null) {
				assignments.add(rule);
			}
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new Program.Definition(programCode, title.strip(),
				FormText.blank(description) ? null : description.strip(), deadline, reqs, assignments,
				Boolean.TRUE.equals(mentored));
	}

	private DeadlineRule deadline(Errors errors) {
		DeadlineRule.Kind kind = parse(DeadlineRule.Kind.class, deadlineKind);
		if (kind == null) {
			errors.rejectValue("deadlineKind", "pd.catalog.form.choose");
			return null;
		}
		switch (kind) {
			case FIXED_DATE -> {
				LocalDate date = date(deadlineDate);
				if (date == null) {
					errors.rejectValue("deadlineDate", "pd.catalog.form.date");
					return null;
				}
				return DeadlineRule.on(date);
			}
			case YEARS_AFTER_ROLE_START -> {
				Integer years = whole(deadlineYears);
				if (years == null || years < 1 || years > 20) {
					errors.rejectValue("deadlineYears", "pd.catalog.form.years");
					return null;
				}
				return DeadlineRule.yearsAfterRoleStart(years);
			}
			default -> {
				return DeadlineRule.none();
			}
		}
	}

	private static Requirement requirement(RequirementRow row, String at, Set<String> codes, Errors errors) {
		int before = errors.getErrorCount();
		String reqCode = FormText.blank(row.code()) ? slug(row.title()) : row.code().strip().toLowerCase(Locale.ROOT);
		if (!CODE.matcher(reqCode).matches()) {
			errors.rejectValue(at + "code", "pd.catalog.form.code");
		}
		else if (!codes.add(reqCode)) {
			errors.rejectValue(at + "code", "pd.catalog.form.code-taken");
		}
		if (FormText.blank(row.title()) || row.title().strip().length() > 300) {
			errors.rejectValue(at + "title", "pd.catalog.form.title");
		}
		if (nz(row.part()).strip().length() > 100) {
			errors.rejectValue(at + "part", "pd.catalog.form.part");
		}
		RequirementKind kind = parse(RequirementKind.class, row.kind());
		if (kind == null) {
			errors.rejectValue(at + "kind", "pd.catalog.form.choose");
		}
		BigDecimal threshold = null;
		if (!FormText.blank(row.threshold())) {
			threshold = decimal(row.threshold());
			if (threshold == null || threshold.compareTo(BigDecimal.valueOf(100)) > 0) {
				errors.rejectValue(at + "threshold", "pd.catalog.form.threshold");
			}
		}
		Integer attempts = FormText.blank(row.attempts()) ? Integer.valueOf(0) : whole(row.attempts());
		if (attempts == null || attempts > 10) {
			errors.rejectValue(at + "attempts", "pd.catalog.form.attempts");
		}
		BigDecimal hours = null;
		if (!FormText.blank(row.hours())) {
			hours = decimal(row.hours());
			if (hours == null || hours.signum() <= 0) {
				errors.rejectValue(at + "hours", "pd.catalog.form.hours");
			}
		}
		else if (kind == RequirementKind.HOURS) {
			errors.rejectValue(at + "hours", "pd.catalog.form.hours");
		}
		if (nz(row.hoursUnit()).strip().length() > 40
				|| (kind == RequirementKind.HOURS && FormText.blank(row.hoursUnit()))) {
			errors.rejectValue(at + "hoursUnit", "pd.catalog.form.unit");
		}
		if (errors.getErrorCount() > before) {
			return null;
		}
		return new Requirement(reqCode, row.title().strip(), FormText.blank(row.part()) ? null : row.part().strip(),
				kind, threshold, attempts, hours, FormText.blank(row.hoursUnit()) ? null : row.hoursUnit().strip(),
				Boolean.TRUE.equals(row.evidenceRequired()));
	}

	private static AssignmentRule rule(RuleRow row, String at, Errors errors) {
		int before = errors.getErrorCount();
		Obligation obligation = parse(Obligation.class, row.obligation());
		if (obligation == null) {
			errors.rejectValue(at + "obligation", "pd.catalog.form.choose");
		}
		Audience audience = parse(Audience.class, row.audience());
		if (audience == null) {
			errors.rejectValue(at + "audience", "pd.catalog.form.choose");
		}
		SchoolLevel level = parse(SchoolLevel.class, row.schoolLevel());
		if (level == null) {
			errors.rejectValue(at + "schoolLevel", "pd.catalog.form.choose");
		}
		Integer within = null;
		if (!FormText.blank(row.withinYears())) {
			within = whole(row.withinYears());
			if (within == null || within < 1 || within > 20) {
				errors.rejectValue(at + "withinYears", "pd.catalog.form.years");
			}
		}
		return errors.getErrorCount() > before ? null : new AssignmentRule(obligation, audience, level, within);
	}

}
