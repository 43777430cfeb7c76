package org.coachroom.studygroup.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.coachroom.studygroup.CompletionRule;
import org.coachroom.studygroup.LinkLines;
import org.coachroom.studygroup.StudyGroup;
import org.springframework.validation.Errors;

/**
 * The study group form: details and completion rule as a coach types them. Every field is
 * text, so that any input, however wrong, comes back to the page with its own error.
 */
record StudyGroupForm(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 2000) String purpose,
		@Size(max = 500) String schoolGoal, String kind, @Size(max = 300) String textTitle,
		@Size(max = 200) String textAuthor, String visibility, String creditHours,
		@NotBlank @Size(max = 40) String creditUnit, @Size(max = 5000) String links, String ruleBasis,
		String ruleMinimum, Boolean ruleExcusedCounts, Boolean ruleFinalReflection, String ruleMinimumMembers,
		String ruleHoursCap, String formToken) {

	private static final java.util.regex.Pattern HOURS = java.util.regex.Pattern.compile("\\d{1,3}([.,]\\d{1,2})?");

	private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9-]{8,64}");

	private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("\\d{1,4}");

	static StudyGroupForm blank() {
		CompletionRule rule = CompletionRule.DISTRICT_DEFAULT;
		return new StudyGroupForm("", "", "", StudyGroup.Kind.BOOK_STUDY.name(), "", "",
				StudyGroup.Visibility.OPEN.name(), "6", "clock hours", "", rule.basis().name(),
				Integer.toString(rule.minimum()), rule.excusedCounts(), rule.finalReflectionRequired(),
				Integer.toString(rule.minimumMembers()), "", UUID.randomUUID().toString());
	}

	static StudyGroupForm of(StudyGroup group) {
		StudyGroup.Details d = group.details();
		CompletionRule rule = group.getRule();
		String links = LinkLines.format(d.links());
		return new StudyGroupForm(d.title(), d.purpose(), d.schoolGoal(), d.kind().name(), d.textTitle(),
				d.textAuthor(), d.visibility().name(), d.creditHours().stripTrailingZeros().toPlainString(),
				d.creditUnit(), links, rule.basis().name(), Integer.toString(rule.minimum()), rule.excusedCounts(),
				rule.finalReflectionRequired(), Integer.toString(rule.minimumMembers()),
				rule.hoursCap() == null ? "" : rule.hoursCap().stripTrailingZeros().toPlainString(), null);
	}

	/** Checks what annotations cannot: choices, numbers and their ranges, the links. */
	void check(Errors errors) {
		if (!LinkLines.valid(links)) {
			errors.rejectValue("links", "studygroup.form.links.invalid");
		}
		if (parseEnum(StudyGroup.Kind.class, kind) == null) {
			errors.rejectValue("kind", "studygroup.form.choose");
		}
		if (parseEnum(StudyGroup.Visibility.class, visibility) == null) {
			errors.rejectValue("visibility", "studygroup.form.choose");
		}
		if (parseEnum(CompletionRule.Basis.class, ruleBasis) == null) {
			errors.rejectValue("ruleBasis", "studygroup.form.choose");
		}
		if (hours(creditHours) == null) {
			errors.rejectValue("creditHours", "studygroup.form.hours");
		}
		if (ruleHoursCap != null && !ruleHoursCap.isBlank() && hours(ruleHoursCap) == null) {
			errors.rejectValue("ruleHoursCap", "studygroup.form.hours");
		}
		Integer minimum = whole(ruleMinimum);
		if (minimum == null || minimum < 1 || minimum > 100) {
			errors.rejectValue("ruleMinimum", "studygroup.form.minimum");
		}
		Integer members = whole(ruleMinimumMembers);
		if (members == null || members < 1 || members > 1000) {
			errors.rejectValue("ruleMinimumMembers", "studygroup.form.members");
		}
	}

	StudyGroup.Details details() {
		List<StudyGroup.Link> parsed = LinkLines.parseAll(links);
		return new StudyGroup.Details(title.strip(), purpose.strip(), blankToNull(schoolGoal),
				parseEnum(StudyGroup.Kind.class, kind), blankToNull(textTitle), blankToNull(textAuthor),
				parseEnum(StudyGroup.Visibility.class, visibility), hours(creditHours), creditUnit.strip(), parsed);
	}

	CompletionRule rule() {
		// an unticked checkbox sends nothing
		return new CompletionRule(parseEnum(CompletionRule.Basis.class, ruleBasis), whole(ruleMinimum),
				Boolean.TRUE.equals(ruleExcusedCounts), Boolean.TRUE.equals(ruleFinalReflection),
				whole(ruleMinimumMembers), ruleHoursCap == null || ruleHoursCap.isBlank() ? null : hours(ruleHoursCap));
	}

	/**
	 * The form's one-time token, when it is one this page could have given (any other
	 * value creates as if there were none).
	 */
	String token() {
		return formToken != null && TOKEN.matcher(formToken).matches() ? formToken : null;
	}

	private static BigDecimal hours(String s) {
		if (s == null || !HOURS.matcher(s.strip()).matches()) {
			return null;
		}
		return new BigDecimal(s.strip().replace(',', '.'));
	}

	private static Integer whole(String s) {
		return s == null || !WHOLE.matcher(s.strip()).matches() ? null : Integer.valueOf(s.strip());
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
		if (s == null) {
			return null;
		}
		for (E e : type.getEnumConstants()) {
			if (e.name().equals(s)) {
				return e;
			}
		}
		return null;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
