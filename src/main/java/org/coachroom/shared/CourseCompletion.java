package org.coachroom.shared;

import java.time.Instant;
import java.util.List;

/**
 * The port through which any module's completions reach the LMS gradebook: a module
 * publishes an event implementing this, in the transaction that records the completion
 * (or withdraws it), and the gradebook sends the score the platform should show. Study
 * groups are the first; PD requirements and team workspaces add their own events the same
 * way.
 */
public interface CourseCompletion {

	/** The deployment the completion happened in. */
	long tenantId();

	/**
	 * What kind of thing was completed ({@code STUDY_GROUP}, say); with
	 * {@link #sourceId()} it names it.
	 */
	String source();

	long sourceId();

	/** Its title, used to label a gradebook column made for it. */
	String sourceTitle();

	/** Coachroom's user id of the person. */
	long userRef();

	/**
	 * The person's LMS user id ({@code sub}); null when unknown, and then nothing is
	 * sent.
	 */
	String subject();

	/** The LMS links the thing is placed at: each has its own gradebook column. */
	List<Placement> placements();

	/**
	 * When it was completed or withdrawn: the score's timestamp, so later changes win at
	 * the platform.
	 */
	Instant at();

	/**
	 * True for a completion; false when a completion was withdrawn and the gradebook must
	 * clear it.
	 */
	boolean completed();

	/**
	 * A short note the gradebook shows with the score, as a message
	 * ({@code messages.properties}) written in the person's language when it is sent.
	 */
	Note note();

	/** A message key and its values. */
	record Note(String key, List<Object> values) {

		public Note {
			values = List.copyOf(values);
		}

		public static Note of(String key, Object... values) {
			return new Note(key, List.of(values));
		}

	}

	/**
	 * A link the thing is placed at, with the gradebook line item its launch named (if
	 * any) and the course's line item container to find or make one in (if the platform
	 * offered one).
	 */
	record Placement(String resourceLinkId, String lineItemUrl, String lineItemsUrl) {
	}

}
