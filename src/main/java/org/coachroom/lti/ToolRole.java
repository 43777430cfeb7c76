package org.coachroom.lti;

/**
 * A role of the tool's own, as the {@link RoleMapping} names it. The LTI module stores
 * and compares roles by name only; what a role lets someone do is the tool's business.
 */
public interface ToolRole {

	/** The role's stable name, as stored with sessions and course memberships. */
	String name();

}
