package org.coachroom.studygroup.session;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface GroupSessions extends ListCrudRepository<GroupSession, Long> {

	@Query("SELECT * FROM study_group_session WHERE study_group = :groupId ORDER BY starts_at, id")
	List<GroupSession> findByGroup(long groupId);

}
