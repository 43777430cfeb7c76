package org.coachroom.pd;

/** No program of that code in the person's district, or none they may see. */
public class ProgramNotFoundException extends RuntimeException {

	public ProgramNotFoundException(String code) {
		// the code may come from a request: cut, and no line breaks to forge log lines with
		super("No program " + (code.length() > 60 ? code.substring(0, 60) : code).replaceAll("[\\r\\n\\t]", "_"));
	}
}
