/**
 * PD course and credential tracking: the district's catalog of programs (LETRS,
 * endorsements, induction), their requirements and deadline rules, who they apply to, and
 * each person's progress.
 */
@org.springframework.modulith.ApplicationModule(displayName = "PD tracking")
package org.coachroom.pd;
