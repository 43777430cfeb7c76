package org.coachroom.pd;

/** Whether a program is required of the people it applies to, or recommended to them. */
public enum Obligation {

	REQUIRED, RECOMMENDED

}
