package org.coachroom.studygroup.reflection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Reflections extends ListCrudRepository<Reflection, Long> {

	@Query("SELECT * FROM study_group_reflection WHERE study_group = :groupId AND user_ref = :userRef ORDER BY created_at")
	List<Reflection> findByMember(long groupId, long userRef);

	@Query("SELECT * FROM study_group_reflection WHERE study_group = :groupId ORDER BY created_at DESC")
	List<Reflection> findByGroup(long groupId);

	@Query("SELECT DISTINCT user_ref FROM study_group_reflection WHERE study_group = :groupId AND final_reflection")
	List<Long> findFinalReflectionAuthors(long groupId);

	@Query("""
			SELECT * FROM study_group_reflection WHERE study_group = :groupId AND user_ref = :userRef
			AND final_reflection = :finalReflection AND (session_id = :sessionId OR (session_id IS NULL AND :sessionId IS NULL))""")
	Optional<Reflection> findOne(long groupId, long userRef, boolean finalReflection, Long sessionId);

}
