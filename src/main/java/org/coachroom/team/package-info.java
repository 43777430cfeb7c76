/**
 * Team Learning Process workspaces for PLC teams: one per team's LMS course, with its members and
 * facilitator, norms, meetings (agenda and notes) and action items. Only the team sees its content.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team workspaces")
package org.coachroom.team;
