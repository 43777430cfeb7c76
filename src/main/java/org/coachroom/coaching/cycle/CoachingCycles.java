package org.coachroom.coaching.cycle;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface CoachingCycles extends ListCrudRepository<CoachingCycle, Long> {

	Optional<CoachingCycle> findByIdAndTenantId(long id, long tenantId);

	List<CoachingCycle> findByTenantIdAndCoachRefOrderByOpenedOnDescIdDesc(long tenantId, long coachRef);

	List<CoachingCycle> findByTenantIdAndTeacherRefOrderByOpenedOnDescIdDesc(long tenantId, long teacherRef);

	List<CoachingCycle> findByTenantIdAndTeamRefInOrderByOpenedOnDescIdDesc(long tenantId, Collection<Long> teamRefs);

}
