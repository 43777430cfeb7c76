package org.coachroom.team.cycle;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Cycles extends ListCrudRepository<Cycle, Long> {

	Optional<Cycle> findByIdAndWorkspace(long id, long workspace);

	List<Cycle> findByWorkspaceOrderByNumberDesc(long workspace);

}
