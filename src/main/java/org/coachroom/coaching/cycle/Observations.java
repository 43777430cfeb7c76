package org.coachroom.coaching.cycle;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Observations extends ListCrudRepository<Observation, Long> {

	Optional<Observation> findByIdAndCycle(long id, long cycle);

	List<Observation> findByCycleOrderByObservedOnDescIdDesc(long cycle);

}
