package org.coachroom.gradebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.coachroom.lti.AssignmentGrades;
import org.coachroom.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one claimed score: makes sure it has its line item, posts the score, and records
 * what the platform said. Tries again with exponential backoff and jitter (or the
 * platform's Retry-After); {@link ScoreSender} decides when and on which worker.
 */
@Component
class ScoreDelivery {

	private static final Logger log = LoggerFactory.getLogger(ScoreDelivery.class);

	private final ScoreOutbox outbox;

	private final AssignmentGrades grades;

	private final Clock clock;

	private final Duration firstRetry;

	private final Duration longestRetry;

	private final int refusalRetries;

	ScoreDelivery(ScoreOutbox outbox, AssignmentGrades grades, Clock clock, GradebookProperties properties) {
		this.outbox = outbox;
		this.grades = grades;
		this.clock = clock;
		this.firstRetry = properties.firstRetry();
		this.longestRetry = properties.longestRetry();
		this.refusalRetries = properties.refusalRetries();
	}

	void send(ScoreOutbox.PendingScore score) {
		TenantId tenant = new TenantId(score.tenantId());
		String lineItem = score.lineItemUrl();
		if (lineItem == null) {
			if (score.lineItemsUrl() == null) {
				outbox.failed(score, 0,
						"The course offers no gradebook service (no line item container in the launch).", true);
				log.info("Score {} ({} {}, tenant {}) given up: the course offers no gradebook service", score.id(),
						score.source(), score.sourceId(), score.tenantId());
				return;
			}
			// one sender at a time per placement, on any node: members completing
			// together share one column
			AssignmentGrades.Outcome found = outbox.underPlacementLock(score, () -> {
				String known = outbox.knownLineItem(score);
				if (known != null) {
					return new AssignmentGrades.Done(known);
				}
				AssignmentGrades.Outcome made = grades.lineItem(tenant, score.lineItemsUrl(),
						new AssignmentGrades.LineItemSpec(score.sourceTitle(), score.scoreMaximum(), resourceId(score),
								"coachroom-" + kind(score), score.resourceLinkId()));
				if (made instanceof AssignmentGrades.Done done) {
					outbox.lineItemFound(score, done.value());
				}
				return made;
			});
			if (found == null) {
				found = new AssignmentGrades.Retry(null,
						"Another sender is still finding this course's gradebook column.");
			}
			if (!(found instanceof AssignmentGrades.Done done)) {
				record(score, found);
				return;
			}
			lineItem = done.value();
		}
		AssignmentGrades.Outcome outcome = grades.postScore(tenant, lineItem,
				score.clears()
						? new AssignmentGrades.Score(score.userSubject(), null, null, score.comment(),
								score.completedAt(), "Initialized", "NotReady")
						: new AssignmentGrades.Score(score.userSubject(), score.scoreGiven(), score.scoreMaximum(),
								score.comment(), score.completedAt(), "Completed", "FullyGraded"));
		record(score, outcome);
	}

	/**
	 * Records the outcome and logs it in one INFO line: the score's, source's and
	 * person's ids and the attempt count only, never a name, an e-mail or the LMS's
	 * answer (which may quote either); the answer is kept with the score for the
	 * district's admins.
	 */
	private void record(ScoreOutbox.PendingScore score, AssignmentGrades.Outcome outcome) {
		Instant now = clock.instant();
		int attempt = score.attempts() + 1;
		if (outcome instanceof AssignmentGrades.Done) {
			outbox.sent(score, now);
			log.info("Score {} ({} {}, tenant {}) sent to the LMS on attempt {}", score.id(), score.source(),
					score.sourceId(), score.tenantId(), attempt);
		}
		else if (outcome instanceof AssignmentGrades.Retry retry && retry.conflict() && score.attempts() > 0) {
			// Moodle refuses a score no newer than the one it holds: an earlier attempt
			// of this one
			// landed though its answer never came back
			outbox.sent(score, now);
			log.info("Score {} ({} {}, tenant {}) sent: the LMS already had it (409 on attempt {})", score.id(),
					score.source(), score.sourceId(), score.tenantId(), attempt);
		}
		else if (outcome instanceof AssignmentGrades.Retry retry) {
			Duration wait = retry.after() != null ? retry.after() : backoff(firstRetry, longestRetry, score.attempts());
			outbox.retryAt(score, now.plus(wait), retry.reason());
			log.info("Score {} ({} {}, tenant {}) will be retried in {}s: the LMS could not take it on attempt {}",
					score.id(), score.source(), score.sourceId(), score.tenantId(), wait.toSeconds(), attempt);
		}
		else if (outcome instanceof AssignmentGrades.Refused refused && score.attempts() < refusalRetries) {
			Duration wait = backoff(firstRetry, longestRetry, score.attempts());
			outbox.retryAt(score, now.plus(wait), refused.answer());
			log.info(
					"Score {} ({} {}, tenant {}) will be retried in {}s: the LMS refused Coachroom's token request (HTTP {}) on attempt {}",
					score.id(), score.source(), score.sourceId(), score.tenantId(), wait.toSeconds(), refused.status(),
					attempt);
		}
		else if (outcome instanceof AssignmentGrades.Refused refused) {
			outbox.failed(score, refused.status(), refused.answer(), true);
			log.info(
					"Score {} ({} {}, tenant {}) given up: the LMS refused Coachroom's token request (HTTP {}) {} times",
					score.id(), score.source(), score.sourceId(), score.tenantId(), refused.status(), attempt);
		}
		else if (outcome instanceof AssignmentGrades.Failed failed) {
			outbox.failed(score, failed.status(), failed.answer(), failed.serviceOff());
			log.info("Score {} ({} {}, tenant {}) refused by the LMS (HTTP {}) on attempt {}; not retried", score.id(),
					score.source(), score.sourceId(), score.tenantId(), failed.status(), attempt);
		}
	}

	/** As deep linking names it: study-group (for STUDY_GROUP). */
	private static String kind(ScoreOutbox.PendingScore score) {
		return score.source().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The resourceId deep linking gives the line item it asks for: study-group-12. */
	private static String resourceId(ScoreOutbox.PendingScore score) {
		return kind(score) + "-" + score.sourceId();
	}

	/**
	 * 5 s, 10 s, 20 s ... (from the first retry) up to an hour, each between half and one
	 * and a half times that.
	 */
	static Duration backoff(Duration firstRetry, Duration longestRetry, int attempts) {
		long base = firstRetry.toMillis() << Math.min(attempts, 20);
		long capped = Math.min(base, longestRetry.toMillis());
		double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
		return Duration.ofMillis((long) (capped * jitter));
	}

}
