package org.coachroom.studygroup.group;

import java.util.ArrayList;
import java.util.List;

import org.coachroom.studygroup.GroupSummary;
import org.coachroom.studygroup.StudyGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's lists of study groups: their course's, the ones they facilitate, the ones
 * they belong to.
 */
@Component
class GroupListQueries {

	private final JdbcClient jdbc;

	GroupListQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A person's three lists at once: their course's groups, the ones they run, the ones
	 * they joined.
	 */
	record PersonLists(List<GroupSummary> inCourse, List<GroupSummary> facilitated, List<GroupSummary> joined) {
	}

	/**
	 * The three lists in one query (the home page's, where every launch lands); no
	 * course, no course list.
	 */
	PersonLists ofPerson(long tenant, Long contextRef, long userRef) {
		String columns = "g.id, g.home_context_ref, g.title, g.kind, g.purpose, g.visibility, g.archived_at IS NOT NULL AS archived";
		List<GroupSummary> inCourse = new ArrayList<>();
		List<GroupSummary> facilitated = new ArrayList<>();
		List<GroupSummary> joined = new ArrayList<>();
		jdbc.sql("SELECT 'C' AS list, " + columns + """
				 FROM study_group g WHERE g.tenant_id = ? AND g.home_context_ref = ?
				UNION ALL SELECT 'F' AS list, """ + columns + """
				 FROM study_group g JOIN study_group_facilitator f ON f.study_group = g.id
				WHERE g.tenant_id = ? AND f.user_ref = ?
				UNION ALL SELECT 'M' AS list, """ + columns + """
				 FROM study_group g JOIN study_group_member m ON m.study_group = g.id
				WHERE m.tenant_id = ? AND m.user_ref = ?
				ORDER BY list, archived, title, id""")
			.params(tenant, contextRef == null ? -1L : contextRef, tenant, userRef, tenant, userRef)
			.query(rs -> {
				GroupSummary group = new GroupSummary(rs.getLong(2), rs.getLong(3), rs.getString(4),
						StudyGroup.Kind.valueOf(rs.getString(5)), rs.getString(6),
						StudyGroup.Visibility.valueOf(rs.getString(7)), rs.getBoolean(8));
				switch (rs.getString(1)) {
					case "C" -> inCourse.add(group);
					case "F" -> facilitated.add(group);
					default -> joined.add(group);
				}
			});
		return new PersonLists(inCourse, facilitated, joined);
	}

}
