package org.coachroom.team.workspace;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ActionItems extends ListCrudRepository<ActionItem, Long> {

	List<ActionItem> findByWorkspaceOrderByDoneAscDueOnAscIdAsc(long workspace);

	Optional<ActionItem> findByIdAndWorkspace(long id, long workspace);

}
