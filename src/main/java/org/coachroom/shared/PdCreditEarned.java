package org.coachroom.shared;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Hours of professional learning a person earned outside the pd module (a coaching cycle
 * closed with their reflection), which pd turns into credit they can count toward an
 * hours requirement. A module publishes it; pd listens, so neither knows the other.
 *
 * @param source what kind of thing earned it (e.g. {@code COACHING_CYCLE})
 * @param sourceId that thing's id, with the source the key of the credit
 * @param earnedAt when it was earned: of two facts about one credit, the later wins
 */
public record PdCreditEarned(long tenantId, long userRef, String source, long sourceId, String title, BigDecimal hours,
		String unit, Instant earnedAt) {
}
