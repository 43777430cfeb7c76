/**
 * The district's program catalog: programs, their requirements, assignment and deadline
 * rules, editing in a form, whole-file export and import, its history, the starter
 * catalog, and the schools' admin endpoints.
 */
package org.coachroom.pd.catalog;
