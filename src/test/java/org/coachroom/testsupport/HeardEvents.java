package org.coachroom.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.coachroom.studygroup.StudyGroupCompleted;
import org.coachroom.studygroup.StudyGroupCompletionWithdrawn;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A test listener in the whole application, beside the module that consumes study groups'
 * completions (PD; the gradebook listens to {@code shared.CourseCompletion} instead): the
 * tests see through it what was published, and Modulith's registry records each
 * publication for it too, as for any listener (StudyGroupFlowTests reads those rows). A
 * module tested alone uses Modulith's {@code Scenario} instead (GradebookModuleTests).
 */
@TestComponent
public class HeardEvents {

	private final List<StudyGroupCompleted> studyGroupCompletions = Collections.synchronizedList(new ArrayList<>());

	@ApplicationModuleListener
	void on(StudyGroupCompleted event) {
		studyGroupCompletions.add(event);
	}

	private final List<StudyGroupCompletionWithdrawn> withdrawals = Collections.synchronizedList(new ArrayList<>());

	@ApplicationModuleListener
	void on(StudyGroupCompletionWithdrawn event) {
		withdrawals.add(event);
	}

	public List<StudyGroupCompletionWithdrawn> studyGroupWithdrawals() {
		synchronized (withdrawals) {
			return List.copyOf(withdrawals);
		}
	}

	public List<StudyGroupCompleted> studyGroupCompletions() {
		synchronized (studyGroupCompletions) {
			return List.copyOf(studyGroupCompletions);
		}
	}

}
