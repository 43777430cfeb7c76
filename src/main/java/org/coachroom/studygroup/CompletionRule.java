package org.coachroom.studygroup;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

import org.coachroom.studygroup.session.AttendanceStatus;

/**
 * When a member has finished a study group, as data the coach sets: how many of the
 * sessions that are held they must attend (a count or a share), whether excused absences
 * count as attended, whether a final reflection is required, how many members a group
 * needs for anyone to earn credit, and a cap on the hours awarded.
 *
 * @param basis whether {@code minimum} is a number of sessions or a percentage of them
 * @param minimum sessions to attend (COUNT) or percent of sessions (SHARE, 1-100)
 * @param excusedCounts whether an excused absence counts as attended
 * @param finalReflectionRequired whether the member must submit a final reflection
 * @param minimumMembers members the group needs for credit (1 for none)
 * @param hoursCap most hours one member earns, or null for the group's full credit
 */
public record CompletionRule(Basis basis, int minimum, boolean excusedCounts, boolean finalReflectionRequired,
		int minimumMembers, BigDecimal hoursCap) {

	/** How the attendance minimum is stated. */
	public enum Basis {

		COUNT, SHARE

	}

	/**
	 * What most districts use: attend 80% of the sessions held (5 of 6), a final
	 * reflection, three members.
	 */
	public static final CompletionRule DISTRICT_DEFAULT = new CompletionRule(Basis.SHARE, 80, false, true, 3, null);

	public CompletionRule {
		if (basis == null) {
			throw new IllegalArgumentException("basis is required");
		}
		if (basis == Basis.SHARE && (minimum < 1 || minimum > 100)) {
			throw new IllegalArgumentException("a share is between 1 and 100 percent");
		}
		if (basis == Basis.COUNT && (minimum < 1 || minimum > 100)) {
			throw new IllegalArgumentException("a count is between 1 and 100 sessions");
		}
		if (minimumMembers < 1 || minimumMembers > 1000) {
			throw new IllegalArgumentException("minimum members is between 1 and 1000");
		}
		if (hoursCap != null && hoursCap.signum() < 0) {
			throw new IllegalArgumentException("an hours cap is not negative");
		}
	}

	/**
	 * Sessions a member must attend out of the sessions that are held. Cancelled sessions
	 * are not held, so they lower a share's requirement, and a count is never more than
	 * the sessions held.
	 */
	public int requiredOf(int sessionsHeld) {
		if (sessionsHeld <= 0) {
			return 0;
		}
		int required = basis == Basis.COUNT ? minimum : (int) Math.ceil(sessionsHeld * (minimum / 100.0) - 1e-9);
		return Math.max(1, Math.min(required, sessionsHeld));
	}

	/** The credit one member earns from a group worth {@code groupHours}. */
	public BigDecimal creditFor(BigDecimal groupHours) {
		if (groupHours == null) {
			return BigDecimal.ZERO;
		}
		return hoursCap != null && hoursCap.compareTo(groupHours) < 0 ? hoursCap : groupHours;
	}

	/**
	 * Where a member stands: the sessions held (not cancelled), which of them are over,
	 * and the member's attendance at them.
	 */
	public Progress progressOf(Collection<SessionFact> sessions, Map<Long, AttendanceStatus> attendance,
			boolean finalReflectionSubmitted, int activeMembers) {
		int held = 0;
		int over = 0;
		int attended = 0;
		int missed = 0;
		for (SessionFact session : sessions) {
			if (session.cancelled()) {
				continue;
			}
			held++;
			// only a session that has started can have been attended (or missed)
			AttendanceStatus status = session.over() ? attendance.get(session.id()) : null;
			if (status == AttendanceStatus.PRESENT || (status == AttendanceStatus.EXCUSED && excusedCounts)) {
				attended++;
			}
			else if (status != null) {
				// an absence that does not count; a session not yet recorded is held
				// against no one
				missed++;
			}
			if (session.over()) {
				over++;
			}
		}
		int required = requiredOf(held);
		int stillPossible = held - attended - missed;
		boolean attendanceMet = held > 0 && attended >= required;
		boolean reflectionMet = !finalReflectionRequired || finalReflectionSubmitted;
		boolean enoughMembers = activeMembers >= minimumMembers;
		Standing standing;
		if (attendanceMet && reflectionMet && enoughMembers) {
			standing = Standing.COMPLETE;
		}
		else if (attended + stillPossible < required) {
			standing = Standing.CANNOT_COMPLETE;
		}
		else if (attended + stillPossible == required && missed > 0 && !attendanceMet) {
			standing = Standing.BEHIND;
		}
		else {
			standing = Standing.ON_TRACK;
		}
		return new Progress(held, over, attended, missed, required, attendanceMet, reflectionMet, enoughMembers,
				standing);
	}

	/**
	 * A session as the rule sees it; {@code over}: it has started, so attendance at it
	 * counts.
	 */
	public record SessionFact(long id, boolean cancelled, boolean over) {
	}

	/** Where the member stands against the rule. */
	public enum Standing {

		/** Meets the rule. */
		COMPLETE,
		/** Can still finish, but may miss no more sessions. */
		BEHIND,
		/** Has missed more than the rule allows. */
		CANNOT_COMPLETE,
		/** Working through it. */
		ON_TRACK

	}

	/**
	 * A member's attendance against the rule.
	 *
	 * @param held sessions held (not cancelled)
	 * @param over held sessions whose time has passed
	 * @param attended sessions that count as attended
	 * @param missed recorded absences that do not count
	 * @param required sessions the rule asks for
	 */
	public record Progress(int held, int over, int attended, int missed, int required, boolean attendanceMet,
			boolean reflectionMet, boolean enoughMembers, Standing standing) {

		public boolean complete() {
			return standing == Standing.COMPLETE;
		}

		/** Percent of the required sessions attended, 0-100, for a progress bar. */
		public int percentOfRequired() {
			return required == 0 ? 0 : Math.min(100, attended * 100 / required);
		}
	}
}
