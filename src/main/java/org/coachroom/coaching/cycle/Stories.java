package org.coachroom.coaching.cycle;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Stories extends ListCrudRepository<Story, Long> {

	Optional<Story> findByIdAndCycle(long id, long cycle);

	List<Story> findByCycleOrderByIdDesc(long cycle);

}
