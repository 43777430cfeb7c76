package org.coachroom.pd.tracking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.coachroom.lti.Member;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.shared.DistrictClock;
import org.coachroom.studygroup.StudyGroupCompleted;
import org.coachroom.studygroup.StudyGroupCompletionWithdrawn;
import org.coachroom.testsupport.CourseFixture;
import org.coachroom.testsupport.LaunchTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A study group's completion and its withdrawal reach PD as events handled in the
 * background, in no guaranteed order: the credit follows the latest fact (by when each
 * happened), never the order they arrive in. The handler is called directly, in each
 * order.
 */
@LaunchTest
class StudyGroupCreditOrderTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Credits credits;

	@Autowired
	DistrictClock district;

	CourseFixture fixture;

	Member teacher;

	/** The listener itself, not its asynchronous proxy: each event is handled now. */
	StudyGroupCredits handler;

	final Instant completedAt = Instant.parse("2026-10-01T15:00:00Z");

	final Instant withdrawnAt = completedAt.plus(Duration.ofDays(2));

	final Instant completedAgainAt = withdrawnAt.plus(Duration.ofDays(3));

	@BeforeEach
	void setUp() {
		fixture = CourseFixture.start(port, registry, jdbc, "credit-order", "Coaching hub");
		teacher = fixture.teacher().member();
		handler = new StudyGroupCredits(credits, district);
	}

	@AfterEach
	void tearDown() {
		fixture.close();
	}

	private StudyGroupCompleted completion(long group, String hours, Instant at) {
		return new StudyGroupCompleted(teacher.tenant().value(), group, "Shifting the Balance", teacher.userId(),
				teacher.subject(), List.of(), new BigDecimal(hours), "clock hours", at, true);
	}

	private StudyGroupCompletionWithdrawn withdrawal(long group, Instant at) {
		return new StudyGroupCompletionWithdrawn(teacher.tenant().value(), group, "Shifting the Balance",
				teacher.userId(), teacher.subject(), List.of(), at, fixture.coach().member().userId(),
				"Marked by mistake");
	}

	private static long someGroup() {
		return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
	}

	private List<String> creditsOf(long group) {
		return credits.credits(teacher)
			.stream()
			.filter(c -> c.title().equals("Shifting the Balance"))
			.map(c -> c.hours().stripTrailingZeros().toPlainString() + " " + c.unit())
			.toList();
	}

	private int rowsOf(long group) {
		return jdbc.sql("SELECT COUNT(*) FROM pd_credit WHERE user_ref = ? AND source_id = ?")
			.params(teacher.userId(), group)
			.query(Integer.class)
			.single();
	}

	@Test
	void aWithdrawalHandledBeforeItsCompletionLeavesNoCredit() {
		long group = someGroup();
		handler.on(withdrawal(group, withdrawnAt));
		handler.on(completion(group, "6", completedAt));
		assertThat(creditsOf(group)).isEmpty();
		// the withdrawal is kept as a withdrawn row, which the older completion did not
		// revive
		assertThat(rowsOf(group)).isOne();
	}

	@Test
	void aWithdrawalHandledAfterItsCompletionLeavesNoCredit() {
		long group = someGroup();
		handler.on(completion(group, "6", completedAt));
		assertThat(creditsOf(group)).containsExactly("6 clock hours");
		handler.on(withdrawal(group, withdrawnAt));
		assertThat(creditsOf(group)).isEmpty();
	}

	@Test
	void aCompletionAfterTheWithdrawalCountsAgainInWhateverOrderTheThreeArrive() {
		// completion (6 hours), withdrawal, completion again (4 hours): every arrival
		// order
		List<List<String>> orders = List.of(List.of("C", "W", "R"), List.of("C", "R", "W"), List.of("W", "C", "R"),
				List.of("W", "R", "C"), List.of("R", "C", "W"), List.of("R", "W", "C"));
		for (List<String> order : orders) {
			long group = someGroup();
			for (String event : order) {
				switch (event) {
					case "C" -> handler.on(completion(group, "6", completedAt));
					case "W" -> handler.on(withdrawal(group, withdrawnAt));
					default -> handler.on(completion(group, "4", completedAgainAt));
				}
			}
			assertThat(creditsOf(group)).as("arrival order %s", order).containsExactly("4 clock hours");
			jdbc.sql("DELETE FROM pd_credit WHERE user_ref = ? AND source_id = ?")
				.params(teacher.userId(), group)
				.update();
		}
	}

	@Test
	void aRepeatedOldCompletionDoesNotReviveAWithdrawnCredit() {
		long group = someGroup();
		handler.on(completion(group, "6", completedAt));
		handler.on(withdrawal(group, withdrawnAt));
		// the same completion again (sent again for a new placement, say)
		handler.on(completion(group, "6", completedAt));
		assertThat(creditsOf(group)).isEmpty();
	}

}
