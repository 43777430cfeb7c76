/**
 * The demo district: a built-in LTI platform with its own key, registered like any other,
 * that launches Coachroom as a teacher, coach, principal, HR or district admin through
 * the real login and validation path. Runs only with the {@code demo} profile and never
 * on a production database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo district")
package org.coachroom.demo;
