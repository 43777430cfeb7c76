package org.coachroom.pd;

/** The level of school a person works at; {@code ANY} in a rule matches every level. */
public enum SchoolLevel {

	ANY, ELEMENTARY, SECONDARY

}
