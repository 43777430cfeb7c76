package org.coachroom.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the development run's embedded MariaDB
 * ({@code coachroom.embedded-database.*}), used only without
 * {@code spring.datasource.url}.
 *
 * @param dataDir where the embedded database keeps its files and its password
 * (mariadb-password); not inside the temp folder, start-up refuses that
 * @param name the database the embedded server holds Coachroom's schema in
 */
@ConfigurationProperties("coachroom.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("data") String dataDir, @DefaultValue("coachroom") String name) {
}
