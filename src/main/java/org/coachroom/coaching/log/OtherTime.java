package org.coachroom.coaching.log;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Time a coach spent on something other than coaching: what their share of time coaching
 * is measured against.
 */
@Table("coaching_other_time")
class OtherTime {

	/** What the time went to, as districts' coaching policies name it. */
	enum Category {

		DUTY, SUBBING, MEETINGS, ADMINISTRATIVE, OTHER;

		String messageKey() {
			return "coaching.other." + name();
		}

	}

	@Id
	private Long id;

	private long tenantId;

	private long coachRef;

	private LocalDate spentOn;

	private int minutes;

	private Category category;

	private String note;

	private Instant createdAt;

	OtherTime() {
	}

	static OtherTime log(long tenantId, long coachRef, LogForms.Spent spent, Instant now) {
		OtherTime time = new OtherTime();
		time.tenantId = tenantId;
		time.coachRef = coachRef;
		time.spentOn = spent.spentOn();
		time.minutes = spent.minutes();
		time.category = spent.category();
		time.note = spent.note();
		time.createdAt = now;
		return time;
	}

	Long getId() {
		return id;
	}

}
