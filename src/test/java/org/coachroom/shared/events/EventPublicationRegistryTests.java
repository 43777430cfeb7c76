package org.coachroom.shared.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events published in a transaction are recorded in the lower-case {@code event_publication} table
 * with the change that caused them, and marked complete once their listener has run.
 */
@SpringBootTest
@Tag("database")
class EventPublicationRegistryTests {

	record SomethingCompleted(String what) {
	}

	static final List<String> heard = Collections.synchronizedList(new ArrayList<>());

	@TestConfiguration
	static class Listener {

		@Bean
		Object somethingCompletedListener() {
			return new Object() {
				@ApplicationModuleListener
				void on(SomethingCompleted event) {
					heard.add(event.what());
				}
			};
		}
	}

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPublishedEventIsRecordedAndCompletedInTheLowerCaseTable() {
		String what = "reflection-" + System.nanoTime();
		tx.executeWithoutResult(status -> events.publishEvent(new SomethingCompleted(what)));

		await().until(() -> heard.contains(what));
		await().untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE serialized_event LIKE ? AND completion_date IS NOT NULL""").param("%" + what + "%")
			.query(Integer.class).single()).isEqualTo(1));
	}

	@Test
	void everyTableNameIsLowerCase() {
		assertThat(jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = DATABASE() AND BINARY table_name <> BINARY LOWER(table_name)""").query(String.class).list())
			.isEmpty();
	}
}
