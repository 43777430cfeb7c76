package org.coachroom.lti.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.coachroom.testsupport.LaunchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lti module's scheduled jobs run on one node at a time, under a ShedLock row each.
 */
@LaunchTest
class ScheduledJobLockTests {

	@Autowired
	Sessions sessions;

	@Autowired
	LoginStates loginStates;

	@Autowired
	ToolKeys toolKeys;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachScheduledJobTakesItsLockRow() {
		sessions.removeExpired();
		loginStates.removeOld();
		toolKeys.rotateWhenDue();

		assertThat(jdbc.sql("SELECT name FROM shedlock").query(String.class).list()).contains("lti-sessions-cleanup",
				"lti-login-states-cleanup", "lti-tool-key-rotation");
	}

	@Test
	void aJobWhoseLockAnotherNodeHoldsIsSkippedHere() {
		loginStates.removeOld();
		// another node takes the lock for an hour (ShedLock's own rows are updated, never
		// deleted)
		jdbc.sql("""
				UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) + INTERVAL 1 HOUR, locked_at = UTC_TIMESTAMP(3),
				locked_by = 'another-node' WHERE name = 'lti-login-states-cleanup'""").update();
		try {
			loginStates.removeOld();

			assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'lti-login-states-cleanup'")
				.query(String.class)
				.single()).isEqualTo("another-node");
		}
		finally {
			jdbc.sql(
					"UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE name = 'lti-login-states-cleanup'")
				.update();
		}
	}

}
