package org.coachroom.gradebook;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;

import org.coachroom.lti.Languages;
import org.coachroom.lti.People;
import org.coachroom.shared.CourseCompletion;
import org.coachroom.shared.TenantId;
import org.springframework.context.MessageSource;
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

	private final People people;

	private final MessageSource messages;

	CompletionListener(ScoreOutbox outbox, Clock clock, People people, MessageSource messages) {
		this.outbox = outbox;
		this.clock = clock;
		this.people = people;
		this.messages = messages;
	}

	@EventListener
	void on(CourseCompletion completion) {
		// a withdrawn completion sends no scoreGiven: AGS says the platform then clears
		// what it had
		BigDecimal given = completion.completed() ? FULL : null;
		String comment = comment(completion);
		for (CourseCompletion.Placement placement : completion.placements()) {
			if (completion.subject() == null) {
				// no LMS id known for the person now: a score already on its way or sent
				// still gets
				// replaced, under the LMS id it was sent with; a new one has nowhere to
				// go
				outbox.replaceForKnownSubject(new ScoreOutbox.NewScore(completion.tenantId(), completion.source(),
						completion.sourceId(), completion.sourceTitle(), placement.resourceLinkId(),
						completion.userRef(), null, placement.lineItemUrl(), placement.lineItemsUrl(), given, FULL,
						comment, completion.at()), clock.instant());
				continue;
			}
			outbox.record(new ScoreOutbox.NewScore(completion.tenantId(), completion.source(), completion.sourceId(),
					completion.sourceTitle(), placement.resourceLinkId(), completion.userRef(), completion.subject(),
					placement.lineItemUrl(), placement.lineItemsUrl(), given, FULL, comment, completion.at()),
					clock.instant());
		}
	}

	/** The note in the person's language, the one of their latest launch. */
	private String comment(CourseCompletion completion) {
		Locale language = people.person(new TenantId(completion.tenantId()), completion.userRef())
			.map(People.Person::language)
			.orElse(Languages.ENGLISH);
		CourseCompletion.Note note = completion.note();
		return messages.getMessage(note.key(), note.values().toArray(), language);
	}

}
