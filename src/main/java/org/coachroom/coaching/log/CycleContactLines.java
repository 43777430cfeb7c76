package org.coachroom.coaching.log;

import java.util.List;

import org.coachroom.coaching.cycle.CoachingCycle;
import org.coachroom.coaching.cycle.CoachingCycleContacts;
import org.springframework.stereotype.Component;

@Component
class CycleContactLines implements CoachingCycleContacts {

	private final Contacts contacts;

	CycleContactLines(Contacts contacts) {
		this.contacts = contacts;
	}

	@Override
	public List<ContactLine> of(CoachingCycle cycle) {
		return contacts.findByCycleIdOrderByHeldOnDescIdDesc(cycle.getId())
			.stream()
			.filter(c -> c.getTenantId() == cycle.getTenantId())
			.map(c -> new ContactLine(c.getId(), c.getHeldOn(), c.getSupport(), c.getMinutes(), c.getNote()))
			.toList();
	}

}
