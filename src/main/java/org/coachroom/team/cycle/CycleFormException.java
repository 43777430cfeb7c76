package org.coachroom.team.cycle;

import java.util.Map;

/**
 * A cycle step's input refused: each field with the key of the sentence that says why.
 * Nothing was saved.
 */
public class CycleFormException extends RuntimeException {

	private final Map<String, String> errors;

	public CycleFormException(Map<String, String> errors) {
		super("refused fields " + errors.keySet());
		this.errors = Map.copyOf(errors);
	}

	static CycleFormException of(String field, String messageKey) {
		return new CycleFormException(Map.of(field, messageKey));
	}

	public Map<String, String> errors() {
		return errors;
	}

}
