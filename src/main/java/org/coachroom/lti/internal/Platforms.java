package org.coachroom.lti.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Platforms extends ListCrudRepository<Platform, Long> {

	Optional<Platform> findByIssuerAndClientId(String issuer, String clientId);

	List<Platform> findByIssuer(String issuer);

	long countByStatus(Platform.Status status);

	List<Platform> findByStatusOrderByCreatedAt(Platform.Status status);

}
