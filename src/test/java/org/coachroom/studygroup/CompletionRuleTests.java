package org.coachroom.studygroup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coachroom.studygroup.CompletionRule.Basis;
import org.coachroom.studygroup.CompletionRule.SessionFact;
import org.coachroom.studygroup.CompletionRule.Standing;
import org.coachroom.studygroup.session.AttendanceStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.coachroom.studygroup.session.AttendanceStatus.ABSENT;
import static org.coachroom.studygroup.session.AttendanceStatus.EXCUSED;
import static org.coachroom.studygroup.session.AttendanceStatus.PRESENT;

class CompletionRuleTests {

	private static final CompletionRule FIVE_OF_SIX = new CompletionRule(Basis.COUNT, 5, false, true, 1, null);

	@Test
	void attendingFiveOfSixWithAFinalReflectionCompletes() {
		var progress = FIVE_OF_SIX.progressOf(sessions(6, 6),
				attendance(PRESENT, PRESENT, PRESENT, ABSENT, PRESENT, PRESENT), true, 8);
		assertThat(progress.standing()).isEqualTo(Standing.COMPLETE);
		assertThat(progress.attended()).isEqualTo(5);
		assertThat(progress.required()).isEqualTo(5);
	}

	@Test
	void withoutTheRequiredFinalReflectionAttendanceAloneDoesNotComplete() {
		var progress = FIVE_OF_SIX.progressOf(sessions(6, 6),
				attendance(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT, PRESENT), false, 8);
		assertThat(progress.attendanceMet()).isTrue();
		assertThat(progress.reflectionMet()).isFalse();
		assertThat(progress.complete()).isFalse();
	}

	@Test
	void anExcusedAbsenceCountsOnlyWhenTheRuleSaysSo() {
		var sessions = sessions(6, 6);
		var attendance = attendance(PRESENT, PRESENT, EXCUSED, PRESENT, PRESENT, ABSENT);
		assertThat(FIVE_OF_SIX.progressOf(sessions, attendance, true, 8).complete()).isFalse();
		var excusedCounts = new CompletionRule(Basis.COUNT, 5, true, true, 1, null);
		assertThat(excusedCounts.progressOf(sessions, attendance, true, 8).complete()).isTrue();
	}

	@Test
	void aCancelledSessionIsNotHeldSoAShareAsksForFewer() {
		var rule = new CompletionRule(Basis.SHARE, 80, false, false, 1, null);
		List<SessionFact> sessions = new ArrayList<>(sessions(6, 6));
		assertThat(rule.progressOf(sessions, Map.of(), false, 5).required()).isEqualTo(5);
		sessions.set(2, new SessionFact(3, true, true));
		var progress = rule.progressOf(sessions, attendance(PRESENT, PRESENT, null, PRESENT, PRESENT, ABSENT), false,
				5);
		assertThat(progress.held()).isEqualTo(5);
		assertThat(progress.required()).isEqualTo(4);
		assertThat(progress.complete()).isTrue();
	}

	@Test
	void aCountIsNeverMoreThanTheSessionsHeld() {
		List<SessionFact> sessions = new ArrayList<>(sessions(6, 6));
		sessions.set(0, new SessionFact(1, true, true));
		sessions.set(1, new SessionFact(2, true, true));
		var progress = FIVE_OF_SIX.progressOf(sessions, attendance(null, null, PRESENT, PRESENT, PRESENT, PRESENT),
				true, 3);
		assertThat(progress.required()).isEqualTo(4);
		assertThat(progress.complete()).isTrue();
	}

	@Test
	void aMemberWhoMayMissNoMoreIsBehindAndOneWhoMissedTooManyCannotComplete() {
		var sessions = sessions(6, 3);
		assertThat(FIVE_OF_SIX.progressOf(sessions, attendance(PRESENT, ABSENT, PRESENT), true, 8).standing())
			.isEqualTo(Standing.BEHIND);
		assertThat(FIVE_OF_SIX.progressOf(sessions, attendance(ABSENT, ABSENT, PRESENT), true, 8).standing())
			.isEqualTo(Standing.CANNOT_COMPLETE);
		assertThat(FIVE_OF_SIX.progressOf(sessions, attendance(PRESENT, PRESENT, PRESENT), true, 8).standing())
			.isEqualTo(Standing.ON_TRACK);
	}

	@Test
	void aSessionNotYetRecordedIsHeldAgainstNoOne() {
		var progress = FIVE_OF_SIX.progressOf(sessions(6, 3), attendance(PRESENT, null, PRESENT), true, 8);
		assertThat(progress.missed()).isZero();
		assertThat(progress.standing()).isEqualTo(Standing.ON_TRACK);
	}

	@Test
	void tooFewMembersEarnNoCreditEvenWhenTheRuleIsMet() {
		var rule = new CompletionRule(Basis.COUNT, 1, false, false, 3, null);
		var progress = rule.progressOf(sessions(1, 1), attendance(PRESENT), false, 2);
		assertThat(progress.attendanceMet()).isTrue();
		assertThat(progress.enoughMembers()).isFalse();
		assertThat(progress.complete()).isFalse();
	}

	@Test
	void aGroupWithNoSessionsHeldCompletesNoOne() {
		assertThat(FIVE_OF_SIX.progressOf(List.of(), Map.of(), true, 8).complete()).isFalse();
	}

	@Test
	void theHoursCapLimitsTheCreditOfALongGroup() {
		var capped = new CompletionRule(Basis.SHARE, 80, false, true, 1, new BigDecimal("10"));
		assertThat(capped.creditFor(new BigDecimal("12.5"))).isEqualByComparingTo("10");
		assertThat(capped.creditFor(new BigDecimal("6"))).isEqualByComparingTo("6");
		assertThat(CompletionRule.DISTRICT_DEFAULT.creditFor(new BigDecimal("12.5"))).isEqualByComparingTo("12.5");
	}

	@Test
	void aRuleChangedMidwayIsJudgedAgainstTheSameAttendance() {
		var attendance = attendance(PRESENT, PRESENT, PRESENT, PRESENT, ABSENT, ABSENT);
		var strict = new CompletionRule(Basis.SHARE, 100, false, false, 1, null);
		var lenient = new CompletionRule(Basis.SHARE, 60, false, false, 1, null);
		assertThat(strict.progressOf(sessions(6, 6), attendance, false, 5).standing())
			.isEqualTo(Standing.CANNOT_COMPLETE);
		assertThat(lenient.progressOf(sessions(6, 6), attendance, false, 5).standing()).isEqualTo(Standing.COMPLETE);
	}

	@Test
	void theDistrictDefaultIsFourOfFiveOrFiveOfSix() {
		assertThat(CompletionRule.DISTRICT_DEFAULT.requiredOf(6)).isEqualTo(5);
		assertThat(CompletionRule.DISTRICT_DEFAULT.requiredOf(5)).isEqualTo(4);
		assertThat(CompletionRule.DISTRICT_DEFAULT.requiredOf(10)).isEqualTo(8);
	}

	@Test
	void attendanceAtASessionThatHasNotStartedCountsForNothing() {
		// three sessions held so far, three ahead: "present" marked ahead of time is no
		// attendance
		var progress = FIVE_OF_SIX.progressOf(sessions(6, 3),
				attendance(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT, PRESENT), true, 8);
		assertThat(progress.attended()).isEqualTo(3);
		assertThat(progress.complete()).isFalse();
		assertThat(progress.standing()).isEqualTo(Standing.ON_TRACK);
	}

	@Test
	void aRuleOutOfRangeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompletionRule(Basis.SHARE, 0, false, false, 1, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompletionRule(Basis.SHARE, 101, false, false, 1, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompletionRule(Basis.COUNT, 5, false, false, 0, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompletionRule(Basis.COUNT, 5, false, false, 1, new BigDecimal("-1")));
	}

	/** Sessions 1..total, the first {@code over} of them in the past. */
	private static List<SessionFact> sessions(int total, int over) {
		List<SessionFact> sessions = new ArrayList<>();
		for (int i = 1; i <= total; i++) {
			sessions.add(new SessionFact(i, false, i <= over));
		}
		return sessions;
	}

	/** Attendance at sessions 1, 2, ... in order; null for not recorded. */
	private static Map<Long, AttendanceStatus> attendance(AttendanceStatus... statuses) {
		Map<Long, AttendanceStatus> map = new HashMap<>();
		for (int i = 0; i < statuses.length; i++) {
			if (statuses[i] != null) {
				map.put((long) i + 1, statuses[i]);
			}
		}
		return map;
	}

}
