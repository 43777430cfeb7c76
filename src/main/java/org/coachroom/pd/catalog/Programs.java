package org.coachroom.pd.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface Programs extends ListCrudRepository<Program, Long> {

	List<Program> findByTenantIdAndArchivedFalseOrderByTitle(long tenantId);

	List<Program> findByTenantId(long tenantId);

	Optional<Program> findByTenantIdAndCode(long tenantId, String code);

}
