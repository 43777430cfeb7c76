package org.coachroom.team.workspace;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface Workspaces extends ListCrudRepository<Workspace, Long> {

	Optional<Workspace> findByTenantIdAndContextRef(long tenantId, long contextRef);

	Optional<Workspace> findByIdAndTenantId(long id, long tenantId);

	/**
	 * Read on the home page every launch lands on, which opens no transaction: a read
	 * needs none of its own.
	 */
	@Override
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	List<Workspace> findAllById(Iterable<Long> ids);

}
