package org.coachroom.pd;

import java.time.LocalDate;

/**
 * What assignment and deadline rules need to know of a person: the role they hold, the level of
 * their school and when they started the role (unknown until someone records it).
 */
public record PdProfile(Audience audience, SchoolLevel schoolLevel, LocalDate roleStartedOn) {
}
