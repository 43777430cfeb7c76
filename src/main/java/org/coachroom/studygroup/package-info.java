/**
 * Coaching study groups (text, book and lesson studies): sessions, members, attendance,
 * reflections and the completion rule that earns PD credit. Publishes
 * {@link org.coachroom.studygroup.StudyGroupCompleted}.
 * <p>
 * The root holds the module's API: the aggregate
 * {@link org.coachroom.studygroup.StudyGroup}, its rule, the events, the refusals and
 * {@link org.coachroom.studygroup.StudyGroupManagement}, the facade other modules call.
 * Inside, one package per concern: {@code group} (the access policy every part asks, page
 * read models, editing), {@code session} (sessions, attendance), {@code membership}
 * (members, roster import), {@code reflection}, {@code completion}, {@code files},
 * {@code placement} (LMS links, the gradebook report's access) and {@code web} (a
 * controller per sub-resource, the deep linking picker's section).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Study groups")
package org.coachroom.studygroup;
