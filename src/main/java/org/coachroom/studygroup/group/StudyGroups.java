package org.coachroom.studygroup.group;

import java.util.Optional;

import org.coachroom.studygroup.StudyGroup;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface StudyGroups extends ListCrudRepository<StudyGroup, Long> {

	@Query("SELECT * FROM study_group WHERE id = :id AND tenant_id = :tenantId")
	Optional<StudyGroup> findInTenant(long tenantId, long id);

	@Query("SELECT * FROM study_group WHERE tenant_id = :tenantId AND created_by = :createdBy AND creation_token = :token")
	Optional<StudyGroup> findCreatedByForm(long tenantId, long createdBy, String token);

}
