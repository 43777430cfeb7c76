package org.coachroom.shared.database;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The development run's database ({@code ./mvnw spring-boot:run}, see
 * {@code DevApplication}): without {@code spring.datasource.url}, Coachroom runs on its
 * own embedded MariaDB with data in {@code coachroom.embedded-database.data-dir} (./data
 * by default), connecting with the password the server keeps there. Added by name
 * ({@code SpringApplication.from(...).with(...)}, the benchmarks' {@code sources(...)}),
 * never by component scanning: it carries no {@code @Configuration}, so test contexts and
 * the production jar never pick it up.
 */
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class DevDatabaseConfiguration {

	@Bean(destroyMethod = "stop")
	EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
		return EmbeddedMariaDb.start(Path.of(properties.dataDir()), properties.name());
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedMariaDb server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setUsername(server.username());
		dataSource.setPassword(server.password());
		return dataSource;
	}

}
