/**
 * Who may see what, for every module: the rules of coaching's privacy that are not one
 * module's own. Coaching is non-evaluative, so whoever holds a principal's or HR role,
 * even beside a coach's, sees no individual's coaching, reflections, attendance or scores
 * anywhere.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Who may see what")
package org.coachroom.access;
