package org.coachroom.studygroup.group;

import java.util.List;

import org.coachroom.studygroup.GroupSummary;
import org.coachroom.studygroup.StudyGroup;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists of study groups, one query each: a course's, the ones a person facilitates, the
 * ones they belong to.
 */
@Component
class GroupListQueries {

	private static final String COLUMNS = "g.id, g.home_context_ref, g.title, g.kind, g.purpose, g.visibility, g.archived_at IS NOT NULL";

	private static final String ORDER = " ORDER BY g.archived_at IS NOT NULL, g.title, g.id";

	private static final RowMapper<GroupSummary> ROW = (rs, i) -> new GroupSummary(rs.getLong(1), rs.getLong(2),
			rs.getString(3), StudyGroup.Kind.valueOf(rs.getString(4)), rs.getString(5),
			StudyGroup.Visibility.valueOf(rs.getString(6)), rs.getBoolean(7));

	private final JdbcClient jdbc;

	GroupListQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<GroupSummary> inCourse(long tenant, long contextRef) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM study_group g WHERE g.tenant_id = ? AND g.home_context_ref = ?" + ORDER)
			.params(tenant, contextRef)
			.query(ROW)
			.list();
	}

	List<GroupSummary> facilitatedBy(long tenant, long userRef) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM study_group g JOIN study_group_facilitator f ON f.study_group = g.id
				WHERE g.tenant_id = ? AND f.user_ref = ?""" + ORDER).params(tenant, userRef).query(ROW).list();
	}

	List<GroupSummary> joinedBy(long tenant, long userRef) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM study_group g JOIN study_group_member m ON m.study_group = g.id
				WHERE m.tenant_id = ? AND m.user_ref = ?""" + ORDER).params(tenant, userRef).query(ROW).list();
	}

}
