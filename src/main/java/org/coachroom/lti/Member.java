package org.coachroom.lti;

import java.util.Set;
import java.util.TreeSet;

import org.coachroom.shared.TenantId;

/**
 * The person signed in through an LTI launch: who they are, in which tenant and course,
 * with the tool roles the {@link RoleMapping} gave their launch. Feature modules receive
 * it as the authentication principal.
 */
public record Member(TenantId tenant, long userId, String subject, String name, String email, Set<String> roles,
		CourseContext context, String platformName, LaunchDetails launch) {

	public Member {
		roles = Set.copyOf(new TreeSet<>(roles));
	}

	public boolean hasRole(ToolRole role) {
		return roles.contains(role.name());
	}

	public String displayName() {
		return name == null || name.isBlank() ? "LMS user " + subject : name;
	}
}
