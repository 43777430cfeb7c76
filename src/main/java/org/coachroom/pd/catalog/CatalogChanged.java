package org.coachroom.pd.catalog;

/**
 * A district's catalog changed (a program edited, added, archived, restored or imported):
 * every person's standings are recomputed after the change commits, in the background,
 * through the event publication registry, so a node stopping halfway leaves the rest to
 * be done on restart.
 */
public record CatalogChanged(long tenantId) {
}
