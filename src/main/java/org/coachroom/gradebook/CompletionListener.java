package org.coachroom.gradebook;

import java.math.BigDecimal;
import java.time.Clock;

import org.coachroom.studygroup.StudyGroupCompleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns completions into scores to send, in the completion's own transaction: a completion and
 * its outbox rows are kept together or not at all.
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
	void on(StudyGroupCompleted completion) {
		if (completion.subject() == null) {
			return;
		}
		String hours = completion.creditHours() == null ? "" : " (" + completion.creditHours().stripTrailingZeros()
			.toPlainString() + " " + completion.creditUnit() + ")";
		String comment = "Completed the study group \"" + completion.title() + "\"" + hours
				+ (completion.byHand() ? ", marked by a facilitator." : ".");
		for (StudyGroupCompleted.Placement placement : completion.placements()) {
			outbox.add(completion.tenantId(), "STUDY_GROUP", completion.studyGroupId(), completion.title(),
					placement.resourceLinkId(), completion.userRef(), completion.subject(), placement.lineItemUrl(),
					placement.lineItemsUrl(), FULL, FULL, comment, completion.completedAt(), clock.instant());
		}
	}
}
