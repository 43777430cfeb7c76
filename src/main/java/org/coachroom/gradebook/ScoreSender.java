package org.coachroom.gradebook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox: claims due scores and hands each to {@link ScoreDelivery} on a pool
 * of workers, at most {@code per-lms} at once to one LMS host; a score claimed but not
 * sent when the application stops is given back. Nothing is dropped: a score is sent,
 * waiting, or failed with the platform's answer.
 */
@Component
class ScoreSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ScoreSender.class);

	private final int perHost;

	private final int workerCount;

	/**
	 * Made when the sender starts and shut down when it stops; a context may stop and
	 * start again.
	 */
	private volatile ExecutorService workers;

	private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

	private final ScoreOutbox outbox;

	private final ScoreDelivery delivery;

	private final Clock clock;

	private final int batch;

	private volatile boolean stopping;

	private final Duration claimFor;

	private volatile boolean running;

	ScoreSender(ScoreOutbox outbox, ScoreDelivery delivery, Clock clock, GradebookProperties properties) {
		this.outbox = outbox;
		this.delivery = delivery;
		this.clock = clock;
		this.batch = properties.batch();
		this.claimFor = properties.claimFor();
		this.perHost = Math.max(1, properties.perLms());
		this.workerCount = Math.max(1, properties.workers());
	}

	/**
	 * The application is stopping (the first thing a context does when it closes): no
	 * more claims, and scores claimed but not yet on the wire are given back at once, so
	 * a restarted or other node sends them without waiting for the claim to run out.
	 */
	@EventListener(ContextClosedEvent.class)
	void stopping() {
		stopping = true;
	}

	@Override
	public void start() {
		workers = Executors.newFixedThreadPool(workerCount, r -> {
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
		ExecutorService current = workers;
		if (current == null) {
			running = false;
			return;
		}
		current.shutdown();
		try {
			current.awaitTermination(30, TimeUnit.SECONDS);
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
			ExecutorService current = workers;
			if (current == null) {
				return;
			}
			due = outbox.claim(batch, clock.instant(), claimFor);
			List<Future<?>> sending = new ArrayList<>();
			for (ScoreOutbox.PendingScore score : due) {
				try {
					sending.add(current.submit(() -> politely(score)));
				}
				catch (RejectedExecutionException stoppedMeanwhile) {
					// the sender stopped after the claim: another node, or this one once
					// started again, sends it
					outbox.release(score);
				}
			}
			for (Future<?> f : sending) {
				try {
					f.get();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (ExecutionException e) {
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
			return URI.create(url).getHost();
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
		Semaphore permits = hosts.computeIfAbsent(host == null ? "" : host, h -> new Semaphore(perHost));
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
			delivery.send(mine);
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

}
