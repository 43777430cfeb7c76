package org.coachroom.pd.catalog;

/** Whom a program is for, as their LMS roles say. */
public enum Audience {

	TEACHER, COACH

}
