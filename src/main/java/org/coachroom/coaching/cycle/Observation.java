package org.coachroom.coaching.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An observation or walk-through in a coaching cycle, descriptive by design: the
 * look-fors the coach chose, what was seen, and questions for the teacher's reflection.
 * It has no rating, score or rubric field, so none can be kept; the teacher reads every
 * word of it, and it never leaves the coaching pair.
 */
@Table("coaching_observation")
public class Observation {

	public enum Kind {

		OBSERVATION, WALK_THROUGH

	}

	/** What a coach writes of a visit. */
	public record Notes(Kind kind, LocalDate observedOn, List<String> lookFors, String seen, String questions) {

		public Notes {
			lookFors = List.copyOf(lookFors);
		}

	}

	@Id
	private Long id;

	private long cycle;

	private Kind kind;

	private LocalDate observedOn;

	private String lookFors;

	private String seen;

	private String questions;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer version;

	Observation() {
	}

	static Observation write(long cycle, Notes notes, Instant now) {
		Observation observation = new Observation();
		observation.cycle = cycle;
		observation.createdAt = now;
		observation.revise(notes, now);
		return observation;
	}

	void revise(Notes notes, Instant now) {
		kind = notes.kind();
		observedOn = notes.observedOn();
		// One look-for per line: the form's checkboxes and the coach's own lines
		// together.
		lookFors = String.join("\n", notes.lookFors());
		seen = notes.seen();
		questions = notes.questions();
		updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public long getCycle() {
		return cycle;
	}

	public Kind getKind() {
		return kind;
	}

	public LocalDate getObservedOn() {
		return observedOn;
	}

	public List<String> getLookFors() {
		return lookFors == null || lookFors.isEmpty() ? List.of()
				: Arrays.stream(lookFors.split("\n")).filter(l -> !l.isBlank()).toList();
	}

	public String getSeen() {
		return seen;
	}

	public String getQuestions() {
		return questions;
	}

	public Integer getVersion() {
		return version;
	}

}
