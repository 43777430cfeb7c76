package org.coachroom.team.workspace;

/**
 * A person's place in a team workspace: a member of the team, or its facilitator (the
 * coach).
 */
public enum TeamRole {

	MEMBER, FACILITATOR

}
