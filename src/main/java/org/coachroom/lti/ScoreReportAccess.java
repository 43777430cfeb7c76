package org.coachroom.lti;

import java.util.Optional;

/**
 * Who answers for the scores a source sends to the LMS gradebook. Each module that sends
 * scores (through {@code shared.CourseCompletion}) implements it for its sources, and the
 * gradebook's report at {@code /gradebook/{segment}/{id}} asks it, knowing no module. It
 * lives here, beside {@link Member}, because {@code shared} cannot name a member without
 * depending on this module.
 */
public interface ScoreReportAccess {

	/**
	 * The source as completions name it ({@code CourseCompletion.source()}:
	 * {@code STUDY_GROUP}, say).
	 */
	String source();

	/** Its name in the report's address: {@code /gradebook/{segment}/{id}}. */
	String segment();

	/**
	 * The source, when the member answers for its scores (manages it); empty when it is
	 * not theirs, is of another tenant or does not exist: the report then answers as if
	 * there were nothing there.
	 */
	Optional<Reported> managedBy(Member member, long sourceId);

	/**
	 * What the report names the source by, and the page it links back to (null for none).
	 */
	record Reported(String title, String page) {
	}

}
