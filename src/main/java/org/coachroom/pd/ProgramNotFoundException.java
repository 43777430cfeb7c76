package org.coachroom.pd;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/**
 * No program of that code in the person's district, or none they may see: a 404 that says
 * nothing more.
 */
public class ProgramNotFoundException extends Refusal {

	public ProgramNotFoundException(String code) {
		// the code may come from a request: cut, and no line breaks to forge log lines
		// with
		super(HttpStatus.NOT_FOUND,
				"No program " + (code.length() > 60 ? code.substring(0, 60) : code).replaceAll("[\\r\\n\\t]", "_"),
				"pd.not-found.title", "pd.not-found.body", new Back("/pd", "pd.back-list"));
	}

}
