package org.coachroom.team.workspace;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Meetings extends ListCrudRepository<Meeting, Long> {

	List<Meeting> findByWorkspaceOrderByHeldOnDescIdDesc(long workspace);

	Optional<Meeting> findByIdAndWorkspace(long id, long workspace);

}
