package org.coachroom.coaching.log;

import java.time.Instant;
import java.time.LocalDate;

import org.coachroom.coaching.pair.SupportType;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A contact in the coach's log: with whom, in which cycle if any, on which day, what kind
 * of support and for how long, with the coach's own note; and the school it counts for.
 */
@Table("coaching_contact")
class Contact {

	@Id
	private Long id;

	private long tenantId;

	private long coachRef;

	private Long teacherRef;

	private Long teamRef;

	private Long cycleId;

	private Long schoolRef;

	private LocalDate heldOn;

	private int minutes;

	private SupportType support;

	private String note;

	private Instant createdAt;

	Contact() {
	}

	static Contact log(long tenantId, long coachRef, LogForms.Logged logged, Instant now) {
		Contact contact = new Contact();
		contact.tenantId = tenantId;
		contact.coachRef = coachRef;
		contact.teacherRef = logged.teacherRef();
		contact.teamRef = logged.teamRef();
		contact.cycleId = logged.cycleId();
		contact.schoolRef = logged.schoolRef();
		contact.heldOn = logged.heldOn();
		contact.minutes = logged.minutes();
		contact.support = logged.support();
		contact.note = logged.note();
		contact.createdAt = now;
		return contact;
	}

	Long getId() {
		return id;
	}

	long getTenantId() {
		return tenantId;
	}

	long getCoachRef() {
		return coachRef;
	}

	/** The teacher, or null for a contact with a team. */
	Long getTeacherRef() {
		return teacherRef;
	}

	/** The team, or null for a contact with one teacher. */
	Long getTeamRef() {
		return teamRef;
	}

	Long getCycleId() {
		return cycleId;
	}

	Long getSchoolRef() {
		return schoolRef;
	}

	LocalDate getHeldOn() {
		return heldOn;
	}

	int getMinutes() {
		return minutes;
	}

	SupportType getSupport() {
		return support;
	}

	String getNote() {
		return note;
	}

}
