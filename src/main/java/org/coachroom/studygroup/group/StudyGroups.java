package org.coachroom.studygroup.group;

import java.util.Optional;

import org.coachroom.studygroup.StudyGroup;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface StudyGroups extends ListCrudRepository<StudyGroup, Long> {

	@Query("SELECT * FROM study_group WHERE id = :id AND tenant_id = :tenantId")
	Optional<StudyGroup> findInTenant(long tenantId, long id);

}
