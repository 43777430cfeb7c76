package org.coachroom.team.workspace;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/**
 * A team's shared links and files. The two queries written out leave the files' bytes in
 * the database: a list and a removal never read them.
 */
interface SharedResources extends ListCrudRepository<SharedResource, Long> {

	@Query("""
			SELECT id, workspace, kind, title, url, content_type, size_bytes, sha256, NULL AS content, added_by, added_at
			FROM team_resource WHERE workspace = :workspace ORDER BY added_at DESC, id DESC""")
	List<SharedResource> listedIn(@Param("workspace") long workspace);

	Optional<SharedResource> findByIdAndWorkspaceAndKind(long id, long workspace, String kind);

	@Query("SELECT added_by FROM team_resource WHERE workspace = :workspace AND id = :id")
	Optional<Long> sharerOf(@Param("workspace") long workspace, @Param("id") long id);

}
