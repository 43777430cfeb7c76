package org.coachroom.studygroup.membership;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface GroupMembers extends ListCrudRepository<GroupMember, Long> {

	@Query("SELECT * FROM study_group_member WHERE study_group = :groupId ORDER BY id")
	List<GroupMember> findByGroup(long groupId);

	@Query("SELECT * FROM study_group_member WHERE study_group = :groupId AND user_ref = :userRef")
	Optional<GroupMember> findMember(long groupId, long userRef);

}
