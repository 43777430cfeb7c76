/**
 * A person's own PD: their profile facts, their programs and standing in each, recording
 * progress, PD credit from study groups, the standings HR's view reads (pd_standing, its
 * tallies, name words) and the audit trail.
 */
package org.coachroom.pd.tracking;
