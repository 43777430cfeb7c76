package org.coachroom.coaching.log;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Contacts extends ListCrudRepository<Contact, Long> {

	Optional<Contact> findByIdAndTenantIdAndCoachRef(long id, long tenantId, long coachRef);

	List<Contact> findByCycleIdOrderByHeldOnDescIdDesc(long cycleId);

}
