package org.coachroom.pd.catalog;

/** Whether a program is required of the people it applies to, or recommended to them. */
public enum Obligation {

	REQUIRED, RECOMMENDED

}
