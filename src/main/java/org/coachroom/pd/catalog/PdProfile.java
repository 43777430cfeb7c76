package org.coachroom.pd.catalog;

import java.time.LocalDate;

import org.coachroom.pd.SchoolLevel;

/**
 * What assignment and deadline rules need to know of a person: the role they hold, the
 * level of their school and when they started the role (unknown until someone records
 * it).
 */
public record PdProfile(Audience audience, SchoolLevel schoolLevel, LocalDate roleStartedOn) {
}
