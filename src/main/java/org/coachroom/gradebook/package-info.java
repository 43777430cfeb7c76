/**
 * Completion back to the LMS gradebook (LTI Assignment and Grade Services): listens to
 * completion events, keeps each score to send in a database outbox, and sends it until
 * the platform has it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gradebook")
package org.coachroom.gradebook;
