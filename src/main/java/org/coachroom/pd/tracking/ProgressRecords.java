package org.coachroom.pd.tracking;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ProgressRecords extends ListCrudRepository<ProgramProgress, Long> {

	Optional<ProgramProgress> findByProgramAndUserRef(long program, long userRef);

	/**
	 * Written out: a derived query renders its SQL again on every call, and this one runs
	 * on every teacher's home page.
	 */
	@Query("SELECT * FROM pd_progress WHERE tenant_id = :tenantId AND user_ref = :userRef")
	List<ProgramProgress> findByTenantIdAndUserRef(long tenantId, long userRef);

}
