package org.coachroom.gradebook;

import java.math.BigDecimal;
import java.time.Clock;

import org.coachroom.shared.CourseCompletion;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns completions of any module (the {@link CourseCompletion} port) into scores to
 * send, in the completion's own transaction: a completion and its outbox rows are kept
 * together or not at all.
 */
@Component
class CompletionListener {

	/** A completion is full marks in the column its placement made. */
	static final BigDecimal FULL = new BigDecimal(100);

	private final ScoreOutbox outbox;

	private final Clock clock;

	CompletionListener(ScoreOutbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	@EventListener
	void on(CourseCompletion completion) {
		// a withdrawn completion sends no scoreGiven: AGS says the platform then clears
		// what it had
		BigDecimal given = completion.completed() ? FULL : null;
		for (CourseCompletion.Placement placement : completion.placements()) {
			if (completion.subject() == null) {
				// no LMS id known for the person now: a score already on its way or sent
				// still gets
				// replaced, under the LMS id it was sent with; a new one has nowhere to
				// go
				outbox.replaceForKnownSubject(new ScoreOutbox.NewScore(completion.tenantId(), completion.source(),
						completion.sourceId(), completion.sourceTitle(), placement.resourceLinkId(),
						completion.userRef(), null, placement.lineItemUrl(), placement.lineItemsUrl(), given, FULL,
						completion.comment(), completion.at()), clock.instant());
				continue;
			}
			outbox.record(new ScoreOutbox.NewScore(completion.tenantId(), completion.source(), completion.sourceId(),
					completion.sourceTitle(), placement.resourceLinkId(), completion.userRef(), completion.subject(),
					placement.lineItemUrl(), placement.lineItemsUrl(), given, FULL, completion.comment(),
					completion.at()), clock.instant());
		}
	}

}
