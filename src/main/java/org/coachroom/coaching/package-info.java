/**
 * Coaching itself: coaching cycles between a coach and a teacher (the teacher's goal, the
 * planned moves, the close with the teacher's reflection), and the coach's log of
 * contacts and of time that is not coaching. Coaching is non-evaluative: a cycle, a
 * contact or a note is seen by the coaching pair only; everyone else gets counts.
 *
 * <p>
 * Shape. Internal sub-packages per concern:
 * <ul>
 * <li>{@code coaching.pair}: who coaches whom and the one access policy
 * ({@code CoachingAccess}, asked everywhere in the module), the kinds of support, the
 * module's one reading of a date ({@code CoachingCalendar}).</li>
 * <li>{@code coaching.cycle}: coaching cycles, their moves and their close, and the
 * good-news stories a teacher approves (or withdraws) in their own wording.</li>
 * <li>{@code coaching.log}: the coaching log (contacts and other time) and the coach's
 * month.</li>
 * <li>{@code coaching.report}: the coach's staff report for a period (figures from their
 * own log, their words, the good-news stories their teachers approved), on a page that
 * prints on one sheet and as a PDF; a printed edition keeps what it printed.</li>
 * <li>{@code coaching.school}: coaching by school, in counts only: the principal's
 * monthly view, the district admin's, the school goals the principal and the coach keep,
 * and what the coach needs. Whose contacts they were is never read there.</li>
 * </ul>
 * The API: {@code CoachingAtSchool}, what a principal's home shows of their school's
 * coaching. Only {@code coaching_} tables are named: people come through lti's
 * {@code People}, whom a coach supports through access's {@code SupportedByCoach},
 * schools through pd's {@code Schools}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coaching")
package org.coachroom.coaching;
