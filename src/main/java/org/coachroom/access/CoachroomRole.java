package org.coachroom.access;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.Member;
import org.coachroom.lti.ToolRole;

/**
 * What a person may do in Coachroom, mapped from the LTI roles of their launch by
 * {@link CoachroomRoleMapping}. Declared from the narrowest view to the widest.
 */
public enum CoachroomRole implements ToolRole {

	TEACHER("Teacher"), COACH("Coach"), PRINCIPAL("Principal"), HR("HR"), DISTRICT_ADMIN("District admin");

	private final String label;

	CoachroomRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
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

	/**
	 * The Coachroom roles among role names the LTI module recorded; names of no role are
	 * left out.
	 */
	public static Set<CoachroomRole> of(Collection<String> names) {
		EnumSet<CoachroomRole> roles = EnumSet.noneOf(CoachroomRole.class);
		for (String name : names) {
			for (CoachroomRole role : values()) {
				if (role.name().equals(name)) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	/** The roles this launch gives the person. */
	public static Set<CoachroomRole> of(Member member) {
		return of(member.roles());
	}

	/** The role whose home page opens first: the widest view the person holds. */
	public static CoachroomRole primaryOf(Member member) {
		return of(member).stream().max(Comparator.naturalOrder()).orElse(TEACHER);
	}

	/** The person's roles in a stable order, for display. */
	public static List<CoachroomRole> sortedOf(Member member) {
		return of(member).stream().sorted().toList();
	}

}
