package org.coachroom.team.cycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coachroom.team.workspace.TeamInputException;
import org.springframework.web.bind.annotation.BindParam;

/**
 * A cycle step's form as its screen posts it, bound by Spring MVC. Every field is text,
 * as in the team's other forms, so that any input comes back on its screen with its own
 * message rather than as a binding failure; the step's rules are {@link CycleEditing}'s.
 */
final class CycleForms {

	private CycleForms() {
	}

	/** Step 1: the essential standard. */
	record StandardForm(String standard, Integer version) {

		Map<String, String> fields() {
			return CycleForms.fields("standard", standard, "version", text(version));
		}

	}

	/**
	 * Step 2: the common assessment, its date and up to six levels ({@code band-0} to
	 * {@code band-5}, as the screen names them), the first proficient one by number.
	 */
	record AssessmentForm(String assessment, String assessedOn, @BindParam("band-0") String band0,
			@BindParam("band-1") String band1, @BindParam("band-2") String band2, @BindParam("band-3") String band3,
			@BindParam("band-4") String band4, @BindParam("band-5") String band5, String proficientFrom,
			Integer version) {

		List<String> bandNames() {
			List<String> names = new ArrayList<>();
			for (String band : new String[] { band0, band1, band2, band3, band4, band5 }) {
				if (band != null && !band.isBlank()) {
					names.add(band.strip());
				}
			}
			return names;
		}

		/** The levels typed, or null with the refusal on {@code bands}. */
		ProficiencyBands bands(Map<String, String> errors) {
			String from = proficientFrom == null ? "" : proficientFrom.strip();
			try {
				return new ProficiencyBands(bandNames(), from.matches("\\d") ? Integer.parseInt(from) : -1);
			}
			catch (TeamInputException e) {
				errors.put("bands", e.getMessage());
				return null;
			}
		}

		Map<String, String> fields() {
			Map<String, String> fields = CycleForms.fields("assessment", assessment, "assessedOn", assessedOn,
					"proficientFrom", proficientFrom, "version", text(version));
			String[] bands = { band0, band1, band2, band3, band4, band5 };
			for (int i = 0; i < bands.length; i++) {
				fields.put("band-" + i, bands[i] == null ? "" : bands[i]);
			}
			return fields;
		}

	}

	/** Step 3: what the results show and the SMART goal. */
	record GoalForm(String strengths, String obstacles, String goal, String target, String goalBy, Integer version) {

		/**
		 * The target as a percentage (a trailing % allowed), or null with the refusal on
		 * {@code target}.
		 */
		BigDecimal targetPercent(Map<String, String> errors) {
			String value = target == null ? "" : target.strip().replace("%", "").strip();
			if (!value.matches("\\d{1,3}(\\.\\d)?")) {
				errors.put("target", "team.goal.target");
				return null;
			}
			return new BigDecimal(value);
		}

		Map<String, String> fields() {
			return CycleForms.fields("strengths", strengths, "obstacles", obstacles, "goal", goal, "target", target,
					"goalBy", goalBy, "version", text(version));
		}

	}

	/** Step 4: how the team responds. */
	record ResponseForm(String strategies, String intervention, String extension, String responsibilities,
			Integer version) {

		Map<String, String> fields() {
			return CycleForms.fields("strategies", strategies, "intervention", intervention, "extension", extension,
					"responsibilities", responsibilities, "version", text(version));
		}

	}

	/**
	 * Step 5: the re-assessment's date (may be blank), the reflection, what carries on.
	 */
	record AdjustForm(String reassessedOn, String reflection, String carryForward, Integer version) {

		boolean reassessed() {
			return reassessedOn != null && !reassessedOn.isBlank();
		}

		Map<String, String> fields() {
			return CycleForms.fields("reassessedOn", reassessedOn, "reflection", reflection, "carryForward",
					carryForward, "version", text(version));
		}

	}

	/** Closing: who took part ({@code participant}, once per person ticked). */
	record CloseForm(@BindParam("participant") List<String> participants, Integer version) {

		/**
		 * The people ticked, or a refusal on {@code participants} for one that is no id.
		 */
		List<Long> people() {
			List<Long> people = new ArrayList<>();
			for (String p : participants == null ? List.<String>of() : participants) {
				if (p == null || !p.strip().matches("\\d{1,18}")) {
					throw CycleFormException.of("participants", "team.cycle.close.participants");
				}
				people.add(Long.valueOf(p.strip()));
			}
			return people;
		}

		Map<String, String> fields() {
			return CycleForms.fields("version", text(version));
		}

	}

	private static String text(Integer version) {
		return version == null ? null : version.toString();
	}

	/** A form's fields as its screen shows them again, a missing one left out. */
	private static Map<String, String> fields(String... namesAndValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				fields.put(namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return fields;
	}

}
