/**
 * Where a person lands after a launch: who they are, which course they came from, and
 * their work for the role they hold.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package org.coachroom.home;
