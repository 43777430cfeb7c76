package org.coachroom.lti;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

import org.coachroom.shared.TenantId;

/**
 * The person signed in through an LTI launch: who they are, in which tenant and course,
 * with which Coachroom roles. Feature modules receive it as the authentication principal.
 */
public record Member(TenantId tenant, long userId, String subject, String name, String email, Set<CoachroomRole> roles,
		CourseContext context, String platformName, LaunchDetails launch) {

	public Member {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public boolean hasRole(CoachroomRole role) {
		return roles.contains(role);
	}

	/** The role whose home page opens first: the widest view the person holds. */
	public CoachroomRole primaryRole() {
		return roles.stream().max(Comparator.naturalOrder()).orElse(CoachroomRole.TEACHER);
	}

	/** Roles in a stable order for display. */
	public java.util.List<CoachroomRole> sortedRoles() {
		return roles.stream().sorted().toList();
	}

	public String displayName() {
		return name == null || name.isBlank() ? "LMS user " + subject : name;
	}
}
