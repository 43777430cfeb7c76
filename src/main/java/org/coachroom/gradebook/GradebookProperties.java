package org.coachroom.gradebook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gradebook's score sender ({@code coachroom.gradebook.*}).
 *
 * @param poll how often a node looks for scores that are due (read by the schedule
 * itself)
 * @param batch how many due scores a node claims at once
 * @param claimFor how long a claim lasts if the node that made it dies
 * @param firstRetry the first wait before a failed score is tried again (doubling up to
 * the longest)
 * @param longestRetry the longest wait between tries of a failed score
 * @param workers sending threads per node
 * @param perLms scores sent at once to one LMS host
 * @param refusalRetries how many times a score is tried again when the LMS refuses
 * Coachroom's token request, before it is marked failed
 */
@ConfigurationProperties("coachroom.gradebook")
record GradebookProperties(@DefaultValue("PT1S") Duration poll, @DefaultValue("50") int batch,
		@DefaultValue("PT2M") Duration claimFor, @DefaultValue("PT5S") Duration firstRetry,
		@DefaultValue("PT1H") Duration longestRetry, @DefaultValue("8") int workers, @DefaultValue("4") int perLms,
		@DefaultValue("5") int refusalRetries) {
}
