package org.coachroom.coaching.log;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface OtherTimes extends ListCrudRepository<OtherTime, Long> {

	Optional<OtherTime> findByIdAndTenantIdAndCoachRef(long id, long tenantId, long coachRef);

}
