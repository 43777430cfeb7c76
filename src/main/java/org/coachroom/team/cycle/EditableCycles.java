package org.coachroom.team.cycle;

import org.coachroom.lti.Member;
import org.coachroom.team.workspace.EditConflictException;
import org.coachroom.team.workspace.TeamAccess;
import org.coachroom.team.workspace.WorkspaceNotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * An open cycle at the version the page showed, and its save: someone else's save
 * meanwhile is a conflict.
 */
@Component
class EditableCycles {

	private final TeamAccess access;

	private final Cycles cycles;

	EditableCycles(TeamAccess access, Cycles cycles) {
		this.access = access;
		this.cycles = cycles;
	}

	/**
	 * The cycle at the version the page showed; someone else's save meanwhile is a
	 * conflict.
	 */
	Cycle current(Member member, long workspace, long cycleId, Integer version) {
		access.require(member, workspace);
		Cycle cycle = cycles.findByIdAndWorkspace(cycleId, workspace)
			.orElseThrow(() -> new WorkspaceNotFoundException(workspace));
		if (cycle.isClosed()) {
			throw new EditConflictException("Cycle " + cycleId, "team.cycle.closed");
		}
		if (version == null || !version.equals(cycle.getVersion())) {
			throw new EditConflictException("Cycle " + cycleId, "team.cycle.conflict");
		}
		return cycle;
	}

	void save(Cycle cycle) {
		try {
			cycles.save(cycle);
		}
		catch (OptimisticLockingFailureException e) {
			throw new EditConflictException("Cycle " + cycle.getId(), "team.cycle.conflict");
		}
	}

}
