package org.coachroom.studygroup.files;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Shared files: listed without their bytes, read whole only to be downloaded. */
interface GroupFiles extends ListCrudRepository<GroupFile, Long> {

	@Query("""
			SELECT id, tenant_id, study_group, name, content_type, size_bytes, sha256, NULL AS content, uploaded_by,
			uploaded_at FROM study_group_file WHERE study_group = :groupId ORDER BY uploaded_at, id""")
	List<GroupFile> listedIn(long groupId);

	@Modifying
	@Query("DELETE FROM study_group_file WHERE study_group = :groupId AND id = :fileId")
	int removeFrom(long groupId, long fileId);

}
