package org.coachroom.coaching.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.coachroom.coaching.pair.SupportType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A coaching cycle between a coach and a teacher: the teacher's goal in their words (tied
 * to a school goal when they choose), the moves planned, the coach's own notes, and the
 * close with the teacher's reflection and what changed. The teacher co-owns it: they word
 * the goal and close it; the coach plans and keeps notes no one else reads.
 */
@Table("coaching_cycle")
public class CoachingCycle {

	static final int MOST_MOVES = 30;

	public enum Status {

		OPEN, CLOSED

	}

	@Id
	private Long id;

	private long tenantId;

	private long coachRef;

	private Long teacherRef;

	private Long teamRef;

	private String goal;

	private String schoolGoal;

	private String coachNotes;

	private Status status;

	private LocalDate openedOn;

	private LocalDate closedOn;

	private Long closedBy;

	private String reflection;

	private String whatChanged;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer version;

	@MappedCollection(idColumn = "cycle", keyColumn = "cycle_key")
	private List<Move> moves = new ArrayList<>();

	CoachingCycle() {
	}

	/** A move the cycle plans: a model lesson, co-teaching, an observation... */
	@Table("coaching_cycle_move")
	public record Move(SupportType kind, LocalDate plannedOn, String note) {
	}

	/** The goal as the teacher words it, and the school goal it serves, if any. */
	public record Goal(String goal, String schoolGoal) {
	}

	/** The close: the teacher's reflection and what changed in their classroom. */
	public record Close(String reflection, String whatChanged) {
	}

	/**
	 * Opens a cycle with one teacher ({@code teacherRef}) or with a PLC team
	 * ({@code teamRef}, its workspace): exactly one of the two.
	 */
	static CoachingCycle open(long tenantId, long coachRef, Long teacherRef, Long teamRef, Goal goal, LocalDate today,
			Instant now) {
		if ((teacherRef == null) == (teamRef == null)) {
			throw new IllegalArgumentException("A cycle is with one teacher or one team");
		}
		CoachingCycle cycle = new CoachingCycle();
		cycle.tenantId = tenantId;
		cycle.coachRef = coachRef;
		cycle.teacherRef = teacherRef;
		cycle.teamRef = teamRef;
		cycle.goal = goal.goal();
		cycle.schoolGoal = goal.schoolGoal();
		cycle.status = Status.OPEN;
		cycle.openedOn = today;
		cycle.createdAt = now;
		cycle.updatedAt = now;
		return cycle;
	}

	/** The teacher rewords the goal (or the coach, for them, while it is open). */
	void reword(Goal goal, Instant now) {
		requireOpen();
		this.goal = goal.goal();
		this.schoolGoal = goal.schoolGoal();
		updatedAt = now;
	}

	void planMove(Move move, Instant now) {
		requireOpen();
		if (moves.size() >= MOST_MOVES) {
			throw new CoachingChangeRefusedException(id, "coaching.cycle.too-many-moves", MOST_MOVES);
		}
		moves.add(move);
		updatedAt = now;
	}

	void removeMove(int index, Instant now) {
		requireOpen();
		if (index < 0 || index >= moves.size()) {
			throw new CoachingChangeRefusedException(id, "coaching.cycle.no-such-move");
		}
		moves.remove(index);
		updatedAt = now;
	}

	void keepNotes(String notes, Instant now) {
		coachNotes = notes;
		updatedAt = now;
	}

	/** The teacher closes their cycle with their reflection. */
	void closeWithReflection(Close close, long teacher, LocalDate today, Instant now) {
		requireOpen();
		reflection = close.reflection();
		whatChanged = close.whatChanged();
		finish(teacher, today, now);
	}

	/**
	 * The coach ends a cycle the teacher will not close (they moved school, say): it
	 * stays without a reflection, so it never counts as PD.
	 */
	void end(long coach, LocalDate today, Instant now) {
		requireOpen();
		finish(coach, today, now);
	}

	/** Opens a closed cycle again, its reflection kept for the next close to revise. */
	void reopen(Instant now) {
		if (status != Status.CLOSED) {
			throw new CoachingChangeRefusedException(id, "coaching.cycle.not-closed");
		}
		status = Status.OPEN;
		closedOn = null;
		closedBy = null;
		updatedAt = now;
	}

	private void finish(long by, LocalDate today, Instant now) {
		status = Status.CLOSED;
		closedOn = today;
		closedBy = by;
		updatedAt = now;
	}

	private void requireOpen() {
		if (status != Status.OPEN) {
			throw new CoachingChangeRefusedException(id, "coaching.cycle.closed");
		}
	}

	public boolean isOpen() {
		return status == Status.OPEN;
	}

	/** Closed by the teacher with their reflection: what may count as PD. */
	public boolean closedWithReflection() {
		return status == Status.CLOSED && reflection != null;
	}

	public Long getId() {
		return id;
	}

	public long getTenantId() {
		return tenantId;
	}

	public long getCoachRef() {
		return coachRef;
	}

	/** The teacher, or null for a cycle with a team. */
	public Long getTeacherRef() {
		return teacherRef;
	}

	/** The PLC team (its workspace), or null for a cycle with one teacher. */
	public Long getTeamRef() {
		return teamRef;
	}

	public boolean withTeam() {
		return teamRef != null;
	}

	public String getGoal() {
		return goal;
	}

	public String getSchoolGoal() {
		return schoolGoal;
	}

	/** The coach's own notes: only the coach's pages may read this. */
	public String getCoachNotes() {
		return coachNotes;
	}

	public Status getStatus() {
		return status;
	}

	public LocalDate getOpenedOn() {
		return openedOn;
	}

	public LocalDate getClosedOn() {
		return closedOn;
	}

	public String getReflection() {
		return reflection;
	}

	public String getWhatChanged() {
		return whatChanged;
	}

	public List<Move> getMoves() {
		return List.copyOf(moves);
	}

	public Integer getVersion() {
		return version;
	}

}
