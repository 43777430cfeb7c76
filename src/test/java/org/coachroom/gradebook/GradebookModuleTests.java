package org.coachroom.gradebook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.lti.AssignmentGrades;
import org.coachroom.lti.People;
import org.coachroom.lti.ScoreReportAccess;
import org.coachroom.shared.CourseCompletion;
import org.coachroom.shared.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

/**
 * The gradebook module alone (with {@code shared}; the APIs of lti and access it uses are
 * mocks) against the test database: a {@link CourseCompletion} of any module, published
 * in a transaction, becomes a score in the outbox, and a withdrawal replaces it with one
 * that clears the score.
 */
@ApplicationModuleTest
// the sender stays idle: the rows stay as the listener wrote them
@TestPropertySource(properties = "coachroom.gradebook.poll=PT1H")
@Tag("database")
class GradebookModuleTests {

	@MockitoBean
	AssignmentGrades grades;

	@MockitoBean
	People people;

	@MockitoBean
	ScoreReportAccess scoreReportAccess;

	@MockitoBean
	CoachingPrivacy privacy;

	@Autowired
	JdbcClient jdbc;

	long platform;

	long tenant;

	long sourceId;

	@BeforeEach
	void aDeployment() {
		String issuer = "https://lms-" + UUID.randomUUID() + ".example";
		jdbc.sql("""
				INSERT INTO lti_platform (issuer, client_id, name, authorization_endpoint, jwks_uri, source,
				created_at, updated_at, version)
				VALUES (?, 'client', 'Module test LMS', ?, ?, 'REGISTRATIONS_FILE', NOW(3), NOW(3), 0)""")
			.params(issuer, issuer + "/auth", issuer + "/jwks")
			.update();
		platform = jdbc.sql("SELECT id FROM lti_platform WHERE issuer = ?").param(issuer).query(Long.class).single();
		jdbc.sql("INSERT INTO lti_deployment (platform_id, deployment_id, created_at) VALUES (?, '1', NOW(3))")
			.param(platform)
			.update();
		tenant = jdbc.sql("SELECT id FROM lti_deployment WHERE platform_id = ?")
			.param(platform)
			.query(Long.class)
			.single();
		sourceId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
	}

	@AfterEach
	void noDeployment() {
		// the deployment and its scores go with it (ON DELETE CASCADE)
		jdbc.sql("DELETE FROM lti_platform WHERE id = ?").param(platform).update();
	}

	record Completion(long tenantId, long sourceId, boolean completed, Instant at) implements CourseCompletion {

		@Override
		public String source() {
			return "STUDY_GROUP";
		}

		@Override
		public String sourceTitle() {
			return "Grade 3 text study";
		}

		@Override
		public long userRef() {
			return 42;
		}

		@Override
		public String subject() {
			return "moodle-42";
		}

		@Override
		public List<Placement> placements() {
			return List.of(new Placement("link-1", "https://lms.example/lineitems/7/lineitem", null));
		}

		@Override
		public Note note() {
			return Note.of(completed ? "gradebook.note.pd.completed" : "gradebook.note.pd.withdrawn");
		}

	}

	record Row(BigDecimal given, BigDecimal maximum, String subject, String status, int revision) {
	}

	private Optional<Row> row(int revision) {
		return jdbc.sql("""
				SELECT score_given, score_maximum, user_subject, status, revision FROM gradebook_score
				WHERE tenant_id = ? AND source = 'STUDY_GROUP' AND source_id = ? AND revision = ?""")
			.params(tenant, sourceId, revision)
			.query((rs, i) -> new Row(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
					rs.getInt(5)))
			.optional();
	}

	@Test
	void aCompletionBecomesAFullScoreToSend(Scenario scenario) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		scenario.publish(new Completion(tenant, sourceId, true, at))
			.andWaitForStateChange(() -> row(1))
			.andVerify(row -> assertThat(row).hasValueSatisfying(r -> {
				assertThat(r.given()).isEqualByComparingTo("100");
				assertThat(r.maximum()).isEqualByComparingTo("100");
				assertThat(r.subject()).isEqualTo("moodle-42");
				assertThat(r.status()).isEqualTo("PENDING");
			}));
	}

	@Test
	void aWithdrawalReplacesTheScoreWithOneThatClearsIt(Scenario scenario) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		scenario.publish(new Completion(tenant, sourceId, true, at)).andWaitForStateChange(() -> row(1));
		scenario.publish(new Completion(tenant, sourceId, false, at.plusSeconds(5)))
			.andWaitForStateChange(() -> row(2))
			.andVerify(row -> assertThat(row).hasValueSatisfying(r -> {
				assertThat(r.given()).isNull();
				assertThat(r.status()).isEqualTo("PENDING");
			}));
	}

	@Test
	void theNoteWithAScoreIsInThePersonsLanguage(Scenario scenario) {
		when(people.person(new TenantId(tenant), 42))
			.thenReturn(Optional.of(new People.Person(42, "moodle-42", "Ana Ruiz", "ana@example.org", "es_mx")));
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		scenario.publish(new Completion(tenant, sourceId, true, at))
			.andWaitForStateChange(() -> comment(1))
			.andVerify(comment -> assertThat(comment).contains("Completado en Coachroom"));
	}

	@Test
	void theNoteIsInEnglishForSomeoneWhoseLanguageIsUnknown(Scenario scenario) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		scenario.publish(new Completion(tenant, sourceId, true, at))
			.andWaitForStateChange(() -> comment(1))
			.andVerify(comment -> assertThat(comment).contains("Completed in Coachroom"));
	}

	private Optional<String> comment(int revision) {
		return jdbc.sql("""
				SELECT comment FROM gradebook_score
				WHERE tenant_id = ? AND source = 'STUDY_GROUP' AND source_id = ? AND revision = ?""")
			.params(tenant, sourceId, revision)
			.query(String.class)
			.optional();
	}

}
