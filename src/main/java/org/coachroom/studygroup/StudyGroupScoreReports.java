package org.coachroom.studygroup;

import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.lti.ScoreReportAccess;
import org.springframework.stereotype.Component;

/** The gradebook report of a study group: for the people who manage the group. */
@Component
class StudyGroupScoreReports implements ScoreReportAccess {

	private final StudyGroupManagement management;

	StudyGroupScoreReports(StudyGroupManagement management) {
		this.management = management;
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
	public Optional<Reported> managedBy(Member member, long groupId) {
		return management.visible(member, groupId, StudyGroupManagement.Access.MANAGER)
			.map(g -> new Reported(g.getTitle(), "/groups/" + g.getId()));
	}
}
