package org.coachroom.shared.database;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.coachroom.testsupport.LaunchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No database call waits without end: a stalled server fails a request instead of holding
 * its thread.
 */
@LaunchTest
class DatabaseTimeoutTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void everyStatementThroughSpringJdbcHasAQueryTimeout() {
		assertThat(jdbc.getQueryTimeout()).isEqualTo(30);
	}

	@Test
	void theDriverGivesUpOnASilentServerAndConnectionsAreNotWaitedForLong() throws Exception {
		HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
		assertThat(hikari.getDataSourceProperties().getProperty("socketTimeout")).isEqualTo("300000");
		assertThat(hikari.getDataSourceProperties().getProperty("connectTimeout")).isEqualTo("5000");
		assertThat(hikari.getConnectionTimeout()).isEqualTo(5000);
	}

	@Test
	void aStatementOverItsTimeoutIsCancelledOnTheServer() {
		// the same mechanism as the 30 s default, at a second so the test stays short
		JdbcTemplate impatient = new JdbcTemplate(dataSource);
		impatient.setQueryTimeout(1);
		long started = System.nanoTime();
		assertThatThrownBy(() -> impatient.queryForObject("SELECT SLEEP(20)", Integer.class))
			.isInstanceOf(DataAccessException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

}
