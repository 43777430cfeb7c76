package org.coachroom.shared;

import java.time.Instant;

/**
 * Credit earned by {@link PdCreditEarned} taken back (a coaching cycle opened again).
 *
 * @param by who took it back
 */
public record PdCreditWithdrawn(long tenantId, long userRef, String source, long sourceId, String title,
		Instant withdrawnAt, long by) {
}
