/**
 * HR's compliance view (who may see what, the filtered and paged queries, the CSV
 * export), a person's credential facts, extensions, mentors, and a coach's view of the
 * people they support.
 */
package org.coachroom.pd.compliance;
