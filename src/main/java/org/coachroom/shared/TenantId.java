package org.coachroom.shared;

/**
 * The tenant every domain row belongs to: one tool deployment in one platform (a district
 * or a school).
 */
public record TenantId(long value) {

	public TenantId {
		if (value <= 0) {
			throw new IllegalArgumentException("tenant id must be positive");
		}
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
