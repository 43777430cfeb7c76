package org.coachroom.pd;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Programs extends ListCrudRepository<Program, Long> {

	List<Program> findByTenantIdAndArchivedFalseOrderByTitle(long tenantId);

	List<Program> findByTenantId(long tenantId);

	Optional<Program> findByTenantIdAndCode(long tenantId, String code);

}
