package org.coachroom.access;

import java.util.EnumSet;
import java.util.Set;

import org.coachroom.access.CoachroomRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coaching is non-evaluative: a principal's or HR role outweighs any other a person holds
 * beside it.
 */
class CoachingPrivacyTests {

	@Test
	void aPrincipalOrHrIsEvaluativeWhateverElseTheyAre() {
		for (CoachroomRole evaluating : Set.of(CoachroomRole.PRINCIPAL, CoachroomRole.HR)) {
			for (CoachroomRole beside : CoachroomRole.values()) {
				assertThat(CoachingPrivacy.evaluative(EnumSet.of(evaluating, beside))).as(evaluating + " + " + beside)
					.isTrue();
			}
		}
		assertThat(CoachingPrivacy.evaluative(EnumSet.of(CoachroomRole.COACH, CoachroomRole.DISTRICT_ADMIN))).isFalse();
		assertThat(CoachingPrivacy.evaluative(EnumSet.noneOf(CoachroomRole.class))).isFalse();
	}

	@Test
	void onlyACoachWithNoEvaluativeRoleBesideCoaches() {
		assertThat(CoachingPrivacy.coaches(EnumSet.of(CoachroomRole.COACH))).isTrue();
		assertThat(CoachingPrivacy.coaches(EnumSet.of(CoachroomRole.COACH, CoachroomRole.DISTRICT_ADMIN))).isTrue();
		assertThat(CoachingPrivacy.coaches(EnumSet.of(CoachroomRole.COACH, CoachroomRole.PRINCIPAL))).isFalse();
		assertThat(CoachingPrivacy.coaches(EnumSet.of(CoachroomRole.COACH, CoachroomRole.HR))).isFalse();
		assertThat(CoachingPrivacy.coaches(EnumSet.of(CoachroomRole.TEACHER))).isFalse();
	}

}
