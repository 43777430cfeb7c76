/**
 * Team Learning Process workspaces for PLC teams: one per team's LMS course, with its
 * members and facilitator, norms, meetings (agenda and notes), action items, shared
 * resources and learning cycles. Only the team sees its content; a principal sees per
 * school what teams shared.
 *
 * <p>
 * Shape. The module's API is this package only: {@link org.coachroom.team.TeamWorkspaces}
 * (placing a workspace by deep linking), {@link org.coachroom.team.LearningCycles} (the
 * home page), the event {@link org.coachroom.team.TeamCycleCompleted} and the value
 * {@link org.coachroom.team.CycleStep}. Everything else is internal, in a sub-package per
 * concern:
 * <ul>
 * <li>{@code team.workspace}: the workspace and who is in it, the one access policy
 * ({@code TeamAccess}, asked everywhere in the module), the team's calendar and its one
 * date reading ({@code TeamCalendar}), norms, meetings, action items, shared resources,
 * roster import, placements and their pages.</li>
 * <li>{@code team.cycle}: learning cycles, their steps and results, the SMART goal, the
 * chart, the shared summaries and the principal's school overview. It builds on
 * {@code team.workspace} (and draws its part of the workspace page as a
 * {@code WorkspacePanel}); never the other way round.</li>
 * </ul>
 * Services are split on their seams: access policy, page read models ({@code ...Pages},
 * {@code CycleViews}), editing ({@code ...Editing}, {@code CycleClosing}), membership and
 * placements; a controller per sub-resource.
 *
 * <p>
 * Persistence rule. A table that is an aggregate, or plain create-read-delete keyed by
 * its own id, goes through a Spring Data JDBC repository named as a plural noun
 * ({@code Workspaces}, {@code Cycles}, {@code Meetings}, {@code ActionItems},
 * {@code SharedResources}); a query written out on a repository is only for leaving
 * columns unread (a file's bytes). SQL a repository cannot say is in a class named
 * {@code ...Queries}, one per concern: statements two requests may race on (an upsert, an
 * {@code INSERT IGNORE}), row locks, reports across tables or across many rows at once,
 * and rows keyed by more than one column ({@code MembershipQueries},
 * {@code WorkspaceQueries}, {@code PlacementQueries}, {@code CycleQueries},
 * {@code CycleResultQueries}, {@code SchoolQueries}). Only {@code team_} tables are
 * named: people come through the lti module's {@code People} and {@code Rosters}, schools
 * through the pd module's {@code Schools}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team workspaces")
package org.coachroom.team;
