package org.coachroom.team;

import java.util.List;
import java.util.Optional;

/**
 * The steps of a learning cycle: the four PLC questions walked as Plan / Teach / Assess /
 * Adjust, one screen each, in order. A cycle's stage is its first step not yet done, or
 * CLOSED.
 */
public enum CycleStep {

	/** What should students learn? The essential standard. */
	LEARN("learn"),
	/** How will we know? The common assessment and its first results. */
	ASSESS("assess"),
	/** Analysis and the SMART goal. */
	GOAL("goal"),
	/** What if they don't learn it, or already know it? */
	RESPOND("respond"),
	/** The re-assessment, the reflection and what carries forward; closing. */
	ADJUST("adjust"), CLOSED("closed");

	private final String path;

	CycleStep(String path) {
		this.path = path;
	}

	/** The step's part of its screen's address. */
	public String path() {
		return path;
	}

	/** The five steps a team walks (not CLOSED). */
	public static List<CycleStep> walked() {
		return List.of(LEARN, ASSESS, GOAL, RESPOND, ADJUST);
	}

	public static Optional<CycleStep> ofPath(String path) {
		for (CycleStep step : walked()) {
			if (step.path.equals(path)) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	public int number() {
		return ordinal() + 1;
	}

}
