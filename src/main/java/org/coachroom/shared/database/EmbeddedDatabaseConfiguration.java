package org.coachroom.shared.database;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url}, Coachroom runs on its own embedded MariaDB with data in
 * {@code coachroom.embedded-database.data-dir} (./data by default), connecting with the password the
 * server keeps there. Production sets the URL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

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

	@Bean
	EmbeddedDatabaseProperties embeddedDatabaseProperties(org.springframework.core.env.Environment env) {
		return new EmbeddedDatabaseProperties(env.getProperty(EmbeddedMariaDb.DATA_DIR_PROPERTY, "data"),
				env.getProperty("coachroom.embedded-database.name", "coachroom"));
	}

	record EmbeddedDatabaseProperties(String dataDir, String name) {
	}

}
