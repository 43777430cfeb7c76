package org.coachroom.studygroup.reflection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Reflections extends ListCrudRepository<Reflection, Long> {

	/**
	 * A member's reflections by session, in session order, the final reflection last (a
	 * reflection whose session was deleted comes just before it).
	 */
	@Query("""
			SELECT r.* FROM study_group_reflection r LEFT JOIN study_group_session s ON s.id = r.session_id
			WHERE r.study_group = :groupId AND r.user_ref = :userRef
			ORDER BY r.final_reflection, s.starts_at IS NULL, s.starts_at, r.created_at, r.id""")
	List<Reflection> findByMember(long groupId, long userRef);

	/**
	 * Every member's reflections grouped by session, in session order, the final
	 * reflections last.
	 */
	@Query("""
			SELECT r.* FROM study_group_reflection r LEFT JOIN study_group_session s ON s.id = r.session_id
			WHERE r.study_group = :groupId
			ORDER BY r.final_reflection, s.starts_at IS NULL, s.starts_at, r.session_id, r.created_at, r.id""")
	List<Reflection> findByGroup(long groupId);

	@Query("SELECT DISTINCT user_ref FROM study_group_reflection WHERE study_group = :groupId AND final_reflection")
	List<Long> findFinalReflectionAuthors(long groupId);

	@Query("""
			SELECT * FROM study_group_reflection WHERE study_group = :groupId AND user_ref = :userRef
			AND final_reflection = :finalReflection AND (session_id = :sessionId OR (session_id IS NULL AND :sessionId IS NULL))""")
	Optional<Reflection> findOne(long groupId, long userRef, boolean finalReflection, Long sessionId);

}
