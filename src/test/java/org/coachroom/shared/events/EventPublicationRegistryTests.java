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
 * Events published in a transaction are recorded in Spring Modulith's
 * {@code EVENT_PUBLICATION} table (the name Modulith queries; V13 gives it that name on
 * servers that compare names case-sensitively) with the change that caused them, and
 * marked complete once their listener has run.
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
	void aPublishedEventIsRecordedAndCompletedInModulithsTable() {
		String what = "reflection-" + System.nanoTime();
		tx.executeWithoutResult(status -> events.publishEvent(new SomethingCompleted(what)));

		await().until(() -> heard.contains(what));
		await().untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM EVENT_PUBLICATION
				WHERE serialized_event LIKE ? AND completion_date IS NOT NULL""")
			.param("%" + what + "%")
			.query(Integer.class)
			.single()).isEqualTo(1));
	}

	@Test
	void everyTableNameIsLowerCaseButTheOneModulithNamesInUpperCase() {
		// EVENT_PUBLICATION where the server keeps names as given; event_publication
		// where it lower-cases them
		assertThat(jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = DATABASE() AND BINARY table_name <> BINARY LOWER(table_name)""")
			.query(String.class)
			.list()).isSubsetOf("EVENT_PUBLICATION");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM information_schema.tables
				WHERE table_schema = DATABASE() AND LOWER(table_name) = 'event_publication'""")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
