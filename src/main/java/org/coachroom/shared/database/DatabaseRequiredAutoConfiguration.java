package org.coachroom.shared.database;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The packaged application carries no database of its own: without
 * {@code spring.datasource.url} (and no data source given by the development run) it
 * refuses to start, and {@link NoDatabaseFailureAnalyzer} says what to set, instead of
 * Boot looking for an in-memory one.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(NoDataSourceUrlCondition.class)
@ConditionalOnMissingBean(DataSource.class)
class DatabaseRequiredAutoConfiguration {

	@Bean
	DataSource dataSource() {
		throw new NoDatabaseConfiguredException();
	}

	/**
	 * Start-up's refusal to run without a database; {@link NoDatabaseFailureAnalyzer}
	 * shows it.
	 */
	static final class NoDatabaseConfiguredException extends IllegalStateException {

		NoDatabaseConfiguredException() {
			super("No database is configured: spring.datasource.url is not set, and the packaged Coachroom "
					+ "does not start a database of its own.");
		}

	}

}
