package org.coachroom.team.workspace;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Workspaces extends ListCrudRepository<Workspace, Long> {

	Optional<Workspace> findByTenantIdAndContextRef(long tenantId, long contextRef);

	Optional<Workspace> findByIdAndTenantId(long id, long tenantId);

}
