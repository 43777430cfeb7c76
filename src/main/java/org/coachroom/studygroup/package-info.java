/**
 * Coaching study groups (text, book and lesson studies): sessions, members, attendance, reflections
 * and the completion rule that earns PD credit. Publishes {@link org.coachroom.studygroup.StudyGroupCompleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Study groups")
package org.coachroom.studygroup;
