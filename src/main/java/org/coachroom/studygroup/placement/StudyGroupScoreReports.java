package org.coachroom.studygroup.placement;

import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.lti.ScoreReportAccess;
import org.coachroom.studygroup.StudyGroupCompleted;
import org.coachroom.studygroup.StudyGroupManagement.Access;
import org.coachroom.studygroup.group.GroupAccess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The gradebook report of a study group: for the people who manage the group. */
@Component
class StudyGroupScoreReports implements ScoreReportAccess {

	private final GroupAccess access;

	StudyGroupScoreReports(GroupAccess access) {
		this.access = access;
	}

	@Override
	public String source() {
		return StudyGroupCompleted.SOURCE;
	}

	@Override
	public String segment() {
		return "study-groups";
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Reported> managedBy(Member member, long groupId) {
		return access.visible(member, groupId, Access.MANAGER)
			.map(g -> new Reported(g.getTitle(), "/groups/" + g.getId()));
	}

}
