package org.coachroom.pd.tracking;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface ProgressRecords extends ListCrudRepository<ProgramProgress, Long> {

	Optional<ProgramProgress> findByProgramAndUserRef(long program, long userRef);

	List<ProgramProgress> findByTenantIdAndUserRef(long tenantId, long userRef);

}
