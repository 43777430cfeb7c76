/**
 * PD placed in LMS courses: the placements launches record, and the completions sent to
 * their gradebook columns.
 */
package org.coachroom.pd.placement;
