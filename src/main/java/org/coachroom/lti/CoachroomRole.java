package org.coachroom.lti;

import java.util.Locale;
import java.util.Optional;

/** What a person may do in Coachroom, mapped from the LTI roles of their launch. */
public enum CoachroomRole {

	TEACHER("Teacher"), COACH("Coach"), PRINCIPAL("Principal"), HR("HR"), DISTRICT_ADMIN("District admin");

	private final String label;

	CoachroomRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The Spring Security authority, e.g. {@code ROLE_COACH}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Reads a role as people write it: "HR", "principal", "District admin",
	 * "district_admin".
	 */
	public static Optional<CoachroomRole> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		if (key.equals("DISTRICTADMIN")) {
			key = "DISTRICT_ADMIN";
		}
		for (CoachroomRole role : values()) {
			if (role.name().equals(key)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
