package org.coachroom.gradebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.coachroom.lti.AssignmentGrades;
import org.coachroom.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox: claims due scores, makes sure each has its line item, posts the
 * score, and records what the platform said. Tries again with exponential backoff and
 * jitter (or the platform's Retry-After); nothing is dropped: a score is sent, waiting,
 * or failed with the platform's answer.
 */
@Component
class ScoreSender implements org.springframework.context.SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ScoreSender.class);

	private final Duration firstRetry;

	private final Duration longestRetry;

	private final int perHost;

	private final int workerCount;

	/**
	 * Made when the sender starts and shut down when it stops; a context may stop and
	 * start again.
	 */
	private volatile java.util.concurrent.ExecutorService workers;

	private final java.util.Map<String, java.util.concurrent.Semaphore> hosts = new java.util.concurrent.ConcurrentHashMap<>();

	private final ScoreOutbox outbox;

	private final AssignmentGrades grades;

	private final Clock clock;

	private final int batch;

	private volatile boolean stopping;

	private final Duration claimFor;

	private final int refusalRetries;

	private volatile boolean running;

	ScoreSender(ScoreOutbox outbox, AssignmentGrades grades, Clock clock, GradebookProperties properties) {
		this.refusalRetries = properties.refusalRetries();
		this.outbox = outbox;
		this.grades = grades;
		this.clock = clock;
		this.batch = properties.batch();
		this.claimFor = properties.claimFor();
		this.firstRetry = properties.firstRetry();
		this.longestRetry = properties.longestRetry();
		this.perHost = Math.max(1, properties.perLms());
		this.workerCount = Math.max(1, properties.workers());
	}

	/**
	 * The application is stopping (the first thing a context does when it closes): no
	 * more claims, and scores claimed but not yet on the wire are given back at once, so
	 * a restarted or other node sends them without waiting for the claim to run out.
	 */
	@org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
	void stopping() {
		stopping = true;
	}

	@Override
	public void start() {
		workers = java.util.concurrent.Executors.newFixedThreadPool(workerCount, r -> {
			Thread t = new Thread(r, "gradebook-sender");
			t.setDaemon(true);
			return t;
		});
		stopping = false;
		running = true;
	}

	/**
	 * Sends under way finish, so no row is left half-sent, and they finish while the web
	 * server still runs: the LMS checks each token request against Coachroom's key set,
	 * served by this node.
	 */
	@Override
	public void stop() {
		stopping = true;
		java.util.concurrent.ExecutorService current = workers;
		if (current == null) {
			running = false;
			return;
		}
		current.shutdown();
		try {
			current.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Stopped before the web server (its graceful shutdown is at DEFAULT_PHASE - 1024).
	 */
	@Override
	public int getPhase() {
		return DEFAULT_PHASE - 512;
	}

	/**
	 * Every {@code coachroom.gradebook.poll} ({@link GradebookProperties#poll()}, with
	 * the same default).
	 */
	@Scheduled(initialDelayString = "${coachroom.gradebook.poll:PT1S}",
			fixedDelayString = "${coachroom.gradebook.poll:PT1S}")
	void drain() {
		List<ScoreOutbox.PendingScore> due;
		do {
			if (stopping) {
				return;
			}
			java.util.concurrent.ExecutorService current = workers;
			if (current == null) {
				return;
			}
			due = outbox.claim(batch, clock.instant(), claimFor);
			List<java.util.concurrent.Future<?>> sending = new java.util.ArrayList<>();
			for (ScoreOutbox.PendingScore score : due) {
				try {
					sending.add(current.submit(() -> politely(score)));
				}
				catch (java.util.concurrent.RejectedExecutionException stoppedMeanwhile) {
					// the sender stopped after the claim: another node, or this one once
					// started again, sends it
					outbox.release(score);
				}
			}
			for (java.util.concurrent.Future<?> f : sending) {
				try {
					f.get();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (java.util.concurrent.ExecutionException e) {
					log.warn("Sending a score failed unexpectedly; it is tried again when its claim runs out",
							e.getCause());
				}
			}
		}
		while (due.size() == batch);
	}

	/**
	 * The host a score goes to, for politeness; a URL that is no URL has none, and the
	 * send then records why it failed rather than the score being claimed for ever.
	 */
	private static String hostOf(String url) {
		try {
			return java.net.URI.create(url).getHost();
		}
		catch (IllegalArgumentException notAUrl) {
			return "";
		}
	}

	/**
	 * At most {@code per-lms} sends at once to one LMS host, however many workers there
	 * are.
	 */
	private void politely(ScoreOutbox.PendingScore score) {
		String url = score.lineItemUrl() != null ? score.lineItemUrl() : score.lineItemsUrl();
		String host = url == null ? "" : hostOf(url);
		java.util.concurrent.Semaphore permits = hosts.computeIfAbsent(host == null ? "" : host,
				h -> new java.util.concurrent.Semaphore(perHost));
		if (stopping) {
			outbox.release(score);
			return;
		}
		try {
			permits.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			outbox.release(score);
			return;
		}
		ScoreOutbox.PendingScore mine = score;
		try {
			if (stopping) {
				outbox.release(score);
				return;
			}
			var renewed = outbox.renew(score, clock.instant(), claimFor);
			if (renewed.isEmpty()) {
				log.info("Score {} waited past its claim and another worker has it now", score.id());
				return;
			}
			mine = renewed.get();
			send(mine);
		}
		catch (RuntimeException e) {
			// never leave a score claimed with no outcome: a person sees it failed and
			// can send it again
			log.warn("Score {} could not be sent: {}", score.id(), e.toString());
			outbox.failed(mine, 0, "Coachroom could not send this score: " + e.getClass().getSimpleName() + ".", false);
		}
		finally {
			permits.release();
		}
	}

	void send(ScoreOutbox.PendingScore score) {
		TenantId tenant = new TenantId(score.tenantId());
		String lineItem = score.lineItemUrl();
		if (lineItem == null) {
			if (score.lineItemsUrl() == null) {
				outbox.failed(score, 0,
						"The course offers no gradebook service (no line item container in the launch).", true);
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

	private void record(ScoreOutbox.PendingScore score, AssignmentGrades.Outcome outcome) {
		Instant now = clock.instant();
		if (outcome instanceof AssignmentGrades.Done) {
			outbox.sent(score, now);
		}
		else if (outcome instanceof AssignmentGrades.Retry retry && retry.conflict() && score.attempts() > 0) {
			// Moodle refuses a score no newer than the one it holds: an earlier attempt
			// of this one
			// landed though its answer never came back
			outbox.sent(score, now);
			log.info("Score {} was already at the LMS (409 on a repeat)", score.id());
		}
		else if (outcome instanceof AssignmentGrades.Retry retry) {
			Duration wait = retry.after() != null ? retry.after() : backoff(firstRetry, longestRetry, score.attempts());
			outbox.retryAt(score, now.plus(wait), retry.reason());
			log.info("Score {} to try again in {}s: {}", score.id(), wait.toSeconds(), retry.reason());
		}
		else if (outcome instanceof AssignmentGrades.Refused refused && score.attempts() < refusalRetries) {
			Duration wait = backoff(firstRetry, longestRetry, score.attempts());
			outbox.retryAt(score, now.plus(wait), refused.answer());
			log.info("Score {}: the LMS refused Coachroom's token request; trying again in {}s", score.id(),
					wait.toSeconds());
		}
		else if (outcome instanceof AssignmentGrades.Refused refused) {
			outbox.failed(score, refused.status(), refused.answer(), true);
			log.warn("Score {} failed: the LMS refused Coachroom's token request {} times", score.id(),
					score.attempts() + 1);
		}
		else if (outcome instanceof AssignmentGrades.Failed failed) {
			outbox.failed(score, failed.status(), failed.answer(), failed.serviceOff());
			log.warn("Score {} failed: the LMS answered {}", score.id(), failed.status());
		}
	}

	/** As deep linking names it: study-group (for STUDY_GROUP). */
	private static String kind(ScoreOutbox.PendingScore score) {
		return score.source().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
