package org.coachroom.lti.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Deployments extends ListCrudRepository<Deployment, Long> {

	@Query("SELECT * FROM lti_deployment WHERE platform_id = :platformId AND deployment_id = :deploymentId")
	Optional<Deployment> findByPlatformAndDeploymentId(long platformId, String deploymentId);

	@Query("SELECT * FROM lti_deployment WHERE platform_id = :platformId ORDER BY id")
	List<Deployment> findByPlatform(long platformId);

}
