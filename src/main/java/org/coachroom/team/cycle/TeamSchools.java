package org.coachroom.team.cycle;

import java.util.List;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.pd.Schools;
import org.coachroom.team.workspace.TeamAccess;
import org.coachroom.team.workspace.TeamInputException;
import org.coachroom.team.workspace.Workspace;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school a team belongs to (one of the district's, from the pd module), which its
 * principal's overview goes by.
 */
@Service
public class TeamSchools {

	private final TeamAccess access;

	private final SchoolQueries queries;

	private final Schools schools;

	TeamSchools(TeamAccess access, SchoolQueries queries, Schools schools) {
		this.access = access;
		this.queries = queries;
		this.schools = schools;
	}

	/**
	 * The school the team belongs to, for its principal's overview; empty while none is
	 * named.
	 */
	@Transactional(readOnly = true)
	public Optional<Schools.School> schoolOf(Member member, long workspace) {
		Workspace w = access.require(member, workspace);
		return queries.schoolOf(w.getId()).flatMap(id -> schools.find(w.getTenantId(), id));
	}

	/** The district's schools a facilitator can name. */
	public List<Schools.School> schoolsToName(Member member) {
		return schools.open(member.tenant().value());
	}

	/** The facilitator names the team's school (or none). */
	@Transactional
	public void nameSchool(Member member, long workspace, Long schoolId) {
		Workspace w = access.require(member, workspace);
		access.requireFacilitator(member, workspace);
		if (schoolId != null && schools.find(w.getTenantId(), schoolId).filter(s -> !s.archived()).isEmpty()) {
			throw new TeamInputException("team.school.unknown");
		}
		queries.nameSchool(workspace, schoolId);
	}

}
