package org.coachroom.team.cycle;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface Cycles extends ListCrudRepository<Cycle, Long> {

	Optional<Cycle> findByIdAndWorkspace(long id, long workspace);

	List<Cycle> findByWorkspaceOrderByNumberDesc(long workspace);

	/**
	 * Read on the home page every launch lands on, which opens no transaction: a read
	 * needs none of its own.
	 */
	@Override
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	List<Cycle> findAllById(Iterable<Long> ids);

}
