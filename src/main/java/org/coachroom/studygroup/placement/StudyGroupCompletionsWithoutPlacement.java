package org.coachroom.studygroup.placement;

import org.coachroom.gradebook.CompletionsWithoutPlacement;
import org.coachroom.studygroup.StudyGroupCompleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A study group's completions that no gradebook gets: its complete members, while the
 * group is placed in no course (a coach adds Coachroom to a course and picks it).
 */
@Component
class StudyGroupCompletionsWithoutPlacement implements CompletionsWithoutPlacement {

	private final JdbcClient jdbc;

	StudyGroupCompletionsWithoutPlacement(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String source() {
		return StudyGroupCompleted.SOURCE;
	}

	@Override
	@Transactional(readOnly = true)
	public int waiting(long tenantId, long groupId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM study_group_member m
				WHERE m.tenant_id = ? AND m.study_group = ? AND m.completed_at IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM study_group_placement p WHERE p.study_group = m.study_group)""")
			.params(tenantId, groupId)
			.query(Integer.class)
			.single();
	}

}
